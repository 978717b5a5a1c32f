import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Discrepancy, GraphFile } from '../../../src/graph/graph-model';
import { CorrectionError, loadCorrections, type Corrections } from '../../../src/ingest/corrections';
import { CORRECTIONS_PATH, ingest, REFERENCE_DIRECTORY, SOURCES_DIRECTORY } from '../../../src/ingest/ingest';
import { buildGraph } from '../../../src/ingest/merge/build-graph';
import { MergeError } from '../../../src/ingest/merge/merge-error';
import { parseSources, SOURCE_FILES, type SourceRole } from '../../../src/ingest/merge/read-documents';
import { SourceDocument } from '../../../src/ingest/source-document';
import { mutated, replaceOnLine } from '../../helpers/source-fixture';

/**
 * Every discrepancy and every conflict the merge can report, each made to happen by one change to a copy
 * of the real documents (the real documents agree: the committed graph has no discrepancy). Each test pins
 * the exact report: its subject, what differs, and the document and line it points to.
 */

const FINAL = SOURCE_FILES.finalPlan;
const FIELD_5 = SOURCE_FILES.fieldFiveSheets;
const LINKAGE = SOURCE_FILES.linkagePlans;
/** The reviewed owners file: an entry an edited document no longer bears out is reported beside the edit. */
const OWNERS = 'reference/indicator-owners.yaml';
/** The line of the owners file where `indicator`'s entry starts (the line a discrepancy about it names). */
function ownersLine(indicator: string): number {
  const lines = readFileSync(join('seed', OWNERS), 'utf8').split('\n');
  return lines.findIndex((line) => line.endsWith(`- indicator: indicator:${indicator}`)) + 1;
}

/** The graph merged from the real documents, with `role`'s document changed by `edit` (raw lines, before the text fixes). */
function mergedWith(role: SourceRole, edit: (lines: string[]) => void): GraphFile {
  return ingest({ [role]: mutated(SourceDocument.read(SOURCES_DIRECTORY, SOURCE_FILES[role]), edit) });
}

function discrepancy(subject: string, message: string, document: string, line: number): Discrepancy {
  return { subject, message, sourceDocument: document, sourceLine: line };
}

/** The error `run` throws, which must be of `kind` (fails the test when it runs through). */
function errorOf<E extends Error>(kind: new (...args: never[]) => E, run: () => unknown): E {
  try {
    run();
  } catch (error) {
    if (error instanceof kind) return error;
    throw error;
  }
  throw new Error(`expected a ${kind.name}, but the merge went through`);
}

/** The real documents merged with other corrections (decisions) than seed/corrections.yaml's. */
function mergedWithCorrections(change: (corrections: Corrections) => Corrections): GraphFile {
  const corrections = change(loadCorrections(CORRECTIONS_PATH));
  return buildGraph(parseSources(SOURCES_DIRECTORY, REFERENCE_DIRECTORY, corrections));
}

