import { ParseError } from '../parse-error';
import type { SourceDocument } from '../source-document';
import { joinWrappedText } from '../../core/text/index';
import { bulletText, isBlank } from './line-kinds';
import { SECTION_LABEL } from './labels';
import { linesOf } from '../line-span';
import type { Section } from './item-sections';
import type { SatisfactionRate } from './records';

/** The share that ends the question, possibly in Markdown bold: `30.6%`, `**23.1%**`. */
const PERCENT_AT_END = /(?:\*\*)?(\d+(?:\.\d+)?)\s*[%％](?:\*\*)?$/;

/**
 * `施策に係る市民満足度` is followed by the survey question and the percentage, on the label's line or spread
 * over the next lines (the question itself may wrap: 6-1). The text up to the first percentage is the
 * question; the 現況と課題 bullets that follow are not read.
 */
export function readSatisfaction(doc: SourceDocument, section: Section, code: string): SatisfactionRate {
  const percentExpected = `the percentage closing "${SECTION_LABEL.satisfaction}" of ${code}`;
  const pieces: string[] = [];
  const candidates = [{ n: section.label, text: section.rest }, ...linesOf(doc, section.body)];
  for (const { n, text } of candidates) {
    if (isBlank(text)) continue;
    if (bulletText(text) !== null) throw new ParseError(doc.ref(n), percentExpected, text);
    const percent = PERCENT_AT_END.exec(text.trim());
    if (!percent) {
      pieces.push(text);
      continue;
    }
    pieces.push(text.trim().slice(0, percent.index));
    const question = joinWrappedText(pieces.join(' '));
    if (question === '') {
      throw new ParseError(doc.ref(n), `the survey question before the percentage of ${code}`, text);
    }
    return {
      question,
      percent: Number(percent[1]),
      text: `${percent[1]}%`,
      source: doc.ref(section.label),
    };
  }
  const end = section.body.last;
  throw new ParseError(doc.ref(end), percentExpected, doc.line(end));
}
