import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graph/node.interface';
import type { NodeProperties } from '../../read/graph-loaders';
import { mapNode } from '../../graph/map-node';

@ObjectType({ implements: Node, description: 'Area (取組項目) of the administrative-reform outline (行政改革大綱).' })
export class ReformArea extends Node {
  @Field(() => Int, { description: 'Area number 1–3.' })
  number!: number;

  @Field({ description: 'Name of the area.' })
  name!: string;

  /** Fields it takes over from stored properties as they are (`StoredAsIs`, src/graph/map-node.ts). */
  static readonly storedAsIs = ['number', 'name'] as const;

  static from(this: void, row: NodeProperties): ReformArea {
    return mapNode(ReformArea, 'ReformArea', row, ReformArea.storedAsIs);
  }
}
