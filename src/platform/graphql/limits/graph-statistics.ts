import type { GraphGateway } from '../../../db/graph-gateway';
import { RowReader } from '../../../db/row-reader';
import type { NodeLabel, RelationshipType } from '../../../graph/graph-model';
import type { GraphSizes } from '../../../read/graph-sizes';

/**
 * Sizes assumed before the graph has been measured (or when measuring failed): larger than any list of the
 * seeded graph (its largest label has 82 nodes) and the largest page a connection may ask for, so an
 * unmeasured service errs on refusing rather than on letting a huge answer through.
 */
export const UNMEASURED_SIZE = 100;

/**
 * The graph's real list sizes, read with one statement (cypher/service/list-size-statistics) after the graph
 * is loaded. Start-up calls `refresh` after seeding, and whatever reloads the graph in a running service
 * should call it again; until the first refresh every size is UNMEASURED_SIZE.
 */
export class GraphStatistics implements GraphSizes {
  private sizes: ReadonlyMap<string, number> | undefined;

  /** True once `refresh` has read the graph. */
  get measured(): boolean {
    return this.sizes !== undefined;
  }

  async refresh(gateway: GraphGateway): Promise<void> {
    const sizes = new Map<string, number>();
    for (const row of await gateway.read('service/list-size-statistics')) {
      const reader = new RowReader(row);
      sizes.set(`${reader.string('kind')}:${reader.string('name')}`, reader.number('size'));
    }
    this.sizes = sizes;
  }

  label(label: NodeLabel): number {
    return this.size(`label:${label}`);
  }

  out(type: RelationshipType): number {
    return this.size(`out:${type}`);
  }

  in(type: RelationshipType): number {
    return this.size(`in:${type}`);
  }

  /** A label or type absent from a measured graph has no nodes or relationships: size 0. */
  private size(key: string): number {
    return this.sizes ? (this.sizes.get(key) ?? 0) : UNMEASURED_SIZE;
  }
}
