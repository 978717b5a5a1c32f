import { Field, ObjectType } from 'type-graphql';
import { Direction } from '../../graph/enums';
import { Node } from '../../graph/node.interface';
import { sourceOf } from '../../graph/node-mapping';
import { Source } from '../../graph/source.type';
import type { NodeProperties } from '../../read/graph-loaders';
import { mapNode } from '../../graph/map-node';
import { DeclaredFields, declaredNode, storedAsIsOf } from '../../graph/properties/declared-fields';
import { INDICATOR_PROPERTIES } from '../../graph/properties/indicator.properties';

// The numbers (current value, target …) are declared in indicator.properties.ts.
@DeclaredFields(INDICATOR_PROPERTIES)
@ObjectType({
  implements: Node,
  description: 'Outcome indicator (成果指標) of a policy item: current value ▶▶ target.',
})
export class Indicator extends declaredNode(Node, INDICATOR_PROPERTIES) {
  @Field({ description: 'Name, e.g. 市ホームページへのアクセス数.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Definition given in brackets, if any.' })
  definition!: string | null;

  @Field(() => String, { nullable: true, description: 'Current value as printed, e.g. `2,927,767 件`.' })
  currentText!: string | null;

  @Field(() => String, { nullable: true, description: 'Target as printed, e.g. `92.7 %以内`.' })
  targetText!: string | null;

  @Field(() => String, { nullable: true, description: 'Unit, e.g. 件, %, 人.' })
  unit!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Qualifier printed after the target, e.g. 以内 (at most: the target is an upper bound).',
  })
  targetBound!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Note printed in brackets after the target, e.g. 移動均衡 (migration in balance).',
  })
  targetNote!: string | null;

  @Field(() => Direction, { description: 'Which way the indicator should move.' })
  direction!: Direction;

  @Field(() => Source, { nullable: true, description: 'Where the indicator is printed.' })
  source!: Source | null;

  sortKey!: string;

  /** Fields it takes over from stored properties as they are (`StoredAsIs`, src/graph/map-node.ts). */
  static readonly storedAsIs = [
    'sortKey',
    'name',
    'definition',
    'currentText',
    'targetText',
    'unit',
    'targetBound',
    'targetNote',
    ...storedAsIsOf(INDICATOR_PROPERTIES),
  ] as const;

  static from(this: void, row: NodeProperties): Indicator {
    return mapNode(Indicator, 'Indicator', row, Indicator.storedAsIs, (p) => ({
      direction: Direction[p.direction],
      source: sourceOf(p),
    }));
  }
}
