import { DepartmentDirectory, departmentsIn } from '../../../src/model/department/department-directory';
import { QueryCounter } from '../../../src/db/query-counter';
import { openApi, type ApiFixture } from '../../helpers/api-fixture';

describe('the department directory', () => {
  let api: ApiFixture;
  beforeAll(async () => {
    api = await openApi();
  });
  afterAll(() => api.close());

  it('reads the departments once per data version and again when the version changes', async () => {
    const counter = new QueryCounter();
    let version = 'first';
    const directory = new DepartmentDirectory(() => departmentsIn(api.db.gateway.counting(counter)), {
      current: () => version,
    });

    const first = await directory.departments();
    await directory.departments();
    expect(counter.queries).toBe(1);
    // The seed has 46 departments; 市民活動推進課 is one of them.
    expect(first).toHaveLength(46);
    expect(first.map((d) => d.name)).toContain('市民活動推進課');

    version = 'second';
    const second = await directory.departments();
    expect(counter.queries).toBe(2);
    expect(second.map((d) => d.id)).toEqual(first.map((d) => d.id));
  });

  it('answers a measure filter naming a department with one statement once the directory is loaded', async () => {
    const query = 'query ($d: String!) { measures(filter: {sdg: 17, department: $d}) { totalCount nodes { code } } }';
    await api.server.query(query, { d: '市民活動推進課' });
    const response = await api.server.query<{ measures: { totalCount: number; nodes: { code: string }[] } }>(query, {
      d: 'citizen activity division',
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.measures.totalCount).toBe(9);
    expect((response.extensions?.cypher as { queries: number }).queries).toBe(1);
  });
});
