import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graph/node.interface';
import type { NodeProperties } from '../../read/graph-loaders';
import { mapNode } from '../../graph/map-node';

@ObjectType({ implements: Node, description: 'A Sustainable Development Goal (SDG) of the United Nations.' })
export class Sdg extends Node {
  @Field(() => Int, { description: 'Goal number 1–17.' })
  number!: number;

  @Field({
    description: 'Japanese title as the Government of Japan writes it, e.g. パートナーシップで目標を達成しよう.',
  })
  name!: string;

  @Field({ description: 'UN short title, e.g. Partnerships for the Goals.' })
  nameEn!: string;

  @Field({ description: "The goal's official colour, `#RRGGBB`." })
  color!: string;

  /** Fields it takes over from stored properties as they are (`StoredAsIs`, src/graph/map-node.ts). */
  static readonly storedAsIs = ['number', 'name', 'nameEn', 'color'] as const;

  static from(this: void, row: NodeProperties): Sdg {
    return mapNode(Sdg, 'Sdg', row, Sdg.storedAsIs);
  }
}
