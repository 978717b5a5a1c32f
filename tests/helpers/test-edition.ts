import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SOURCE_FILES, type SourceRole } from '../../src/ingest/merge/read-documents';
import { SourceDocument } from '../../src/ingest/source-document';

/**
 * A hand-edited edition of the real documents, as a maintainer would receive a new one: item 5-4 防犯対策の推進
 * loses its measure 4 暴力団排除活動の推進 (000 and 001), its measure 3 犯罪の起きにくいまちづくり is renamed
 * 犯罪の起きにくい安全なまちづくり (000 and 001), and item 5-1 gains SDG 11 beside its SDG 17 (000).
 * In 000 the edits keep every line where it was (a removed line becomes blank, the SDG fills a blank line),
 * so the line-keyed text fixes of seed/corrections.yaml still find their lines; 001 loses its lines, so the
 * measures and indicators after 5-4-4 move up.
 */
export const RENAMED_MEASURE = {
  id: 'measure:5-4-3',
  before: '犯罪の起きにくいまちづくり',
  after: '犯罪の起きにくい安全なまちづくり',
};
export const REMOVED_MEASURE = { id: 'measure:5-4-4', name: '暴力団排除活動の推進' };
export const ADDED_SDG_LINK = { from: 'policy-item:5-1', to: 'sdg:11' };
/**
 * Records are kept on indicators and reform sheets, not on measures, so removing a measure orphans none: the
 * edition for the records tests also drops item 5-4's second indicator (its row of 001's 成果指標 table).
 */
export const REMOVED_INDICATOR = { id: 'indicator:5-4-2', name: '全自治会の防犯ボランティア組織率' };

/** The edition's raw text per document it changes (read from seed/sources/, edited in memory). */
export function editedDocuments(
  options: { readonly withoutIndicator?: boolean } = {},
): Partial<Record<SourceRole, SourceDocument>> {
  const raw = (role: SourceRole) => SourceDocument.read('seed/sources', SOURCE_FILES[role]).lines.join('\n');
  const sheets = edit(raw('fieldFiveSheets'), [
    // 5-1's SDG list (line 25) gets a second entry on the blank line after it.
    [
      'パートナリーシップで目標を達成しよう\n\n',
      'パートナリーシップで目標を達成しよう\n\t11 住み続けられるまちづくりを\n',
    ],
    ['施策中項目\t3 犯罪の起きにくいまちづくり\t', `施策中項目\t3 ${RENAMED_MEASURE.after}\t`],
    [
      '4 暴力団排除活動の推進\t評価回答部署\t危機管理課\t←変更なし\t\t\n\t内容\t●警察と地域住民・企業・行政が協力して暴力団等の排除活動を推進します。\t\t\t\n',
      '\n\n',
    ],
  ]);
  const plan = edit(raw('finalPlan'), [
    ['\n3. 犯罪の起きにくいまちづくり\n', `\n3. ${RENAMED_MEASURE.after}\n`],
    ['\n4. 暴力団排除活動の推進\n\n- 警察と地域住民・企業・行政が協力して暴力団等の排除活動を推進します。\n', '\n'],
    ...(options.withoutIndicator === true
      ? [
          [
            `\n${REMOVED_INDICATOR.name} [自主的に防犯活動に取り組む組織が各自治会に組織化されている割合]\t95 % ▶▶\t100 %\n`,
            '\n',
          ] as const,
        ]
      : []),
  ]);
  return {
    fieldFiveSheets: new SourceDocument(SOURCE_FILES.fieldFiveSheets, sheets),
    finalPlan: new SourceDocument(SOURCE_FILES.finalPlan, plan),
  };
}

/** The whole edition as a folder (the three unchanged documents copied), for the command; remove it after. */
export function writeEdition(options: { readonly withoutIndicator?: boolean } = {}): {
  readonly directory: string;
  remove(): void;
} {
  const directory = mkdtempSync(join(tmpdir(), 'honjo-edition-'));
  const edited = editedDocuments(options);
  for (const [role, name] of Object.entries(SOURCE_FILES) as [SourceRole, string][]) {
    const doc = edited[role] ?? SourceDocument.read('seed/sources', name);
    writeFileSync(join(directory, name), doc.lines.join('\n'));
  }
  return { directory, remove: () => rmSync(directory, { recursive: true, force: true }) };
}

// Each edit must match exactly once, so a change of the real documents fails here rather than silently.
function edit(text: string, replacements: readonly (readonly [string, string])[]): string {
  return replacements.reduce((current, [find, replace]) => {
    const count = current.split(find).length - 1;
    if (count !== 1) throw new Error(`test edition: ${JSON.stringify(find.slice(0, 40))} found ${count} times`);
    return current.replace(find, () => replace);
  }, text);
}
