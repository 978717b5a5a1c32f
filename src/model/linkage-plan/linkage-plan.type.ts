import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graph/node.interface';
import { sourceOf } from '../../graph/node-mapping';
import { Source } from '../../graph/source.type';
import type { NodeProperties } from '../../read/graph-loaders';
import { mapNode } from '../../graph/map-node';

@ObjectType({ implements: Node, description: 'Cross-field linkage plan (政策連携プラン), e.g. ③.' })
export class LinkagePlan extends Node {
  @Field(() => Int, { description: 'Plan number 1–5 (①–⑤).' })
  number!: number;

  @Field({ description: 'Name of the plan.' })
  name!: string;

  @Field({ description: 'Summary of the plan.' })
  summary!: string;

  @Field(() => [String], { description: 'Proposed numeric targets (数値目標案).' })
  targets!: string[];

  @Field(() => Source, { nullable: true, description: 'Where the plan starts.' })
  source!: Source | null;

  /** Fields it takes over from stored properties as they are (`StoredAsIs`, src/graph/map-node.ts). */
  static readonly storedAsIs = ['number', 'name', 'summary'] as const;

  static from(this: void, row: NodeProperties): LinkagePlan {
    return mapNode(LinkagePlan, 'LinkagePlan', row, LinkagePlan.storedAsIs, (p) => ({
      targets: [...p.targets],
      source: sourceOf(p),
    }));
  }
}

@ObjectType({
  implements: Node,
  description: 'Initiative (推進のための取組) of a linkage plan, naming the policy items it draws on.',
})
export class Initiative extends Node {
  @Field(() => Int, { description: 'Number of the initiative within its linkage plan, from 1.' })
  number!: number;

  @Field({ description: 'Name of the initiative.' })
  name!: string;

  @Field({ description: 'What the initiative does.' })
  text!: string;

  @Field(() => Source, { nullable: true, description: 'Where the initiative is described.' })
  source!: Source | null;

  /** Fields it takes over from stored properties as they are (`StoredAsIs`, src/graph/map-node.ts). */
  static readonly storedAsIs = ['number', 'name', 'text'] as const;

  static from(this: void, row: NodeProperties): Initiative {
    return mapNode(Initiative, 'Initiative', row, Initiative.storedAsIs, (p) => ({
      source: sourceOf(p),
    }));
  }
}
