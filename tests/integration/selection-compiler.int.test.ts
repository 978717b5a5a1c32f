import { openApi, type ApiFixture } from '../helpers/api-fixture';

describe('scratch', () => {
  let api: ApiFixture;
  beforeAll(async () => {
    api = await openApi();
  });
  afterAll(() => api.close());
  it('runs', async () => {
    for (const q of [
      '{ fields { number name policyItems { code name sdgs { number } indicators { id name } measures { code name departments { name } reformSheets { code name } } } } }',
      '{ department(ref: "危機管理課") { name measures { code name } executes: reformSheets(role: EXECUTING) { code name } } }',
      '{ measure(code: "5-1-3") { code name policyItem { name } } }',
      '{ policyItems(first: 10, filter: { detailed: true }) { totalCount nodes { code name measures { code name departments { name } } } } }',
    ]) {
      const r = await api.server.query(q);
      console.log(JSON.stringify(r.errors), JSON.stringify(r.extensions), JSON.stringify(r.data).slice(0, 300));
    }
  });
});
