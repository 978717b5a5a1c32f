import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../common/node.interface';
import { sourceOf } from '../common/node-mapping';
import { Source } from '../common/source.type';
import type { NodeProperties } from '../graph/graph-loaders';

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

  static from(this: void, p: NodeProperties): LinkagePlan {
    return Object.assign(new LinkagePlan(), {
      kind: 'LinkagePlan',
      id: p.string('id'),
      number: p.number('number'),
      name: p.string('name'),
      summary: p.string('summary'),
      targets: p.strings('targets'),
      source: sourceOf(p),
    });
  }
}

@ObjectType({
  implements: Node,
  description: 'Initiative (推進のための取組) of a linkage plan, naming the policy items it draws on.',
})
export class Initiative extends Node {
  @Field({ description: 'Name of the initiative.' })
  name!: string;

  @Field({ description: 'What the initiative does.' })
  text!: string;

  @Field(() => Source, { nullable: true, description: 'Where the initiative is described.' })
  source!: Source | null;

  static from(this: void, p: NodeProperties): Initiative {
    return Object.assign(new Initiative(), {
      kind: 'Initiative',
      id: p.string('id'),
      name: p.string('name'),
      text: p.string('text'),
      source: sourceOf(p),
    });
  }
}
