import { ObjectType } from 'type-graphql';
import { Node } from '../../graph/node.interface';
import type { NodeProperties } from '../../read/graph-loaders';
import { mapNode } from '../../graph/map-node';
import { DeclaredFields, declaredNode, storedAsIsOf } from '../../graph/kinds/declared-fields';
import { REFORM_AREA_ATTRIBUTES } from '../../graph/kinds/reform-area.kind';

// Its attributes are declared in src/graph/kinds/reform-area.kind.ts.
@DeclaredFields(REFORM_AREA_ATTRIBUTES)
@ObjectType({ implements: Node, description: 'Area (取組項目) of the administrative-reform outline (行政改革大綱).' })
export class ReformArea extends declaredNode(Node, REFORM_AREA_ATTRIBUTES) {
  /** Fields it takes over from stored properties as they are (`StoredAsIs`, src/graph/map-node.ts). */
  static readonly storedAsIs = storedAsIsOf(REFORM_AREA_ATTRIBUTES);

  static from(this: void, row: NodeProperties): ReformArea {
    return mapNode(ReformArea, 'ReformArea', row, ReformArea.storedAsIs);
  }
}
