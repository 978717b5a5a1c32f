import { CypherRegistry } from '../../../src/db/cypher-registry';
import { searchStatement } from '../../../src/model/search/search-statement';

const source = CypherRegistry.load();
/** The statement's lines that are not comments. */
const code = (text: string): string[] => text.split('\n').filter((line) => !line.trimStart().startsWith('//'));

describe('the search statement', () => {
  it('searches every kind from the text index when no kind is asked', () => {
    const lines = code(searchStatement(source, null, '市民活動', ['id']).text);
    expect(lines).toContain('MATCH (node:Entity)');
    expect(lines.filter((line) => line.includes('$('))).toEqual([]);
  });

  it('keeps only the kinds asked, both matches, and starts from the index for texts of three or more characters', () => {
    const lines = code(searchStatement(source, ['PolicyItem', 'Measure', 'Measure'], '市民活動', ['id']).text);
    // Once per branch: after the full-text call and after the substring test.
    expect(lines.filter((line) => line === 'MATCH (node:Measure|PolicyItem)')).toHaveLength(2);
    expect(lines.filter((line) => line === 'MATCH (node:Entity)')).toHaveLength(1);
  });

  it('scans the kinds asked for a text shorter than a trigram (the index would read every entry)', () => {
    const lines = code(searchStatement(source, ['Measure'], '防災', ['id']).text);
    expect(lines.filter((line) => line === 'MATCH (node:Measure)')).toHaveLength(3);
    expect(lines).not.toContain('MATCH (node:Entity)');
  });

  it('never writes the searched text into the statement (it is a parameter)', () => {
    const statement = searchStatement(source, ['Measure'], "x') RETURN 1 //", ['id']);
    expect(statement.text).not.toContain("x')");
    expect(statement.origin).toBe('search/search');
  });

  it('returns only the properties asked of each hit, after ordering and limiting', () => {
    const lines = code(searchStatement(source, ['Measure'], '防災', ['id', 'name', 'status']).text);
    expect(lines.slice(-4)).toEqual([
      'WITH node, max(score) AS score',
      'ORDER BY score DESC, node.sortKey',
      'LIMIT $first',
      'RETURN node {.id, .name, .status} AS node, score',
    ]);
  });

  it('refuses to write anything but property names into the statement', () => {
    expect(() => searchStatement(source, ['Measure'], '防災', ['id', 'name} RETURN 1 //'])).toThrow(
      'not property names: name} RETURN 1 //',
    );
  });
});
