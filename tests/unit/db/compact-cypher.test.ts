import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compactCypher } from '../../../src/db/compact-cypher';
import { CYPHER_DIRECTORY, CypherRegistry } from '../../../src/db/cypher-registry';

function cypherFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return cypherFiles(path);
    return entry.endsWith('.cypher') ? [path] : [];
  });
}

const FILES = cypherFiles(CYPHER_DIRECTORY).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

describe('compact Cypher', () => {
  it('drops comment lines, blank lines and indentation, and keeps one clause a line', () => {
    const text = [
      '// Purpose: a statement.',
      '//   Params: $code.',
      'MATCH (m:Measure {code: $code})',
      '',
      '  // why the next clause',
      "  WHERE m.status <> 'DELETED'  ",
      '  RETURN m.name AS name',
    ].join('\n');
    expect(compactCypher(text)).toBe(
      ['MATCH (m:Measure {code: $code})', "WHERE m.status <> 'DELETED'", 'RETURN m.name AS name'].join('\n'),
    );
  });

  it('keeps what is not a whole-line comment: `//` inside a string or a property stays', () => {
    expect(compactCypher("RETURN 'http://example.org' AS url")).toBe("RETURN 'http://example.org' AS url");
  });

  // What compaction assumes of the files: a string spanning lines would lose its lines' leading spaces, and a
  // comment after code on a line would stay in the text sent (harmless, but then it is not compact).
  it.each(FILES.map(({ path, text }) => [path.slice(CYPHER_DIRECTORY.length + 1), text]))(
    '%s has no string literal spanning lines and no comment after code',
    (_name, text) => {
      const code = text.split('\n').filter((line) => !line.trim().startsWith('//'));
      for (const line of code) {
        const withoutStrings = line.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
        expect({ line, openQuote: /['"]/.test(withoutStrings.replace(/''/g, '')) }).toEqual({
          line,
          openQuote: false,
        });
        expect({ line, comment: withoutStrings.includes('//') }).toEqual({ line, comment: false });
      }
    },
  );

  it('is what the registry hands out: every statement smaller than its file, none with a comment line', () => {
    const registry = CypherRegistry.load();
    for (const name of registry.names()) {
      const text = registry.get(name);
      expect(text.split('\n').filter((line) => line.startsWith('//') || line !== line.trim())).toEqual([]);
    }
    const sent = registry.names().reduce((sum, name) => sum + Buffer.byteLength(registry.get(name)), 0);
    const stored = FILES.reduce((sum, { text }) => sum + Buffer.byteLength(text), 0);
    expect(sent).toBeLessThan(stored / 2);
  });
});
