import { ParseError } from '../parse-error';
import type { SourceDocument } from '../source-document';
import { displayName, nameKey } from '../../core/text/index';
import { displayText } from './display-text';
import { bulletText, isBlank, isCaption, numberedEntry } from './line-kinds';
import { linesOf } from '../line-span';
import type { Section } from './item-sections';
import type { FinalMeasure } from './records';

interface MeasureInProgress {
  readonly number: number;
  readonly name: string;
  readonly line: number;
  readonly bullets: string[];
}

/**
 * 取組内容(施策中項目): numbered measures (`1. 自治会の支援`), each followed by the bullets that describe it,
 * numbered 1, 2, … in their final order. Photo captions between them are layout.
 */
export function readMeasures(doc: SourceDocument, section: Section, itemCode: string): FinalMeasure[] {
  const measures: FinalMeasure[] = [];
  let current: MeasureInProgress | null = null;

  // `next` is the line after the measure's last bullet, named in the error when it has none.
  const finish = (measure: MeasureInProgress, next: number): void => {
    const code = `${itemCode}-${measure.number}`;
    if (measure.bullets.length === 0) {
      throw new ParseError(doc.ref(next), `a description bullet under measure ${code}`, doc.line(next));
    }
    measures.push({
      number: measure.number,
      code,
      name: measure.name,
      matchKey: nameKey(measure.name),
      description: measure.bullets.join('\n'),
      figures: {},
      source: doc.ref(measure.line),
    });
  };

  for (const { n, text } of linesOf(doc, section.body)) {
    if (isBlank(text) || isCaption(text)) continue;
    const bullet = bulletText(text);
    if (bullet !== null && current) {
      current.bullets.push(displayText(bullet));
      continue;
    }
    const entry = bullet === null ? numberedEntry(text) : null;
    const expected: number = measures.length + (current ? 2 : 1);
    if (!entry || entry.number !== expected) {
      throw new ParseError(doc.ref(n), `measure ${itemCode}-${expected} ("${expected}. name")`, text);
    }
    if (current) finish(current, n);
    current = { number: entry.number, name: displayName(entry.text), line: n, bullets: [] };
  }

  if (!current) {
    const where = section.label;
    throw new ParseError(doc.ref(where), `at least one measure under the label of ${itemCode}`, doc.line(where));
  }
  finish(current, section.body.last + 1);
  return measures;
}