describe('merge discrepancies, each triggered by one change to the documents', () => {
  it('reports a field the final text names otherwise than the reference table (001 line 5)', () => {
    const graph = mergedWith('finalPlan', (lines) => replaceOnLine(lines, 5, '市民生活分野', '市民くらし分野'));
    expect(graph.discrepancies).toEqual([
      discrepancy('field 5', 'the document names it 市民くらし, the reference table 市民生活', FINAL, 5),
    ]);
  });

  it('reports a field the matrix names otherwise than the reference table (004 line 164)', () => {
    const graph = mergedWith('linkagePlans', (lines) => replaceOnLine(lines, 164, '健康福祉', '保健福祉'));
    expect(graph.discrepancies).toEqual([
      discrepancy('field 1', 'the document names it 保健福祉, the reference table 健康福祉', LINKAGE, 164),
    ]);
  });

  it('reports an item the matrix names otherwise than the final text (004 line 192)', () => {
    const graph = mergedWith('linkagePlans', (lines) =>
      replaceOnLine(lines, 192, '人権を尊重する社会の実現', '人権尊重の社会づくり'),
    );
    expect(graph.discrepancies).toEqual([
      discrepancy(
        'policy item 5-2',
        'the matrix names it 人権尊重の社会づくり, the final text 人権を尊重する社会の実現',
        LINKAGE,
        192,
      ),
    ]);
  });

  it('reports an item the draft sheet names otherwise than the final text (000 line 7)', () => {
    const graph = mergedWith('fieldFiveSheets', (lines) =>
      replaceOnLine(lines, 7, '市民との協働によるまちづくりの推進', '市民協働のまちづくり'),
    );
    expect(graph.discrepancies).toEqual([
      discrepancy(
        'policy item 5-1',
        'the draft names it 市民協働のまちづくり, the final text 市民との協働によるまちづくりの推進',
        FIELD_5,
        7,
      ),
    ]);
  });

  it('reports an item of the final text that the matrix lacks (004 line 193 removed)', () => {
    const graph = mergedWith('linkagePlans', (lines) => replaceOnLine(lines, 193, '\t5-3\t危機管理体制の強化', ''));
    expect(graph.discrepancies).toEqual([
      discrepancy('policy item 5-3', 'described in the final text but missing from the matrix', FINAL, 175),
      discrepancy(
        'indicator 5-3-1',
        'the owners file: names an indicator no policy item of the documents has',
        OWNERS,
        ownersLine('5-3-1'),
      ),
      discrepancy(
        'indicator 5-3-2',
        'the owners file: names an indicator no policy item of the documents has',
        OWNERS,
        ownersLine('5-3-2'),
      ),
    ]);
    expect(graph.nodes.some((node) => node.id === 'policy-item:5-3')).toBe(false);
  });

  it('reports measures the draft numbers otherwise than the final text (001 lines 82 and 86 swapped)', () => {
    const graph = mergedWith('finalPlan', (lines) => {
      replaceOnLine(lines, 82, '1. 自治会の支援', '1. コミュニティ活動団体の支援');
      replaceOnLine(lines, 86, '2. コミュニティ活動団体の支援', '2. 自治会の支援');
    });
    expect(graph.discrepancies).toEqual([
      discrepancy('measure 5-1-2', 'the draft numbers it 1, the final text 2', FIELD_5, 58),
      discrepancy('measure 5-1-1', 'the draft numbers it 2, the final text 1', FIELD_5, 60),
      // 5-1-1's reviewed entry names the measure called 自治会の支援, which the swap gave other departments.
      discrepancy(
        'indicator 5-1-1',
        "the owners file: it places 危機管理課 on the measures' rows but the draft sheets give measure:5-1-1 the departments department:citizen-activity-promotion",
        OWNERS,
        ownersLine('5-1-1'),
      ),
    ]);
  });

  it('reports a draft measure the final text does not have (001 lines 94–96 removed)', () => {
    const graph = mergedWith('finalPlan', (lines) => {
      replaceOnLine(lines, 94, '4. 市民・企業との協働', '');
      if (!lines[95]?.startsWith('- 地域の課題解決')) throw new Error('test fixture: 001 line 96 moved');
      lines[95] = '';
    });
    expect(graph.discrepancies).toEqual([
      discrepancy(
        'measure 5-1-4',
        'the draft keeps 市民・企業との協働 but the final text has no such measure',
        FIELD_5,
        64,
      ),
      discrepancy(
        'indicator 5-1-3',
        'the owners file: measure:5-1-4 is not a measure of policy-item:5-1, the policy item of indicator:5-1-3',
        OWNERS,
        ownersLine('5-1-3'),
      ),
    ]);
  });

  it('reports a final measure on no draft row (a fifth measure added on 001 lines 98–99)', () => {
    const graph = mergedWith('finalPlan', (lines) => {
      lines[97] = '5. 地域の担い手の育成';
      lines[98] = '- 地域活動の担い手を育てます。';
    });
    expect(graph.discrepancies).toEqual([
      discrepancy(
        'measure 5-1-5',
        'in the final text but on no draft row: its status and departments are unknown',
        FINAL,
        98,
      ),
    ]);
  });

  it('reports an item the matrix marks for a plan whose initiatives do not name it (004 line 192)', () => {
    const graph = mergedWith('linkagePlans', (lines) =>
      replaceOnLine(lines, 192, '人権を尊重する社会の実現\t', '人権を尊重する社会の実現\t○'),
    );
    expect(graph.discrepancies).toEqual([
      discrepancy(
        'linkage plan 1 / 5-2',
        'the matrix marks this item but no initiative of the plan names it',
        LINKAGE,
        192,
      ),
    ]);
  });

  it('reports an item an initiative names but the matrix does not mark (004 line 196)', () => {
    const graph = mergedWith('linkagePlans', (lines) =>
      replaceOnLine(lines, 196, '市民サービスの向上\t○', '市民サービスの向上\t'),
    );
    expect(graph.discrepancies).toEqual([
      discrepancy('linkage plan 1 / 5-6', 'an initiative names this item but the matrix does not mark it', LINKAGE, 46),
    ]);
  });

  it('reports an item name an initiative writes otherwise than the matrix (004 line 46)', () => {
    const graph = mergedWith('linkagePlans', (lines) =>
      replaceOnLine(lines, 46, '5-6 市民サービスの向上', '5-6 市民サービスの充実'),
    );
    expect(graph.discrepancies).toEqual([
      discrepancy(
        'linkage plan 1 / 5-6',
        'initiative 1-3 writes its name 市民サービスの充実, the matrix 市民サービスの向上',
        LINKAGE,
        46,
      ),
    ]);
  });

  it('would report the 2-1 typo that seed/corrections.yaml fixes on 004 line 83', () => {
    const withoutFix = (corrections: Corrections): Corrections => ({
      ...corrections,
      textFixes: corrections.textFixes.filter((fix) => fix.within !== '2-1 豊かな学力'),
    });
    expect(mergedWithCorrections(withoutFix).discrepancies).toEqual([
      discrepancy(
        'linkage plan 2 / 2-1',
        'initiative 2-3 writes its name 豊かな学力と自立する力の育成, the matrix 確かな学力と自立する力の育成',
        LINKAGE,
        83,
      ),
    ]);
  });
});

