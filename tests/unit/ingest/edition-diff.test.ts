import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiff } from '../../../src/ingest/diff/format-diff';
import { changesContent, diffGraphs } from '../../../src/ingest/diff/graph-diff';
import { recordsImpact } from '../../../src/ingest/diff/orphaned-records';
import { recordedSubjectsInBackup } from '../../../src/write/recorded-subjects';
import { ingest } from '../../../src/ingest/ingest';
import { IngestUsageError, parseIngestArguments } from '../../../src/ingest/ingest-arguments';
import { readSeedFile } from '../../../src/ingest/load/seed-file';
import { checkSourceDirectory, SourceDirectoryError } from '../../../src/ingest/source-directory';
import { BackupRefusal } from '../../../src/write/backup-lines';
import { editedDocuments, REMOVED_INDICATOR, writeEdition } from '../../helpers/test-edition';

/**
 * The diff of a new edition against the committed seed/graph.json, on a hand-edited copy of the real
 * documents (tests/helpers/test-edition.ts: measure 5-4-4 removed, 5-4-3 renamed, SDG 11 added to 5-1).
 */
const seed = readSeedFile();
if (!seed) throw new Error('seed/graph.json is missing: run `npm run ingest`');
const committed = seed.graph;
const edition = ingest(editedDocuments());
const diff = diffGraphs(committed, edition);

describe('the diff of an edited edition', () => {
  it('prints exactly the three edits, grouped by label and type, with names, and counts the moved lines', () => {
    expect(formatDiff(diff, undefined, { listSourceLines: false })).toEqual([
      'nodes: 0 added, 1 removed, 1 changed',
      '  Measure',
      '    - measure:5-4-4 暴力団排除活動の推進',
      '    ~ measure:5-4-3 犯罪の起きにくい安全なまちづくり',
      '        name: "犯罪の起きにくいまちづくり" → "犯罪の起きにくい安全なまちづくり"',
      '        searchText: "犯罪の起きにくいまちづくり\\n5-4-3\\n自主防犯組織の充実強化、地域の施設ごとの防犯設備の充実と防犯に配慮した施設づくりを推進し、犯罪の減少を図り、犯罪の起きにくいまちづくりを進めます。" → "犯罪の起きにくい安全なまちづくり\\n5-4-3\\n自主防犯組織の充実強化、地域の施設ごとの防犯設備の充実と防犯に配慮した施設づくりを推進し、犯罪の減少を図り、犯罪の起きにくいまちづくりを進めます。"',
      'relationships: 1 added, 2 removed, 1 changed',
      '  CONTRIBUTES_TO',
      '    + policy-item:5-1 市民との協働によるまちづくりの推進 → sdg:11 住み続けられるまちづくりを',
      '  HAS_MEASURE',
      '    - policy-item:5-4 防犯対策の推進 → measure:5-4-4 暴力団排除活動の推進',
      '  RESPONSIBLE_FOR',
      '    - department:crisis-management 危機管理課 → measure:5-4-4 暴力団排除活動の推進',
      // 5-4-1 answers to its policy item (seed/reference/indicator-owners.yaml), so the deleted measure leaves
      // the measures through which 危機管理課 answers for it: a consequence of the same edit, not a fourth one.
      '  ANSWERS_FOR',
      '    ~ department:crisis-management 危機管理課 → indicator:5-4-1 刑法犯認知件数',
      '        measures: ["measure:5-4-1","measure:5-4-2","measure:5-4-3","measure:5-4-4"] → ["measure:5-4-1","measure:5-4-2","measure:5-4-3"]',
      'discrepancies between documents: 0 new, 0 gone',
      'unresolved references: 0 new, 0 gone',
      'source lines only: 55 nodes, 47 relationships, 0 discrepancies and 0 unresolved references moved to other lines (--lines lists them)',
      'recorded results and evaluations: not checked (no database; give --records FILE to check a backup)',
    ]);
  });

  it('lists the moved lines on request: only 001 after the removed measure moved, by its three lines', () => {
    const shifts = diff.sourceLines.shifts;
    expect(shifts).toHaveLength(55 + 47);
    expect(new Set(shifts.map((s) => s.document))).toEqual(new Set(['001_ce2878ebb8c6f072.txt']));
    expect(shifts.every((s) => s.before !== undefined && s.after === s.before - 3)).toBe(true);
    // The first node after 5-4-4 in 001: item 5-5's heading.
    expect(shifts).toContainEqual({
      what: 'policy-item:5-5',
      document: '001_ce2878ebb8c6f072.txt',
      before: 292,
      after: 289,
    });
    const listed = formatDiff(diff, undefined, { listSourceLines: true });
    expect(listed).toContain('    001_ce2878ebb8c6f072.txt: 292 → 289  policy-item:5-5');
    expect(listed).toContain(
      'source lines only: 55 nodes, 47 relationships, 0 discrepancies and 0 unresolved references moved to other lines',
    );
  });

  it('finds nothing to report for the committed documents themselves', () => {
    const same = diffGraphs(committed, ingest());
    expect(changesContent(same)).toBe(false);
    expect(same.sourceLines.shifts).toEqual([]);
    expect(changesContent(diff)).toBe(true);
  });

  it('reports a discrepancy by its content, not its line', () => {
    const discrepancy = {
      subject: 'measure:5-1-1',
      message: 'numbered otherwise',
      sourceDocument: 'x.txt',
      sourceLine: 5,
    };
    const before = { ...committed, discrepancies: [discrepancy] };
    const moved = diffGraphs(before, { ...committed, discrepancies: [{ ...discrepancy, sourceLine: 9 }] });
    expect(moved.discrepancies).toEqual({ added: [], removed: [] });
    expect(moved.sourceLines.discrepancies).toBe(1);
    const gone = diffGraphs(before, committed);
    expect(gone.discrepancies).toEqual({ added: [], removed: [discrepancy] });
  });
});

