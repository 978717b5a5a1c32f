import type { SourceDocument } from '../source-document';
import { ParseError } from '../parse-error';
import { readBullets } from './bullet-list';
import { nameKey } from '../../core/text/index';
import { readIndicators } from './indicator-reader';
import type { ItemSpan } from './item-locator';
import { splitSections } from './item-sections';
import { SECTION_LABEL } from './labels';
import { readMeasures } from './measure-reader';
import type { FinalPolicyItem, FinalVision } from './records';
import { readSatisfaction } from './satisfaction-reader';

/** Reads one policy item, located and identified by `locateItems`. */
export function readItem(doc: SourceDocument, span: ItemSpan, fieldNumber: number): FinalPolicyItem {
  const { entry } = span;
  const sections = splitSections(doc, { first: span.vision, last: span.last }, entry.code);

  const visions: FinalVision[] = readBullets(doc, sections.vision.body, `めざす姿 of ${entry.code}`).map(
    ({ text, line }) => ({ text, matchKey: nameKey(text), source: doc.ref(line) }),
  );
  if (visions.length === 0) {
    const next = sections.vision.body.last + 1;
    throw new ParseError(doc.ref(next), `a bullet under "${SECTION_LABEL.vision}" of ${entry.code}`, doc.line(next));
  }

  const collaboration = sections.collaboration;
  const collaborationBullets = collaboration
    ? readBullets(doc, collaboration.body, `協働による取組 of ${entry.code}`)
    : [];
  if (collaboration && collaborationBullets.length === 0) {
    throw new ParseError(
      doc.ref(collaboration.label),
      `a bullet under "${SECTION_LABEL.collaboration}" of ${entry.code}`,
      doc.line(collaboration.label),
    );
  }

  return {
    fieldNumber,
    number: entry.number,
    code: entry.code,
    name: entry.name,
    matchKey: entry.matchKey,
    heading: span.heading === null ? null : doc.ref(span.heading),
    visions,
    indicators: readIndicators(doc, sections.indicators, entry.code),
    satisfaction: readSatisfaction(doc, sections.satisfaction, entry.code),
    measures: readMeasures(doc, sections.measures, entry.code),
    collaboration: collaborationBullets.map(({ text }) => text),
    collaborationSource: collaboration ? doc.ref(collaboration.label) : null,
    figures: {},
    source: doc.ref(span.first),
  };
}
