import { ParseError } from '../parse-error';
import type { SourceDocument } from '../source-document';
import { isMatrixTitle } from './labels';
import { parseMatrix } from './parse-matrix';
import { parsePlans } from './parse-plans';
import { readPlanHeading } from './plan-heading';
import type { LinkagePlanDocument } from './records';

/**
 * Parses the linkage-plan document (政策連携プラン, 004): the numbered plans, from the first plan heading
 * up to the matrix title, then the matrix, from its title to the end of the document. What comes before
 * the first plan (the chapter's introduction) carries no records.
 */
export function parseLinkagePlans(doc: SourceDocument): LinkagePlanDocument {
  const titleLine = findLine(doc, 1, doc.lines.length, isMatrixTitle);
  if (titleLine === null) {
    const last = doc.lines.length;
    throw new ParseError(doc.ref(last), 'the matrix title 政策連携プラン体系 after the plans', doc.line(last));
  }
  const firstPlan = findLine(doc, 1, titleLine - 1, (line) => readPlanHeading(line) !== null);
  if (firstPlan === null) {
    throw new ParseError(doc.ref(titleLine), 'a plan heading such as ① before the matrix', doc.line(titleLine));
  }
  const plans = parsePlans(doc, { first: firstPlan, last: titleLine - 1 });
  return { document: doc.name, plans, matrix: parseMatrix(doc, titleLine, plans) };
}

function findLine(doc: SourceDocument, from: number, to: number, test: (line: string) => boolean): number | null {
  for (let n = from; n <= to; n++) {
    if (test(doc.line(n))) return n;
  }
  return null;
}
