import { ParseError } from '../parse-error';
import type { NamedRef, ParticipantList } from './records';
import type { TabRow } from '../tab-row';

/**
 * Terms that stand for many departments at once (全庁, 関係各課, 庁内各課, 福祉部各課, 各公共施設所管課).
 * They are kept apart so the glossary of departments only holds real organisational units.
 */
const COLLECTIVE_TERM = /^全庁$|各/;

/** The organisational units of the city office end in one of these (課, 室, 局, 図書館, …センター). */
const DEPARTMENT_SUFFIX = /(?:課|室|局|館|センター)$/;

/** A list that ends in `など` / `等` names only some of its members. */
const OPEN_END = /(?:など|等)$/;

/**
 * Sorts the names in a 実行課 or 連携課 value into departments, collective terms and outside partners.
 * Within a cell names are separated by `、` (sheet 2-18 has two executing departments in one cell).
 */
export function readParticipants(row: TabRow, texts: readonly string[]): ParticipantList {
  const names = texts.flatMap((text) => text.split(/[、,，]/)).map((name) => name.trim());
  const nonEmpty = names.filter((name) => name !== '');
  const last = nonEmpty[nonEmpty.length - 1] ?? '';
  const openEnded = OPEN_END.test(last);
  if (openEnded) nonEmpty[nonEmpty.length - 1] = last.replace(OPEN_END, '').trim();

  const departments: NamedRef[] = [];
  const terms: NamedRef[] = [];
  const groups: NamedRef[] = [];
  for (const name of nonEmpty) {
    const ref = { name, source: row.source };
    if (COLLECTIVE_TERM.test(name)) terms.push(ref);
    else if (DEPARTMENT_SUFFIX.test(name)) departments.push(ref);
    else groups.push(ref);
  }
  return { departments, terms, groups, openEnded };
}

/** 実行課 must name who carries the sheet out: departments or a collective term, never an outside group. */
export function requireExecuting(row: TabRow, list: ParticipantList): ParticipantList {
  const outsider = list.groups[0];
  if (outsider) {
    throw new ParseError(row.source, 'a department (…課, …室, …局) or collective term as 実行課', outsider.name);
  }
  if (list.departments.length === 0 && list.terms.length === 0) {
    throw new ParseError(row.source, 'at least one department in the 実行課 cell', row.raw);
  }
  return list;
}
