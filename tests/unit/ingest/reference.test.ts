import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SourceDocument } from '../../../src/ingest/source-document';
import { matchKey } from '../../../src/core/text/index';
import {
  DepartmentGlossary,
  loadCollectiveTerms,
  loadDepartments,
  loadFields,
  loadSdgs,
  ReferenceDataError,
} from '../../../src/ingest/reference';

const REFERENCE = 'seed/reference';
const SOURCES = 'seed/sources';

const documents = readdirSync(SOURCES)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => SourceDocument.read(SOURCES, name));

function sourceLine(document: string, line: number): string {
  const doc = documents.find((d) => d.name === document);
  if (!doc) throw new Error(`no source document ${document}`);
  return doc.line(line);
}

describe('SDG reference', () => {
  const sdgs = loadSdgs(REFERENCE);

  it('lists the 17 goals numbered 1 to 17, each once', () => {
    expect(sdgs.map((sdg) => sdg.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
  });

  it('gives every goal an official hex colour', () => {
    for (const sdg of sdgs) expect(sdg.color).toMatch(/^#[0-9A-F]{6}$/);
    expect(sdgs.find((sdg) => sdg.number === 1)?.color).toBe('#E5243B');
    expect(sdgs.find((sdg) => sdg.number === 17)?.color).toBe('#19486A');
  });

  it("keeps the official title of SDG 17, not the documents' misspelling パートナリーシップ", () => {
    const sdg17 = sdgs.find((sdg) => sdg.number === 17);
    expect(sdg17?.name).toBe('パートナーシップで目標を達成しよう');
    expect(sdg17?.nameEn).toBe('Partnerships for the Goals');
    expect(sourceLine('000_c612850dd0d0a3ba.txt', 25)).toContain('パートナリーシップ');
  });
});

describe('field reference', () => {
  it('lists the six fields with 5 市民生活 and 6 行財政経営', () => {
    const fields = loadFields(REFERENCE);
    expect(fields.map((field) => field.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(fields.map((field) => field.name)).toEqual([
      '健康福祉',
      '教育文化',
      '経済環境',
      '都市基盤',
      '市民生活',
      '行財政経営',
    ]);
  });
});

describe('department glossary', () => {
  const glossary = DepartmentGlossary.load(REFERENCE);

  it('gives every department a unique slug id and a unique name', () => {
    const ids = glossary.departments.map((department) => department.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    const names = glossary.departments.map((department) => matchKey(department.name));
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives every department a hiragana reading that agrees with the kana and the unit its name spells', () => {
    // The readings are written by hand (the documents print none): what the name itself spells in kana
    // (スポーツ, 子育て, センター) must be in the reading, and the unit word must end it.
    const UNIT_READINGS: readonly (readonly [string, string])[] = [
      ['課', 'か'],
      ['室', 'しつ'],
      ['局', 'きょく'],
      ['館', 'かん'],
      ['部', 'ぶ'],
      ['センター', 'せんたー'],
    ];
    const toHiragana = (text: string): string =>
      text.replace(/[\u30a1-\u30f6]/g, (kana) => String.fromCharCode(kana.charCodeAt(0) - 0x60));
    const disagreeing = glossary.departments.filter((department) => {
      const kanaRuns = toHiragana(department.name).match(/[\u3041-\u3096ー]+/g) ?? [];
      const unit = UNIT_READINGS.find(([suffix]) => department.name.endsWith(suffix));
      return (
        !/^[\u3041-\u3096ー]+$/.test(department.nameKana) ||
        kanaRuns.some((run) => !department.nameKana.includes(run)) ||
        unit === undefined ||
        !department.nameKana.endsWith(unit[1])
      );
    });
    expect(disagreeing).toEqual([]);
    expect(glossary.lookup('危機管理課')?.nameKana).toBe('ききかんりか');
    expect(glossary.lookup('スポーツ推進課')?.nameKana).toBe('すぽーつすいしんか');
  });

  it('finds every department and collective term on the document line it cites', () => {
    const cited = [
      ...glossary.departments.flatMap((d) => [{ name: d.name, seen: d.seen }, ...d.aliases]),
      ...glossary.collectiveTerms.map((term) => ({
        name: term.name,
        seen: term.seen,
      })),
    ];
    const missing = cited.filter(
      ({ name, seen }) => !matchKey(sourceLine(seen.document, seen.line)).includes(matchKey(name)),
    );
    expect(missing).toEqual([]);
  });

  it('resolves 市民活動推進課 and 危機管理課, also when a PDF line break put spaces in the name', () => {
    expect(glossary.lookup('市民活動推進課')?.id).toBe('citizen-activity-promotion');
    expect(glossary.lookup('市民活動推進課')?.nameEn).toBe('Citizen Activity Promotion Division');
    expect(glossary.lookup('危機管理課')?.id).toBe('crisis-management');
    expect(glossary.lookup('危機管理課')?.nameEn).toBe('Crisis Management Division');
    expect(glossary.lookup('市民活動 推進課')?.id).toBe('citizen-activity-promotion');
    expect(glossary.lookup(' 危機 管理課 ')?.id).toBe('crisis-management');
  });

  it('resolves the units 003 names outside 課: an office, a bureau and the library', () => {
    expect(glossary.lookup('市街地整備室')?.nameEn).toBe('Urban Area Development Office');
    expect(glossary.lookup('農業委員会事務局')?.id).toBe('agricultural-committee-secretariat');
    expect(glossary.lookup('図書館')?.id).toBe('library');
  });

  it('does not resolve a name it lacks', () => {
    expect(glossary.lookup('何でもやる課')).toBeUndefined();
    expect(glossary.lookup('')).toBeUndefined();
  });

  it('treats collective terms as collective terms and never as departments', () => {
    for (const term of ['全庁', '関係各課', '庁内各課', '福祉部各課', '各公共施設所管課']) {
      expect(glossary.isCollectiveTerm(term)).toBe(true);
    }
    for (const term of glossary.collectiveTerms) expect(glossary.lookup(term.name)).toBeUndefined();
    expect(glossary.isCollectiveTerm('市民活動推進課')).toBe(false);
    expect(glossary.isCollectiveTerm('関係 各課')).toBe(true);
  });
});

/**
 * The department columns of the raw documents: the cell after a 評価回答部署 / 実行課 / 連携課 label (or
 * the rest of the label's own cell, as in `評価回答部署 企画課` and `評価回答部署：…`), and the 実行課
 * column of a table whose heading row names it (003's table of contents).
 */
const DEPARTMENT_LABELS = ['評価回答部署', '実行課', '連携課'];

interface NameInColumn {
  readonly name: string;
  readonly where: string;
}

function departmentColumnNames(doc: SourceDocument): NameInColumn[] {
  const found: NameInColumn[] = [];
  let tableColumn: number | undefined;
  doc.lines.forEach((line, index) => {
    const where = `${doc.name}:${index + 1}`;
    const cells = line.split('\t').map((cell) => cell.trim());
    const add = (cell: string): void => {
      for (const name of namesInCell(cell)) found.push({ name, where });
    };
    if (line.trim() === '') {
      tableColumn = undefined;
      return;
    }
    if (cells.includes('計画名') && cells.includes('実行課')) {
      tableColumn = cells.indexOf('実行課');
      return;
    }
    if (tableColumn !== undefined) {
      add(cells[tableColumn] ?? '');
      return;
    }
    cells.forEach((cell, i) => {
      const label = DEPARTMENT_LABELS.find((l) => cell.startsWith(l));
      if (label === undefined) return;
      const rest = cell.slice(label.length).replace(/^[\s:：]+/, '');
      if (rest !== '') return add(rest);
      const next = cells.slice(i + 1).find((c) => c !== '');
      if (next !== undefined && !DEPARTMENT_LABELS.some((l) => next.startsWith(l))) add(next);
    });
  });
  return found;
}

/** Names in a department cell: up to the first bullet or status arrow, split on 、 and spaces, `など` dropped. */
function namesInCell(cell: string): string[] {
  const names = (cell.split(/[●○←]/)[0] ?? '').split(/[、,，\s]+/);
  return names.map((name) => name.replace(/(など|等)$/, '')).filter((name) => name !== '');
}

function unresolved(glossary: DepartmentGlossary, names: readonly NameInColumn[]): NameInColumn[] {
  return names.filter(({ name }) => glossary.lookup(name) === undefined && !glossary.isCollectiveTerm(name));
}

describe('department coverage of the raw documents', () => {
  const glossary = DepartmentGlossary.load(REFERENCE);
  const names = documents.flatMap(departmentColumnNames);

  it('reads department columns from the revision sheets and the reform sheets', () => {
    const documentsWithColumns = new Set(names.map((n) => n.where.split(':')[0]));
    expect([...documentsWithColumns].sort()).toEqual([
      '000_c612850dd0d0a3ba.txt',
      '002_5efac60f894371f5.txt',
      '003_333ee31cbdb593ac.txt',
    ]);
    expect(names).toContainEqual({
      name: '市民活動推進課',
      where: '000_c612850dd0d0a3ba.txt:55',
    });
    expect(names).toContainEqual({
      name: '文化財保護課',
      where: '002_5efac60f894371f5.txt:237',
    });
    expect(names).toContainEqual({
      name: '情報システム課',
      where: '003_333ee31cbdb593ac.txt:66',
    });
    expect(names).toContainEqual({
      name: '農業委員会事務局',
      where: '003_333ee31cbdb593ac.txt:1001',
    });
  });

  it('resolves every name in a department column to a department or a collective term', () => {
    expect(unresolved(glossary, names)).toEqual([]);
  });

  it('finds 249 names: 43 distinct departments and five collective terms', () => {
    expect(names).toHaveLength(249);
    const ids = new Set(names.flatMap(({ name }) => glossary.lookup(name)?.id ?? []));
    expect(ids.size).toBe(43);
    const terms = new Set(names.filter(({ name }) => glossary.isCollectiveTerm(name)).map(({ name }) => name));
    expect([...terms].sort()).toEqual(['全庁', '各公共施設所管課', '庁内各課', '福祉部各課', '関係各課'].sort());
  });

  it('would report a department missing from the glossary', () => {
    const without = new DepartmentGlossary(
      glossary.departments.filter((d) => d.id !== 'citizen-activity-promotion'),
      glossary.collectiveTerms,
    );
    expect(unresolved(without, names)).toContainEqual({
      name: '市民活動推進課',
      where: '000_c612850dd0d0a3ba.txt:55',
    });
  });
});

describe('reference loaders on malformed tables', () => {
  const copies: string[] = [];
  afterAll(() => copies.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

  /** A copy of seed/reference with `file` rewritten by `edit`. */
  function brokenCopy(file: string, edit: (text: string) => string): string {
    const directory = mkdtempSync(join(tmpdir(), 'reference-'));
    copies.push(directory);
    for (const name of readdirSync(REFERENCE)) copyFileSync(join(REFERENCE, name), join(directory, name));
    const original = readFileSync(join(REFERENCE, file), 'utf8');
    const edited = edit(original);
    if (edited === original) throw new Error(`the edit of ${file} changed nothing`);
    writeFileSync(join(directory, file), edited);
    return directory;
  }

  it('rejects a colour that is not hex, naming the file and the goal', () => {
    const directory = brokenCopy('sdgs.yaml', (text) => text.replace('"#C5192D"', 'crimson'));
    expect(() => loadSdgs(directory)).toThrow(ReferenceDataError);
    expect(() => loadSdgs(directory)).toThrow(
      /sdgs\.yaml: sdgs\[3\] \(name 質の高い教育をみんなに\): 'color' must be a hex colour/,
    );
  });

  it('rejects a goal number used twice', () => {
    const directory = brokenCopy('sdgs.yaml', (text) => text.replace('number: 17\n', 'number: 16\n'));
    expect(() => loadSdgs(directory)).toThrow(/sdgs\.yaml: SDG 16: number "16" is already used/);
  });

  it('rejects a field without a name', () => {
    const directory = brokenCopy('fields.yaml', (text) => text.replace('    name: 市民生活\n', ''));
    expect(() => loadFields(directory)).toThrow(
      /fields\.yaml: fields\[4\] \(number 5\): 'name' must be a non-empty string, found nothing/,
    );
  });

  it('rejects a department id that is not a slug', () => {
    const directory = brokenCopy('departments.yaml', (text) =>
      text.replace('id: crisis-management', 'id: Crisis_Management'),
    );
    expect(() => loadDepartments(directory)).toThrow(
      /departments\.yaml: departments\[1\] \(id Crisis_Management\): 'id' must be a slug/,
    );
  });

  it('rejects a reading that is not hiragana, naming the department', () => {
    const directory = brokenCopy('departments.yaml', (text) =>
      text.replace('nameKana: ききかんりか', 'nameKana: キキカンリカ'),
    );
    expect(() => loadDepartments(directory)).toThrow(
      /departments\.yaml: departments\[1\] \(id crisis-management\): 'nameKana' must be a reading in hiragana/,
    );
  });

  it('rejects a misspelt key instead of ignoring it', () => {
    const directory = brokenCopy('departments.yaml', (text) =>
      text.replace('nameEn: Crisis Management Division', 'nameEN: Crisis Management Division'),
    );
    expect(() => loadDepartments(directory)).toThrow(/departments\[1\] \(id crisis-management\): unknown key 'nameEN'/);
  });

  it('rejects two departments answering to the same name', () => {
    const directory = brokenCopy('departments.yaml', (text) =>
      text.replace('name: 危機管理課', 'name: 市民活動推進課'),
    );
    expect(() => loadDepartments(directory)).toThrow(
      /department crisis-management: name \(compared by matchKey\) "市民活動推進課" is already used by .*department citizen-activity-promotion/,
    );
  });

  it('rejects a seen reference without a line number', () => {
    const directory = brokenCopy('collective-terms.yaml', (text) =>
      text.replace(/(name: 全庁[\s\S]*?), line: 88/, '$1'),
    );
    expect(() => loadCollectiveTerms(directory)).toThrow(
      /collective-terms\.yaml: collectiveTerms\[0\] \(name 全庁\)\.seen: 'line' must be a whole number/,
    );
  });

  it('rejects a collective term that is also a department', () => {
    const directory = brokenCopy('collective-terms.yaml', (text) => text.replace('name: 全庁', 'name: 企画課'));
    expect(() => DepartmentGlossary.load(directory)).toThrow(
      /collective term 企画課 is also the name of department planning/,
    );
  });

  it('rejects a file without its top-level list', () => {
    const directory = brokenCopy('fields.yaml', (text) => text.replace('fields:', 'field:'));
    expect(() => loadFields(directory)).toThrow(
      /fields\.yaml: expected a mapping with a 'fields' list at the top level/,
    );
  });
});
