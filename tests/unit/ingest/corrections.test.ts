import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyTextFixes, CorrectionError, loadCorrections, type TextFix } from '../../../src/ingest/corrections';
import { removeExtractionNoise } from '../../../src/ingest/extraction-noise';
import { CORRECTIONS_PATH, ingest } from '../../../src/ingest/ingest';
import { SOURCE_FILES } from '../../../src/ingest/merge/read-documents';
import { SourceDocument } from '../../../src/ingest/source-document';

const LINKAGE = SOURCE_FILES.linkagePlans;
const FIELD_5 = SOURCE_FILES.fieldFiveSheets;

/** A copy of a real document with its lines changed by `change`. */
const mutated = (role: keyof typeof SOURCE_FILES, change: (lines: string[]) => string[]): SourceDocument => {
  const original = SourceDocument.read('seed/sources', SOURCE_FILES[role]);
  return new SourceDocument(original.name, change([...original.lines]).join('\n'));
};

describe('seed/corrections.yaml', () => {
  it('holds the reviewed text fixes, keyed by content, and the 6-1 project-swap decision', () => {
    const corrections = loadCorrections(CORRECTIONS_PATH);
    expect(corrections.textFixes).toHaveLength(8);
    expect(corrections.textFixes[2]).toMatchObject({
      document: LINKAGE,
      find: '豊かな学力',
      within: '2-1 豊かな学力',
      replace: '確かな学力',
    });
    // Without context, `within` is `find` itself: the text must then be unique in its document.
    expect(corrections.textFixes[0]).toMatchObject({ find: '埴保己一プラン', within: '埴保己一プラン' });
    expect(corrections.decisions.map((d) => [d.key, d.value])).toEqual([['project-swap:6-1:2-3', 'swap']]);
  });

  describe('applied to a fixed text that a layout broke over lines', () => {
    it('fixes 本庄版ネットワークプラン however the header cell was wrapped, its rest under the cell', () => {
      const text = '本庄版ネットワークプラン';
      const fixes = loadCorrections(CORRECTIONS_PATH).textFixes;
      fc.assert(
        fc.property(fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 3 }), (cuts) => {
          const at = [0, ...[...cuts].sort((a, b) => a - b), text.length];
          const pieces = at.slice(1).map((end, i) => text.slice(at[i], end));
          const doc = mutated('linkagePlans', (lines) =>
            lines.flatMap((line) =>
              line.includes(text)
                ? [line.replace(text, pieces[0] ?? ''), ...pieces.slice(1).map((piece) => `\t\t\t${piece}`)]
                : [line],
            ),
          );
          const fixed = applyTextFixes(doc, fixes).lines.join('\n');
          expect(fixed).toContain('\t本庄版ネウボラプラン\t');
          expect(fixed).not.toMatch(/ネットワーク|ネット|ワーク/);
        }),
        { numRuns: 50 },
      );
    });
  });

  describe('applied to a document whose lines moved', () => {
    it('still fixes the matrix header when 40 lines are inserted above it (004 line 163 → 203)', () => {
      const doc = mutated('linkagePlans', (lines) => [...Array<string>(40).fill('本庄市'), ...lines]);
      const fixed = applyTextFixes(doc, loadCorrections(CORRECTIONS_PATH).textFixes);
      expect(fixed.line(203)).toContain('\t塙保己一プラン\t本庄版ネウボラプラン\t');
      expect(fixed.lines.join('\n')).not.toMatch(/埴保己一|ネットワークプラン|2-1 豊かな学力/);
    });

    it('still fixes the indicator names of 000 when blank lines push them down (line 328 → 333)', () => {
      const doc = mutated('fieldFiveSheets', (lines) => ['', '', '', '', '', ...lines]);
      const moved = ingest({ fieldFiveSheets: doc });
      const indicator = moved.nodes.find((n) => n.id === 'indicator:5-5-1');
      expect(indicator?.properties.name).toBe('市内における交通人身事故発生件数(年間)');
    });
  });

  it('still applies when page furniture moved its line (000 line 328 → 338), and reports the new file line', () => {
    const furniture = (n: number): string[] => ['', `- ${n} -`, '', '総合振興計画後期基本計画(素案)について', ''];
    const doc = mutated('fieldFiveSheets', (lines) => [
      ...lines.slice(0, 100),
      ...furniture(3),
      ...lines.slice(100, 200),
      ...furniture(4),
      ...lines.slice(200),
    ]);
    expect(doc.line(338)).toContain('\t市内における交通人身事事故発生件数\t');
    const fixed = applyTextFixes(removeExtractionNoise(doc), loadCorrections(CORRECTIONS_PATH).textFixes);
    const at = fixed.lines.findIndex((line) => line.includes('\t市内における交通人身事故発生件数\t')) + 1;
    expect(fixed.ref(at)).toEqual({ document: FIELD_5, line: 338 });
    expect(fixed.lines.join('\n')).not.toContain('事事故発生件数\t');
  });

  describe('a fix that no longer matches stops ingestion, naming itself and where it looked', () => {
    const fix = (find: string, within = find): TextFix => ({
      document: FIELD_5,
      find,
      within,
      replace: 'x',
      reason: 'test',
      entry: 'seed/corrections.yaml: textFixes[9] (line 70)',
    });
    const doc = SourceDocument.read('seed/sources', FIELD_5);

    it('when its text is gone: lists where `find` alone still occurs', () => {
      const gone = fix('交通人身事事故', '県内における交通人身事事故発生件数');
      expect(() => applyTextFixes(doc, [gone])).toThrow(
        new CorrectionError(
          'seed/corrections.yaml: textFixes[9] (line 70): correction "交通人身事事故" → "x": ' +
            `"県内における交通人身事事故発生件数" is nowhere in ${FIELD_5} (looked at all 440 lines); ` +
            `"交通人身事事故" alone occurs at ${FIELD_5}:328, ${FIELD_5}:336, ${FIELD_5}:339`,
        ),
      );
    });

    it('when its text occurs more than once: lists every place', () => {
      expect(() => applyTextFixes(doc, [fix('交通人身事事故')])).toThrow(
        new CorrectionError(
          'seed/corrections.yaml: textFixes[9] (line 70): correction "交通人身事事故" → "x": ' +
            `"交通人身事事故" occurs 5 times in ${FIELD_5} (${FIELD_5}:328, ${FIELD_5}:336, ${FIELD_5}:339); ` +
            "give 'within' the text around the one to fix",
        ),
      );
    });

    it('through the whole ingestion, when the matrix typo was fixed at the source', () => {
      const doc = mutated('linkagePlans', (lines) =>
        lines.map((line) => line.replace('埴保己一プラン', '塙保己一プラン')),
      );
      expect(() => ingest({ linkagePlans: doc })).toThrow(
        /textFixes\[0\] \(line \d+\): correction "埴保己一プラン" → "塙保己一プラン": "埴保己一プラン" is nowhere in 004_c772f55bb03f2e1d\.txt/,
      );
    });
  });

  describe('a malformed copy', () => {
    const directory = mkdtempSync(join(tmpdir(), 'corrections-'));
    afterAll(() => rmSync(directory, { recursive: true, force: true }));
    const load = (text: string): (() => unknown) => {
      const path = join(directory, 'corrections.yaml');
      writeFileSync(path, text);
      return () => loadCorrections(path);
    };
    const fix = (extra = ''): string =>
      `textFixes:\n  - document: 004_c772f55bb03f2e1d.txt\n    find: a\n    replace: b\n    reason: r\n${extra}`;

    it('rejects a line number: fixes are found by content', () => {
      expect(load(fix('    line: 3\n'))).toThrow(/corrections\.yaml: textFixes\[0\]: unknown key 'line'/);
    });

    it('rejects a context that does not contain the text to fix', () => {
      expect(load(fix('    within: c d\n'))).toThrow(/textFixes\[0\]: 'within' must contain 'find' \("a"\)/);
    });

    it('rejects a misspelt key instead of ignoring it', () => {
      expect(load(fix().replace('reason:', 'reasn:'))).toThrow(/textFixes\[0\]: unknown key 'reasn'/);
    });

    it('accepts an empty replacement (a fix that deletes text) but not an empty find', () => {
      expect(load(fix().replace('replace: b', 'replace: ""'))).not.toThrow();
      expect(load(fix().replace('find: a', 'find: ""'))).toThrow(/'find' must be a non-empty string/);
    });

    it('rejects a decision keyed by line instead of by entity', () => {
      expect(load('decisions:\n  - key: k\n    value: v\n    reason: r\n    line: 88\n')).toThrow(
        /decisions\[0\]: unknown key 'line'/,
      );
    });

    it('rejects YAML that does not parse', () => {
      expect(load('textFixes: [\n')).toThrow(/cannot be read as YAML/);
    });
  });
});
