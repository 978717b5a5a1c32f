import type { ChangeStatus } from './records';

const STATUS_WORDS: Readonly<Record<string, ChangeStatus>> = {
  変更なし: 'UNCHANGED',
  変更あり: 'CHANGED',
  削除: 'DELETED',
  新規: 'NEW',
};

/** A change-column cell: its status and any text written after the status word in the same cell. */
export interface StatusCell {
  readonly status: ChangeStatus;
  readonly rest: string;
}

/**
 * Reads a change-column cell: `←変更なし`, `←変更あり ●new text`, `← 削除`, `新規`. The arrow points from
 * the draft's column back to the current-plan row; a NEW row has no current row, so `新規` comes without
 * one. A cell that merely starts with a word such as 新規 inside a sentence is not a status (`新規案` is
 * the indicator verdict, read elsewhere).
 */
export function readStatusCell(cell: string): StatusCell | null {
  const match = /^(?:←\s*(変更なし|変更あり|削除|新規(?!案))|(新規)(?=\s|$|[●○・]))\s*(.*)$/s.exec(cell);
  if (!match) return null;
  const word = match[1] ?? match[2] ?? '';
  const status = STATUS_WORDS[word];
  return status === undefined ? null : { status, rest: (match[3] ?? '').trim() };
}

/** One status of a change column and the text cells that follow it. */
export interface ChangeColumnEntry {
  readonly status: ChangeStatus;
  /** The text after the status word, then each following text cell. */
  readonly pieces: string[];
}

/**
 * Splits a run of change-column cells into entries: each status cell opens one, text cells extend the
 * last. A line may hold several (`←変更なし⇥←変更なし` answers two rows). Text before the first status
 * is returned apart, for the caller to judge.
 */
export function splitChangeColumn(cells: readonly string[]): { before: string[]; entries: ChangeColumnEntry[] } {
  const before: string[] = [];
  const entries: ChangeColumnEntry[] = [];
  for (const cell of cells) {
    const status = readStatusCell(cell);
    const last = entries[entries.length - 1];
    if (status) entries.push({ status: status.status, pieces: [status.rest] });
    else if (last) last.pieces.push(cell);
    else before.push(cell);
  }
  return { before, entries };
}
