import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graph/node.interface';
import { sourceOf } from '../../graph/node-mapping';
import { Source } from '../../graph/source.type';
import type { NodeProperties } from '../../read/graph-loaders';
import { mapNode } from '../../graph/map-node';

@ObjectType({
  implements: Node,
  description: 'A field (分野) of the comprehensive plan, e.g. 5 市民生活 (Civic Life).',
})
export class PolicyField extends Node {
  @Field(() => Int, { description: 'Field number 1–6.' })
  number!: number;

  @Field({ description: 'Japanese name, e.g. 市民生活.' })
  name!: string;

  @Field({ description: 'English name, e.g. Civic Life.' })
  nameEn!: string;

  @Field(() => String, { nullable: true, description: "The chapter's slogan (fields 5 and 6 only)." })
  slogan!: string | null;

  @Field(() => Source, { nullable: true, description: 'Where the documents name the field.' })
  source!: Source | null;

  /** Fields it takes over from stored properties as they are (`StoredAsIs`, src/graph/map-node.ts). */
  static readonly storedAsIs = ['number', 'name', 'nameEn', 'slogan'] as const;

  static from(this: void, row: NodeProperties): PolicyField {
    return mapNode(PolicyField, 'Field', row, PolicyField.storedAsIs, (p) => ({
      source: sourceOf(p),
    }));
  }
}
