import { matchKey, tidy } from '../../core/text/index';

/**
 * The labels that structure the linkage-plan document. They are recognised by their words, with spaces
 * (`推 進 の た め の 取 組`) and widths folded, never by their line numbers.
 */

/** `推進のための取組`: ends a plan's summary, starts its initiatives. */
export function isInitiativesLabel(line: string): boolean {
  return /^[【[]?推進のための取組[】\]]?$/.test(matchKey(line));
}

/** `数値目標案` (or `提案する数値目標`, `数値目標`): ends the initiatives, starts the numeric targets. */
export function isNumericTargetsLabel(line: string): boolean {
  return /^[【[]?(提案する)?数値目標(案)?[】\]]?$/.test(matchKey(line));
}

/** `○塙保己一の生き方に学ぶ` → `塙保己一の生き方に学ぶ`; null when the line is not an initiative heading. */
export function readInitiativeHeading(line: string): string | null {
  const match = /^[○◯〇]\s*(.+)$/.exec(tidy(line));
  return match?.[1] ?? null;
}

/** `【施策大項目】 2-1 確かな…` → the text after the label; null when the line does not start with it. */
export function readCodeListLabel(line: string): string | null {
  const match = /^【\s*施\s*策\s*大\s*項\s*目\s*】(.*)$/.exec(tidy(line));
  return match ? tidy(match[1] ?? '') : null;
}

/** The matrix's title, `後期基本計画 政策連携プラン体系(案)`: where the plans end and the matrix begins. */
export function isMatrixTitle(line: string): boolean {
  return matchKey(line).includes('政策連携プラン体系');
}
