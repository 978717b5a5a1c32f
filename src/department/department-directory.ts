import type { GraphGateway } from '../db/graph-gateway';
import { RowReader } from '../db/row-reader';
import { allByLabel } from '../graph/all-by-label';
import type { DataVersion } from '../service/data-version';
import { Department } from './department.type';
import { resolveDepartmentRef } from './department-ref';

/**
 * All departments, read once per data version and shared by every request while that version is served.
 * Department references (`filter.department`, `department(ref:)`) are resolved against this list, so a
 * request that names a department costs no statement for the lookup. When the data version changes (a
 * reload, later any write), the next request reads the list again.
 */
export class DepartmentDirectory {
  private cached:
    | {
        readonly version: string;
        readonly departments: Promise<Department[]>;
        /** The same departments by id: a reference by id costs one map lookup however many there are. */
        readonly byId: Promise<ReadonlyMap<string, Department>>;
      }
    | undefined;

  /**
   * `gateway` is the service's own (not one request's): the list outlives the request that read it, so one
   * request's budget or cancellation must not fail the read that later requests share.
   */
  constructor(
    private readonly gateway: GraphGateway,
    private readonly dataVersion: Pick<DataVersion, 'current'>,
  ) {}

  departments(): Promise<Department[]> {
    return this.entry().departments;
  }

  /**
   * The department `ref` names (see resolveDepartmentRef). An id, the common case of clients that picked a
   * department from a list, is found in the map; names and words search the list.
   */
  async resolve(ref: string, argument: string): Promise<Department> {
    const wanted = ref.normalize('NFKC').trim();
    const byId = await this.entry().byId;
    const found = byId.get(wanted) ?? byId.get(`department:${wanted.toLowerCase()}`);
    return found ?? resolveDepartmentRef(ref, await this.departments(), argument);
  }

  /** The department id a filter's `department` names (see `resolve`), or null when the filter gives none. */
  async idOf(ref: string | null | undefined, argument: string): Promise<string | null> {
    if (ref === null || ref === undefined) return null;
    return (await this.resolve(ref, argument)).id;
  }

  private entry(): NonNullable<DepartmentDirectory['cached']> {
    const version = this.dataVersion.current();
    if (this.cached?.version !== version) {
      const departments = this.gateway
        .readStatement(allByLabel((name) => this.gateway.statementText(name), 'Department'))
        .then((rows) => rows.map((row) => Department.from(new RowReader(row).map('node'))));
      const byId = departments.then((list) => new Map(list.map((department) => [department.id, department])));
      const entry = { version, departments, byId };
      this.cached = entry;
      // A failed read is not kept: the next request tries again instead of repeating the failure.
      departments.catch(() => {
        if (this.cached === entry) this.cached = undefined;
      });
      byId.catch(() => undefined);
    }
    return this.cached;
  }
}
