import { openApi, type ApiFixture } from '../../helpers/api-fixture';

interface SdgRef {
  number: number;
}
interface Coverage {
  serviceInfo: {
    coverage: {
      fields: {
        field: { number: number; name: string };
        policyItemCount: number;
        measureCount: number;
        indicatorCount: number;
        sdgLinkCount: number;
        sdgs: SdgRef[];
      }[];
      uncoveredSdgs: (SdgRef & { nameEn: string })[];
    };
  };
}

const COVERAGE = `{
  serviceInfo {
    coverage {
      fields { field { number name } policyItemCount measureCount indicatorCount sdgLinkCount sdgs { number } }
      uncoveredSdgs { number nameEn }
    }
  }
}`;

/**
 * serviceInfo.coverage against the seed (seed/graph.json): only fields 5 and 6 come with measures, indicators
 * and SDG links (from the revision sheets and the final plan's chapters for them); the 27 policy items of
 * fields 1–4 are named by the plan's outline alone.
 */
describe('serviceInfo.coverage', () => {
  let api: ApiFixture;
  let coverage: Coverage['serviceInfo']['coverage'];
  beforeAll(async () => {
    api = await openApi();
    const response = await api.server.query<Coverage>(COVERAGE);
    expect(response.errors).toBeUndefined();
    coverage = response.data!.serviceInfo.coverage;
  });
  afterAll(() => api.close());

  it('counts each field’s policy items, kept measures, indicators and SDG links as the seed has them', () => {
    const counts = coverage.fields.map((f) => [
      f.field.number,
      f.field.name,
      f.policyItemCount,
      f.measureCount,
      f.indicatorCount,
      f.sdgLinkCount,
    ]);
    expect(counts).toEqual([
      [1, '健康福祉', 7, 0, 0, 0],
      [2, '教育文化', 6, 0, 0, 0],
      [3, '経済環境', 7, 0, 0, 0],
      [4, '都市基盤', 7, 0, 0, 0],
      // 25 measures in field 5, one of them (5-6-d3) deleted by the next plan.
      [5, '市民生活', 6, 24, 14, 14],
      [6, '行財政経営', 5, 25, 13, 15],
    ]);
  });

  it('names the SDGs each field’s policy items reach', () => {
    expect(coverage.fields.map((f) => f.sdgs.map((s) => s.number))).toEqual([
      [],
      [],
      [],
      [],
      [3, 4, 5, 8, 10, 11, 16, 17],
      [3, 4, 5, 8, 9, 10, 11, 12, 17],
    ]);
  });

  it('lists the SDGs the documents link nothing to', () => {
    expect(coverage.uncoveredSdgs.map((s) => s.number)).toEqual([1, 2, 6, 7, 13, 14, 15]);
    expect(coverage.uncoveredSdgs.find((s) => s.number === 13)?.nameEn).toBe('Climate Action');
  });

  it('gives fields and SDGs as graph nodes whose relationships answer', async () => {
    const response = await api.server.query<{
      serviceInfo: {
        coverage: {
          fields: { field: { id: string; policyItems: { code: string }[] } }[];
          uncoveredSdgs: { id: string; measures: { code: string }[] }[];
        };
      };
    }>(
      '{ serviceInfo { coverage { fields { field { id policyItems { code } } } uncoveredSdgs { id measures { code } } } } }',
    );
    expect(response.errors).toBeUndefined();
    const { fields, uncoveredSdgs } = response.data!.serviceInfo.coverage;
    expect(fields[0]?.field.id).toBe('field:1');
    expect(fields.map((f) => f.field.policyItems.length)).toEqual(coverage.fields.map((f) => f.policyItemCount));
    expect(uncoveredSdgs.map((s) => [s.id, s.measures.length])).toContainEqual(['sdg:13', 0]);
  });

  it('agrees with the filters: an uncovered SDG finds nothing, a covered one finds measures', async () => {
    const count = async (sdg: number): Promise<number> => {
      const response = await api.server.query<{ measures: { totalCount: number } }>(
        'query ($sdg: Int!) { measures(filter: { sdg: $sdg }) { totalCount } }',
        { sdg },
      );
      expect(response.errors).toBeUndefined();
      return response.data!.measures.totalCount;
    };
    for (const sdg of coverage.uncoveredSdgs) expect(await count(sdg.number)).toBe(0);
    expect(await count(11)).toBeGreaterThan(0);
  });
});
