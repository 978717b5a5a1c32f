import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CorrectionError, loadCorrections } from '../../../src/ingest/corrections';
import { CORRECTIONS_PATH } from '../../../src/ingest/ingest';

describe('seed/corrections.yaml', () => {
  it('holds the reviewed text fixes and the 6-1 project-swap decision', () => {
    const corrections = loadCorrections(CORRECTIONS_PATH);
    expect(corrections.textFixes).toHaveLength(8);
    expect(corrections.textFixes[2]).toMatchObject({
      document: '004_c772f55bb03f2e1d.txt',
      line: 83,
      find: '2-1 豊かな学力',
      replace: '2-1 確かな学力',
    });
    expect(corrections.decisions.map((d) => [d.key, d.value])).toEqual([['project-swap:6-1:2-3', 'swap']]);
  });

  describe('a malformed copy', () => {
    const directory = mkdtempSync(join(tmpdir(), 'corrections-'));
    afterAll(() => rmSync(directory, { recursive: true, force: true }));
    const load = (text: string): (() => unknown) => {
      const path = join(directory, 'corrections.yaml');
      writeFileSync(path, text);
      return () => loadCorrections(path);
    };
    const fix = (line: string): string =>
      `textFixes:\n  - document: 004_c772f55bb03f2e1d.txt\n    line: ${line}\n    find: a\n    replace: b\n    reason: r\n`;

    it('names the entry and the key of a bad line number', () => {
      expect(load(fix('zero'))).toThrow(CorrectionError);
      expect(load(fix('0'))).toThrow(/corrections\.yaml: textFixes\[0\]: 'line' must be a whole number from 1/);
    });

    it('rejects a misspelt key instead of ignoring it', () => {
      expect(load(fix('3').replace('reason:', 'reasn:'))).toThrow(/textFixes\[0\]: unknown key 'reasn'/);
    });

    it('accepts an empty replacement (a fix that deletes text) but not an empty find', () => {
      expect(load(fix('3').replace('replace: b', 'replace: ""'))).not.toThrow();
      expect(load(fix('3').replace('find: a', 'find: ""'))).toThrow(/'find' must be a non-empty string/);
    });

    it('rejects YAML that does not parse', () => {
      expect(load('textFixes: [\n')).toThrow(/cannot be read as YAML/);
    });
  });
});
