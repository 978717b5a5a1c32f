import { splitCommands } from '../../../src/db/apply-schema';
import { CypherRegistry } from '../../../src/db/cypher-registry';
import { SEARCHABLE_FIELDS, SUBSTRING_ONLY_FIELDS } from '../../../src/graph/searchable-fields';
import { readSeedFile } from '../../../src/ingest/load/seed-file';
import { SearchType } from '../../../src/model/search/search-hit.type';
import { locateMatch, luceneQuery } from '../../../src/model/search/search-text';

/** The full-text index definition `entity_text` among the schema files' commands. */
function fullTextIndex(): { labels: string[]; properties: string[] } {
  const cypher = CypherRegistry.load();
  const commands = cypher.namesUnder('schema').flatMap((name) => splitCommands(cypher.get(name)));
  const matches = commands
    .map((command) => /FULLTEXT INDEX entity_text\b.*?FOR \(n:([^)]+)\)\s*ON EACH \[([^\]]+)\]/s.exec(command))
    .filter((match) => match !== null);
  expect(matches).toHaveLength(1);
  const [, labels = '', properties = ''] = matches[0] ?? [];
  return {
    labels: labels.split('|').map((l) => l.trim()),
    properties: properties.split(',').map((p) => p.trim().replace(/^n\./, '')),
  };
}

describe('searchable fields', () => {
  it('are what the full-text index covers, apart from the substring-only ones', () => {
    const index = fullTextIndex();
    expect(index.properties).toEqual(SEARCHABLE_FIELDS.filter((field) => !SUBSTRING_ONLY_FIELDS.has(field)));
    expect([...index.labels].sort()).toEqual(Object.values(SearchType).sort());
  });
});

describe('luceneQuery', () => {
  it('quotes each word and requires them all', () => {
    expect(luceneQuery('防災  意識')).toBe('"防災" AND "意識"');
  });

  it('escapes every character with a meaning in Lucene syntax, so user text stays literal', () => {
    expect(luceneQuery('a+b -c !d (e) {f} [g] ^h "i" ~j *k ?l :m \\n /o &p |q')).toBe(
      [
        '"a\\+b"',
        '"\\-c"',
        '"\\!d"',
        '"\\(e\\)"',
        '"\\{f\\}"',
        '"\\[g\\]"',
        '"\\^h"',
        '"\\"i\\""',
        '"\\~j"',
        '"\\*k"',
        '"\\?l"',
        '"\\:m"',
        '"\\\\n"',
        '"\\/o"',
        '"\\&p"',
        '"\\|q"',
      ].join(' AND '),
    );
  });

  it('folds width first (ＩＣＴ is ICT) and gives nothing for blank text', () => {
    expect(luceneQuery('ＩＣＴ　活用')).toBe('"ICT" AND "活用"');
    expect(luceneQuery(' \t ')).toBe('');
  });

  it('cannot be broken out of by a quote or an operator word', () => {
    expect(luceneQuery('x" OR "y')).toBe('"x\\"" AND "OR" AND "\\"y"');
  });
});

describe('locateMatch', () => {
  const seed = readSeedFile();
  const indicator = seed?.graph.nodes.find((n) => n.id === 'indicator:5-1-1')?.properties;
  if (!indicator) throw new Error('seed/graph.json has no indicator 5-1-1: run `npm run ingest`');

  it("reports an indicator's definition, with a snippet holding the query, when only the definition matches", () => {
    // 001 line 62: 自治会の加入率 [全世帯のうち自治会に加入している世帯の割合]
    expect(locateMatch('加入している世帯', indicator)).toEqual({
      field: 'definition',
      snippet: '全世帯のうち自治会に加入している世帯の割合',
    });
  });

  it('prefers the name when the name matches too', () => {
    expect(locateMatch('自治会', indicator)).toEqual({ field: 'name', snippet: '自治会の加入率' });
  });

  it('matches through width, case and spaces, and shows the stored wording with context', () => {
    const sheet = seed?.graph.nodes.find((n) => n.id === 'reform-sheet:1-7')?.properties;
    // 003 line 242: the viewpoint of sheet 1-7 is printed with spaced letters.
    expect(locateMatch('ＩＣＴ', sheet ?? {})).toEqual({ field: 'viewpoint', snippet: 'I C Tの積極的な活用' });
    const long = `${'あ'.repeat(30)}防災${'い'.repeat(30)}`;
    expect(locateMatch('防災', { name: 'x', description: long })).toEqual({
      field: 'description',
      snippet: `…${'あ'.repeat(20)}防災${'い'.repeat(20)}…`,
    });
  });

  it('falls back to the name when no single field holds the query (several words matched apart)', () => {
    expect(locateMatch('加入率 割合', indicator)).toEqual({ field: 'name', snippet: '自治会の加入率' });
  });
});
