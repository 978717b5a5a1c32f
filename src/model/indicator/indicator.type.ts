import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graph/node.interface';
import { sourceOf } from '../../graph/node-mapping';
import { Source } from '../../graph/source.type';
import type { NodeProperties } from '../../read/graph-loaders';
import { mapNode } from '../../graph/map-node';
import { assembledFields, DeclaredFields, declaredNode, storedAsIsOf } from '../../graph/kinds/declared-fields';
import { INDICATOR_ATTRIBUTES } from '../../graph/kinds/indicator.kind';

// Its attributes (name, texts as printed, direction, numbers …) are declared in indicator.kind.ts.
@DeclaredFields(INDICATOR_ATTRIBUTES)
@ObjectType({
  implements: Node,
  description: 'Outcome indicator (成果指標) of a policy item: current value ▶▶ target.',
})
export class Indicator extends declaredNode(Node, INDICATOR_ATTRIBUTES) {
  @Field(() => Source, { nullable: true, description: 'Where the indicator is printed.' })
  source!: Source | null;

  sortKey!: string;

  /** Fields it takes over from stored properties as they are (`StoredAsIs`, src/graph/map-node.ts). */
  static readonly storedAsIs = ['sortKey', ...storedAsIsOf(INDICATOR_ATTRIBUTES)] as const;

  static from(this: void, row: NodeProperties): Indicator {
    return mapNode(Indicator, 'Indicator', row, Indicator.storedAsIs, (p) =>
      Object.assign(assembledFields(INDICATOR_ATTRIBUTES, p), { source: sourceOf(p) }),
    );
  }
}
