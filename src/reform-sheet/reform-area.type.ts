import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../common/node.interface';
import type { NodeProperties } from '../read/graph-loaders';
import { readNode } from '../graph/node-properties';

@ObjectType({ implements: Node, description: 'Area (取組項目) of the administrative-reform outline (行政改革大綱).' })
export class ReformArea extends Node {
  @Field(() => Int, { description: 'Area number 1–3.' })
  number!: number;

  @Field({ description: 'Name of the area.' })
  name!: string;

  static from(this: void, row: NodeProperties): ReformArea {
    const p = readNode('ReformArea', row);
    return Object.assign(new ReformArea(), {
      kind: 'ReformArea',
      id: p.id,
      number: p.number,
      name: p.name,
    });
  }
}
