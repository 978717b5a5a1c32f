import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graph/node.interface';
import { sourceOf } from '../../graph/node-mapping';
import { Source } from '../../graph/source.type';
import type { NodeProperties } from '../../read/graph-loaders';
import { mapNode } from '../../graph/map-node';
import { DeclaredFields, declaredNode, storedAsIsOf } from '../../graph/kinds/declared-fields';
import { FIELD_ATTRIBUTES } from '../../graph/kinds/field.kind';

// Its attributes are declared in src/graph/kinds/field.kind.ts.
@DeclaredFields(FIELD_ATTRIBUTES)
@ObjectType({
  implements: Node,
  description: 'A field (分野) of the comprehensive plan, e.g. 5 市民生活 (Civic Life).',
})
export class PolicyField extends declaredNode(Node, FIELD_ATTRIBUTES) {
  @Field(() => Source, { nullable: true, description: 'Where the documents name the field.' })
  source!: Source | null;

  /** Fields it takes over from stored properties as they are (`StoredAsIs`, src/graph/map-node.ts). */
  static readonly storedAsIs = storedAsIsOf(FIELD_ATTRIBUTES);

  static from(this: void, row: NodeProperties): PolicyField {
    return mapNode(PolicyField, 'Field', row, PolicyField.storedAsIs, (p) => ({
      source: sourceOf(p),
    }));
  }
}
