import { tidy } from '../../core/text/index';
import { readCircledNumber } from './circled-number';
import { sheetProse } from './sheet-text';

/**
 * What a main project's change column says. The sheets write a new name in several ways:
 * - `事業名の変更:「行政手続のオンライン化」`, optionally followed by `事業概要:` and the new summary;
 * - `事業名:「old」を「new」に変更 事業概要:…`;
 * - `事業名:⑯ オンライン個別相談の実施 事業概要:…` (a new project);
 * - `⑦文化資源の活用 本庄早稲田の杜…` or `②休日・時間外対応業務 休日窓口の…`: number, name, then the summary
 *   after the first space (a name has no spaces);
 * anything else is the rewritten summary (or, beside 削除, the reason).
 */
export interface ProjectChange {
  readonly number: number | null;
  readonly name: string | null;
  readonly text: string | null;
}

const SUMMARY_LABEL = String.raw`(?:事業概要\s*[:：]\s*)?`;
const RENAMED = new RegExp(String.raw`^事業名の変更\s*[:：]\s*「\s*(.+?)\s*」\s*${SUMMARY_LABEL}(.*)$`, 's');
const RENAMED_FROM_TO = new RegExp(
  String.raw`^事業名\s*[:：]\s*「\s*.+?\s*」\s*を\s*「\s*(.+?)\s*」\s*に変更\s*${SUMMARY_LABEL}(.*)$`,
  's',
);
const NAMED = new RegExp(String.raw`^事業名\s*[:：]\s*(.+)$`, 's');
// The name ends at the first space: names in these tables have none, summaries follow after one.
const NAME_THEN_SUMMARY = new RegExp(String.raw`^(\S+)\s*${SUMMARY_LABEL}(.*)$`, 's');

export function readProjectChange(pieces: readonly string[]): ProjectChange {
  const text = tidy(pieces.join(' '));
  const renamed = RENAMED.exec(text) ?? RENAMED_FROM_TO.exec(text);
  if (renamed) return { number: null, name: renamed[1] ?? null, text: summaryOf(renamed[2]) };
  const named = NAMED.exec(text);
  const numbered = readCircledNumber(named ? (named[1] ?? '') : text);
  if (numbered) return { number: numbered.number, ...nameThenSummary(numbered.rest) };
  if (named) return { number: null, ...nameThenSummary(named[1] ?? '') };
  return { number: null, name: null, text: summaryOf(text) };
}

function nameThenSummary(text: string): { readonly name: string | null; readonly text: string | null } {
  const match = NAME_THEN_SUMMARY.exec(text);
  return { name: match?.[1] ?? null, text: summaryOf(match?.[2]) };
}

/** The summary as printed, without the `○` bullet the current column uses. */
export function summaryOf(text: string | undefined): string | null {
  const summary = sheetProse((text ?? '').replace(/^○\s*/, ''));
  return summary === '' ? null : summary;
}
