import { ParseError } from '../parse-error';
import type { SourceDocument } from '../source-document';
import { displayName, nameKey, tidy } from '../../core/text/index';
import { parseIndicatorValue } from './indicator-value';
import { isBlank } from './line-kinds';
import { linesOf } from '../line-span';
import type { Section } from './item-sections';
import type { OutcomeIndicator } from './records';

/**
 * The rows of a 成果指標 table: `name [definition]⇥current ▶▶⇥target`. A row is cut at the arrows (`▶▶`,
 * sometimes `▶▶▶`); the current value is the last tab-separated cell before them. Should the tab be lost,
 * the value is taken from the end of the left part, after the last space that leaves a well-formed value.
 */
const ARROWS = /\s*▶+\s*/;
const NAME_THEN_VALUE = /^(.+?)\s+((?:[—―－-]|\d[\d,]*(?:\.\d+)?)\s*\S*)$/;

export function readIndicators(doc: SourceDocument, section: Section, code: string): OutcomeIndicator[] {
  const indicators = linesOf(doc, section.body)
    .filter(({ text }) => !isBlank(text))
    .map(({ n, text }) => readRow(doc, n, text));
  if (indicators.length === 0) {
    const where = section.label;
    throw new ParseError(doc.ref(where), `at least one indicator row under 成果指標 of ${code}`, doc.line(where));
  }
  return indicators;
}

function readRow(doc: SourceDocument, n: number, text: string): OutcomeIndicator {
  const malformed = (what: string): ParseError =>
    new ParseError(doc.ref(n), `${what} in an indicator row ("name [definition] current ▶▶ target")`, text);

  const parts = text.split(ARROWS);
  if (parts.length !== 2) throw malformed('one ▶▶ between current and target value');
  const [left = '', right = ''] = parts;
  const [label, currentCell] = splitNameAndCurrent(left.trim(), malformed);

  const current = parseIndicatorValue(currentCell);
  if (!current) throw malformed(`a current value (number and unit, or —), not "${currentCell}"`);
  const target = parseIndicatorValue(right);
  if (!target || target.value === null) throw malformed(`a numeric target value, not "${right}"`);
  if (current.value !== null && current.unit !== target.unit) {
    throw malformed(`the same unit for current and target value ("${current.unit}" vs "${target.unit}")`);
  }

  const { name, definition } = splitLabel(label, malformed);
  return {
    name,
    matchKey: nameKey(name),
    definition,
    label,
    current,
    target,
    unit: target.unit,
    figures: {},
    source: doc.ref(n),
  };
}

function splitNameAndCurrent(left: string, malformed: (what: string) => ParseError): [string, string] {
  const tab = left.lastIndexOf('\t');
  if (tab >= 0) return [tidy(left.slice(0, tab)), tidy(left.slice(tab + 1))];
  const cells = NAME_THEN_VALUE.exec(tidy(left));
  if (!cells) throw malformed('a name followed by the current value');
  return [cells[1] ?? '', cells[2] ?? ''];
}

/**
 * Splits `自治会の加入率 [全世帯のうち…割合]` into name and definition. A bracket holding only glossary marks
 * (`職員提案制度 [*] 件数(年間)`) is a footnote pointer inside the name, not a definition.
 */
function splitLabel(
  label: string,
  malformed: (what: string) => ParseError,
): { name: string; definition: string | null } {
  const definitions: string[] = [];
  const withoutDefinitions = label.replace(/\[([^\]]*)\]/g, (_bracket, inner: string) => {
    if (/^[\s*＊※]*$/.test(inner)) return ' ';
    definitions.push(tidy(inner));
    return ' ';
  });
  if (definitions.length > 1) throw malformed('at most one [definition]');
  const name = displayName(withoutDefinitions);
  if (name === '') throw malformed('an indicator name');
  return { name, definition: definitions[0] ?? null };
}