describe('recorded results against an edition', () => {
  const withoutIndicator = ingest(editedDocuments({ withoutIndicator: true }));
  const subjects = [
    { subject: 'indicator:5-4-1', records: 1 },
    { subject: REMOVED_INDICATOR.id, records: 2 },
    { subject: 'reform-sheet:9-99', records: 1 },
  ];

  it('names the records whose indicator the edition drops, and those orphaned already', () => {
    const impact = recordsImpact('test', subjects, committed, withoutIndicator);
    expect(impact.orphaned).toEqual([{ subject: REMOVED_INDICATOR.id, records: 2, name: REMOVED_INDICATOR.name }]);
    expect(impact.stillOrphaned).toEqual([{ subject: 'reform-sheet:9-99', records: 1, name: undefined }]);
    expect(impact.reattached).toEqual([]);
    expect(impact.unaffected).toBe(1);
    // The other way round (loading the committed graph over the edition), the records attach again.
    expect(recordsImpact('test', subjects, withoutIndicator, committed).reattached).toEqual([
      { subject: REMOVED_INDICATOR.id, records: 2, name: REMOVED_INDICATOR.name },
    ]);
  });

  it('prints them after the graph changes', () => {
    const lines = formatDiff(
      diffGraphs(committed, withoutIndicator),
      recordsImpact('records backup b.jsonl', subjects, committed, withoutIndicator),
      { listSourceLines: false },
    );
    expect(lines.slice(lines.indexOf('recorded results and evaluations (records backup b.jsonl):'))).toEqual([
      'recorded results and evaluations (records backup b.jsonl):',
      '  would be orphaned (kept by the loader, reported as orphans): 1',
      `    ${REMOVED_INDICATOR.id} ${REMOVED_INDICATOR.name}: 2 revision(s)`,
      '  orphaned already, and still: 1',
      '    reform-sheet:9-99: 1 revision(s)',
      '  attached again: 0',
      '  unaffected: 1 subjects',
    ]);
  });

  it('refuses a damaged records backup naming its line', () => {
    expect(() => recordedSubjectsInBackup('{"label":"Record"}\n')).toThrow(BackupRefusal);
    expect(() => recordedSubjectsInBackup('{"label":"Record"}\n')).toThrow(/line 1/);
  });
});

describe('the command line and the source folder', () => {
  it('keeps the plain command as it was and refuses diff options without --diff', () => {
    expect(parseIngestArguments([])).toMatchObject({ diff: false, write: false, sources: undefined });
    expect(parseIngestArguments(['--sources', 'new', '--diff', '--write'])).toMatchObject({
      sources: 'new',
      diff: true,
      write: true,
    });
    expect(() => parseIngestArguments(['--write'])).toThrow(new IngestUsageError('--write: only with --diff'));
    expect(() => parseIngestArguments(['--diff', '--records', 'a', '--no-records'])).toThrow(IngestUsageError);
    expect(() => parseIngestArguments(['--dif'])).toThrow(/Unknown option '--dif'/);
  });

  it('names a missing folder, a missing document and a line that is not UTF-8', () => {
    expect(() => checkSourceDirectory('no/such/folder')).toThrow(
      new SourceDirectoryError('no/such/folder: no such folder (--sources names the folder of the five documents)'),
    );
    const folder = writeEdition();
    try {
      checkSourceDirectory(folder.directory);
      const plan = join(folder.directory, '001_ce2878ebb8c6f072.txt');
      const planText = readFileSync(plan);
      rmSync(plan);
      expect(() => checkSourceDirectory(folder.directory)).toThrow(
        /: missing 001_ce2878ebb8c6f072\.txt \(the documents/,
      );
      writeFileSync(plan, planText);
      const name = '003_333ee31cbdb593ac.txt';
      const text = readFileSync(join(folder.directory, name));
      // Line 3 gets a Shift_JIS byte pair (0x82 0xA0, あ), as a file saved in the wrong encoding would have.
      const lines = text.toString('utf8').split('\n');
      const broken = Buffer.concat([
        Buffer.from(`${lines.slice(0, 2).join('\n')}\n`),
        Buffer.from([0x82, 0xa0]),
        Buffer.from(`\n${lines.slice(3).join('\n')}`),
      ]);
      writeFileSync(join(folder.directory, name), broken);
      expect(() => checkSourceDirectory(folder.directory)).toThrow(
        new SourceDirectoryError(`${name}:3: not UTF-8 text (convert the file to UTF-8)`),
      );
    } finally {
      folder.remove();
    }
  });
});
