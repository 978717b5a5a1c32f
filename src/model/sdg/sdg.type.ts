import { ObjectType } from 'type-graphql';
import { Node } from '../../graph/node.interface';
import type { NodeProperties } from '../../read/graph-loaders';
import { mapNode } from '../../graph/map-node';
import { DeclaredFields, declaredNode, storedAsIsOf } from '../../graph/kinds/declared-fields';
import { SDG_ATTRIBUTES } from '../../graph/kinds/sdg.kind';

// Its attributes are declared in src/graph/kinds/sdg.kind.ts.
@DeclaredFields(SDG_ATTRIBUTES)
@ObjectType({ implements: Node, description: 'A Sustainable Development Goal (SDG) of the United Nations.' })
export class Sdg extends declaredNode(Node, SDG_ATTRIBUTES) {
  /** Fields it takes over from stored properties as they are (`StoredAsIs`, src/graph/map-node.ts). */
  static readonly storedAsIs = storedAsIsOf(SDG_ATTRIBUTES);

  static from(this: void, row: NodeProperties): Sdg {
    return mapNode(Sdg, 'Sdg', row, Sdg.storedAsIs);
  }
}
