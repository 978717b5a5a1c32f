import { openApi, type ApiFixture } from '../helpers/api-fixture';

describe('smoke', () => {
  let api: ApiFixture;
  beforeAll(async () => {
    api = await openApi();
  });
  afterAll(() => api.close());
  it('runs', async () => {
    const r = await api.server.query(
      `{ measures(filter: {sdgs: [11, 13]}, orderBy: [{field: STATUS}, {field: NAME, direction: DESC}], first: 5) { totalCount nodes { code name status } pageInfo { endCursor }
         facets { fields { number count } sdgs { number count } departments { name count } statuses { status count } } } }`,
    );
    console.log(JSON.stringify(r, null, 1));
  });
});
