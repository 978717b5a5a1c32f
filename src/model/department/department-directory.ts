import type { GraphGateway } from '../../db/graph-gateway';
import { RowReader } from '../../db/row-reader';
import { allByLabel } from '../../graph/all-by-label';
import type { DepartmentLookup, SharedDepartments } from '../../read/department-lookup';
import { Department } from './department.type';
import { resolveDepartmentRef } from './department-ref';

interface Entry {
  readonly version: string;
  readonly departments: Promise<Department[]>;
  /** The same departments by id: a reference by id costs one map lookup however many there are. */
  readonly byId: Promise<ReadonlyMap<string, Department>>;
  /** Set once the list is read: from then on nobody waits. */
  loaded: boolean;
}

/**
 * All departments, read once per data version and shared by every request while that version is served.
 * Department references (`filter.department`, `department(ref:)`) are resolved against this list, so a
 * request that names a department costs no statement for the lookup. When the data version changes (a
 * reload, later any write), the next request reads the list again.
 */
export class DepartmentDirectory implements DepartmentLookup, SharedDepartments {
  private cached: Entry | undefined;

  /**
   * `read` gives the departments of the current data version: `departmentsIn` the service's own gateway (not
   * one request's: the list outlives the request that read it, so one request's budget or cancellation must
   * not fail the read that later requests share), or the committed seed's where no database is at hand.
   */
  constructor(
    private readonly read: () => Promise<Department[]>,
    /** The data version being served (the service's DataVersion): its id names the list to answer from. */
    private readonly dataVersion: { current(): string },
  ) {}

  departments(): Promise<Department[]> {
    return this.entry().departments;
  }

  resolve(ref: string, argument: string): Promise<Department> {
    return resolveIn(this.entry(), ref, argument);
  }

  idOf(ref: string | null | undefined, argument: string): Promise<string | null> {
    return ref === null || ref === undefined ? Promise.resolve(null) : idIn(this.entry(), ref, argument);
  }

  version(): string {
    return this.dataVersion.current();
  }

  /**
   * The directory as one request sees it: while the shared list is being read, the request waits for it
   * through `wait` (within its own budget, as for a statement of its own), not for as long as the read takes,
   * which on a database that stopped answering is until it answers again. Once the list is read, nothing waits.
   */
  forRequest(wait: <T>(shared: Promise<T>) => Promise<T>): DepartmentLookup {
    const entry = (): Entry => {
      const current = this.entry();
      if (current.loaded) return current;
      // One wait per lookup, on the map (read last); the list is taken once the map is there.
      const byId = wait(current.byId);
      return {
        version: current.version,
        loaded: false,
        byId,
        get departments() {
          return byId.then(() => current.departments);
        },
      };
    };
    return {
      departments: () => entry().departments,
      resolve: (ref, argument) => resolveIn(entry(), ref, argument),
      // No lookup (and no wait, whose failure nobody would hear) when the filter names no department.
      idOf: (ref, argument) =>
        ref === null || ref === undefined ? Promise.resolve(null) : idIn(entry(), ref, argument),
      version: () => this.version(),
    };
  }

  private entry(): Entry {
    const version = this.dataVersion.current();
    if (this.cached?.version !== version) {
      const departments = this.read();
      const byId = departments.then((list) => new Map(list.map((department) => [department.id, department])));
      const entry: Entry = { version, departments, byId, loaded: false };
      this.cached = entry;
      byId.then(
        () => (entry.loaded = true),
        // A failed read is not kept: the next request tries again instead of repeating the failure.
        () => {
          if (this.cached === entry) this.cached = undefined;
        },
      );
      departments.catch(() => undefined);
    }
    return this.cached;
  }
}

/** Every department in the database `gateway` reads. */
export async function departmentsIn(
  gateway: Pick<GraphGateway, 'readStatement' | 'statements'>,
): Promise<Department[]> {
  const rows = await gateway.readStatement(allByLabel(gateway.statements, 'Department'));
  return rows.map((row) => Department.from(new RowReader(row).map('node')));
}

async function resolveIn(entry: Entry, ref: string, argument: string): Promise<Department> {
  const wanted = ref.normalize('NFKC').trim();
  const byId = await entry.byId;
  const found = byId.get(wanted) ?? byId.get(`department:${wanted.toLowerCase()}`);
  return found ?? resolveDepartmentRef(ref, await entry.departments, argument);
}

async function idIn(entry: Entry, ref: string, argument: string): Promise<string> {
  return (await resolveIn(entry, ref, argument)).id;
}
