import { ParseError } from '../parse-error';
import type { SourceDocument } from '../source-document';
import { foldWidth } from '../../core/text/index';
import type { RelatedSdgRecord } from './records';
import { filledTexts } from '../tab-row';
import type { SheetSection } from './sheet-sections';

const GOAL_COUNT = 17;

/**
 * 関連するSDGs (各課回答より): one goal per line, `17 パートナーシップで…`. The number may be its own cell
 * (`3⇥すべての人に…`) or run into the title (`10人や国の…`).
 */
export function readRelatedSdgs(doc: SourceDocument, section: SheetSection): RelatedSdgRecord[] {
  const goals = section.rows.map((row) => {
    const text = filledTexts(row).join(' ');
    const match = /^(\d{1,2})\s*(.*)$/.exec(foldWidth(text));
    const goal = Number(match?.[1]);
    if (!match || goal < 1 || goal > GOAL_COUNT) {
      throw new ParseError(doc.ref(row.line), `an SDG number 1–${GOAL_COUNT} and its title`, row.raw);
    }
    return { goal, label: (match[2] ?? '').trim(), source: doc.ref(row.line) };
  });
  if (goals.length === 0)
    throw new ParseError(doc.ref(section.line), 'at least one related SDG', doc.line(section.line));
  return goals;
}
