import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graph/node.interface';
import { sourceOf } from '../../graph/node-mapping';
import { Source } from '../../graph/source.type';
import type { NodeProperties } from '../../read/graph-loaders';
import { mapNode } from '../../graph/map-node';
import { assembledFields, DeclaredFields, declaredNode, storedAsIsOf } from '../../graph/kinds/declared-fields';
import { INITIATIVE_ATTRIBUTES, LINKAGE_PLAN_ATTRIBUTES } from '../../graph/kinds/linkage-plan.kind';

// Its attributes are declared in src/graph/kinds/linkage-plan.kind.ts.
@DeclaredFields(LINKAGE_PLAN_ATTRIBUTES)
@ObjectType({ implements: Node, description: 'Cross-field linkage plan (政策連携プラン), e.g. ③.' })
export class LinkagePlan extends declaredNode(Node, LINKAGE_PLAN_ATTRIBUTES) {
  @Field(() => Source, { nullable: true, description: 'Where the plan starts.' })
  source!: Source | null;

  /** Fields it takes over from stored properties as they are (`StoredAsIs`, src/graph/map-node.ts). */
  static readonly storedAsIs = storedAsIsOf(LINKAGE_PLAN_ATTRIBUTES);

  static from(this: void, row: NodeProperties): LinkagePlan {
    return mapNode(LinkagePlan, 'LinkagePlan', row, LinkagePlan.storedAsIs, (p) =>
      Object.assign(assembledFields(LINKAGE_PLAN_ATTRIBUTES, p), { source: sourceOf(p) }),
    );
  }
}

@DeclaredFields(INITIATIVE_ATTRIBUTES)
@ObjectType({
  implements: Node,
  description: 'Initiative (推進のための取組) of a linkage plan, naming the policy items it draws on.',
})
export class Initiative extends declaredNode(Node, INITIATIVE_ATTRIBUTES) {
  @Field(() => Source, { nullable: true, description: 'Where the initiative is described.' })
  source!: Source | null;

  /** Fields it takes over from stored properties as they are (`StoredAsIs`, src/graph/map-node.ts). */
  static readonly storedAsIs = storedAsIsOf(INITIATIVE_ATTRIBUTES);

  static from(this: void, row: NodeProperties): Initiative {
    return mapNode(Initiative, 'Initiative', row, Initiative.storedAsIs, (p) => ({
      source: sourceOf(p),
    }));
  }
}
