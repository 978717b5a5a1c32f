import { ParseError } from '../parse-error';
import type { SourceDocument } from '../source-document';
import { SECTION_LABEL, sectionLabel, type SectionKind } from './labels';
import { linesOf, type LineSpan } from '../line-span';

/** One labelled section of a policy item: its label line, what followed the label on that line, its body. */
export interface Section {
  readonly kind: SectionKind;
  readonly label: number;
  readonly rest: string;
  readonly body: LineSpan;
}

/**
 * The sections every item prints, in this order. 数値で見る状況 (charts that do not survive extraction; the
 * label only bounds the indicator table) and 協働による取組 (absent from 5-6, 6-2 and 6-4) may be left out.
 */
export interface ItemSections {
  readonly vision: Section;
  readonly indicators: Section;
  readonly figures: Section | null;
  readonly situation: Section;
  readonly satisfaction: Section;
  readonly measures: Section;
  readonly collaboration: Section | null;
}

/**
 * Cuts an item (from its めざす姿 label to its last line) into its labelled sections and checks they come in
 * the printed order, each at most once. `code` names the item in errors.
 */
export function splitSections(doc: SourceDocument, item: LineSpan, code: string): ItemSections {
  const found: Section[] = [];
  const labels = linesOf(doc, item).flatMap(({ n, text }) => {
    const label = sectionLabel(text);
    return label ? [{ n, ...label }] : [];
  });
  for (const [i, label] of labels.entries()) {
    const next = labels[i + 1];
    found.push({
      kind: label.kind,
      label: label.n,
      rest: label.rest,
      body: { first: label.n + 1, last: next ? next.n - 1 : item.last },
    });
  }

  let at = 0;
  const take = (kind: SectionKind): Section | null => {
    const section = found[at];
    if (section?.kind !== kind) return null;
    at++;
    return section;
  };
  const takeRequired = (kind: SectionKind): Section => {
    const section = take(kind);
    if (section) return section;
    const where = found[at]?.label ?? item.last;
    throw new ParseError(doc.ref(where), `"${SECTION_LABEL[kind]}" of policy item ${code}`, doc.line(where));
  };

  const sections: ItemSections = {
    vision: takeRequired('vision'),
    indicators: takeRequired('indicators'),
    figures: take('figures'),
    situation: takeRequired('situation'),
    satisfaction: takeRequired('satisfaction'),
    measures: takeRequired('measures'),
    collaboration: take('collaboration'),
  };
  const extra = found[at];
  if (extra) {
    throw new ParseError(
      doc.ref(extra.label),
      `no further section label in policy item ${code} (each section once, in the printed order)`,
      doc.line(extra.label),
    );
  }
  return sections;
}
