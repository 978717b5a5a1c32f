import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graph/node.interface';
import { sourceOf } from '../../graph/node-mapping';
import { Source } from '../../graph/source.type';
import type { NodeProperties } from '../../read/graph-loaders';
import { mapNode } from '../../graph/map-node';
import { assembledFields, DeclaredFields, declaredNode, storedAsIsOf } from '../../graph/kinds/declared-fields';
import { MEASURE_ATTRIBUTES } from '../../graph/kinds/measure.kind';

// Its attributes (code, names, status, its number within the policy item …) are declared in measure.kind.ts.
@DeclaredFields(MEASURE_ATTRIBUTES)
@ObjectType({ implements: Node, description: 'Mid-level measure (施策中項目) of a policy item, e.g. 5-1-3.' })
export class Measure extends declaredNode(Node, MEASURE_ATTRIBUTES) {
  @Field(() => Source, { nullable: true, description: 'Where the measure is described.' })
  source!: Source | null;

  /** Fields it takes over from stored properties as they are (`StoredAsIs`, src/graph/map-node.ts). */
  static readonly storedAsIs = ['sortKey', ...storedAsIsOf(MEASURE_ATTRIBUTES)] as const;

  static from(this: void, row: NodeProperties): Measure {
    return mapNode(Measure, 'Measure', row, Measure.storedAsIs, (p) =>
      Object.assign(assembledFields(MEASURE_ATTRIBUTES, p), { source: sourceOf(p) }),
    );
  }

  sortKey!: string;
}