describe('merge conflicts, each stopping the merge with document and line', () => {
  it('stops when an initiative names an item no document describes (004 line 46)', () => {
    const error = errorOf(MergeError, () =>
      mergedWith('linkagePlans', (lines) =>
        replaceOnLine(lines, 46, '5-6 市民サービスの向上', '9-9 市民サービスの向上'),
      ),
    );
    expect(error.message).toBe(`${LINKAGE}:46: initiative 1-3 names policy item 9-9, which no document describes`);
  });

  it('stops when a detailed item has no draft sheet (000 lines 371–439, sheet 5-6, removed)', () => {
    const error = errorOf(MergeError, () =>
      mergedWith('fieldFiveSheets', (lines) => lines.splice(370, lines.length - 370)),
    );
    expect(error.message).toBe(`${FINAL}:332: policy item 5-6 has no draft revision sheet`);
  });

  it('stops when two draft rows pair with one final measure (000 line 60 renamed like row 1)', () => {
    const error = errorOf(MergeError, () =>
      mergedWith('fieldFiveSheets', (lines) =>
        replaceOnLine(lines, 60, '2 コミュニティ活動団体の支援', '2 自治会の支援'),
      ),
    );
    expect(error.message).toBe(`${FIELD_5}:60: a second draft row pairs with final measure 5-1-1`);
  });

  it('stops at a department the glossary lacks (000 line 60)', () => {
    const error = errorOf(MergeError, () =>
      mergedWith('fieldFiveSheets', (lines) =>
        replaceOnLine(lines, 60, '評価回答部署\t市民活動推進課', '評価回答部署\t架空課'),
      ),
    );
    expect(error.message).toBe(`${FIELD_5}:60: department '架空課' is not in seed/reference/departments.yaml`);
  });

  it('stops when two measures answer to one name (001 line 86 given the name of 5-2-1)', () => {
    const error = errorOf(MergeError, () =>
      mergedWith('finalPlan', (lines) =>
        replaceOnLine(lines, 86, '2. コミュニティ活動団体の支援', '2. 人権教育・人権啓発の推進'),
      ),
    );
    expect(error.message).toBe(
      `${FINAL}:148: two measures answer to the name '人権教育・人権啓発の推進': measure:5-1-2 and measure:5-2-1`,
    );
  });

  it('stops at a project-swap decision that is neither swap nor rename', () => {
    const error = errorOf(CorrectionError, () =>
      mergedWithCorrections((corrections) => ({
        ...corrections,
        decisions: corrections.decisions.map((d) => ({ ...d, value: 'maybe' })),
      })),
    );
    expect(error.message).toMatch(
      /corrections\.yaml: decisions\[0\] \(line \d+\): decision project-swap:6-1:2-3 must be 'swap' or 'rename', found 'maybe'$/,
    );
  });

  it('stops at a project swap nobody decided, naming the key to add', () => {
    const error = errorOf(CorrectionError, () =>
      mergedWithCorrections((corrections) => ({ ...corrections, decisions: [] })),
    );
    expect(error.message).toBe("seed/corrections.yaml: no decision with key 'project-swap:6-1:2-3'");
  });

  describe('with a reference table the documents do not match', () => {
    let directory = '';
    beforeAll(() => {
      directory = mkdtempSync(join(tmpdir(), 'reference-'));
      for (const name of readdirSync(REFERENCE_DIRECTORY)) {
        copyFileSync(join(REFERENCE_DIRECTORY, name), join(directory, name));
      }
      const fields = readFileSync(join(REFERENCE_DIRECTORY, 'fields.yaml'), 'utf8');
      writeFileSync(
        join(directory, 'fields.yaml'),
        `${fields.trimEnd()}\n  - number: 7\n    name: 広域連携\n    nameEn: Regional Cooperation\n`,
      );
    });
    afterAll(() => rmSync(directory, { recursive: true, force: true }));

    it('stops at a field no document names, pointing at its entry in fields.yaml', () => {
      const lineOfSeven = readFileSync(join(directory, 'fields.yaml'), 'utf8').split('\n').indexOf('  - number: 7') + 1;
      const error = errorOf(MergeError, () =>
        buildGraph(parseSources(SOURCES_DIRECTORY, directory, loadCorrections(CORRECTIONS_PATH))),
      );
      expect(error.message).toBe(`reference/fields.yaml:${lineOfSeven}: no document names field 7 (広域連携)`);
    });
  });
});
