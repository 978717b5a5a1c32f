import { ParseError } from '../parse-error';
import type { SourceDocument } from '../source-document';
import { readStatusCell } from './change-status';
import { readCircledNumber } from './circled-number';
import { readProjectChange, summaryOf } from './project-change';
import type { ProjectRecord } from './records';
import { filledTexts, type TabRow } from '../tab-row';
import type { SheetSection } from './sheet-sections';
import { displayName, nameKey } from '../../core/text/index';

/**
 * 主な事業一覧 (資料編): rows `①name ⇥ summary ⇥ ←status ⇥ change`, and rows for new projects that have
 * only the change side (`新規 ⇥ 事業名:⑯ name 事業概要:…`). Projects are numbered ①, ②, … with the new
 * ones continuing the sequence.
 */
export function readProjects(doc: SourceDocument, section: SheetSection): ProjectRecord[] {
  const projects: ProjectRecord[] = [];
  for (const row of section.rows) {
    const cells = filledTexts(row);
    if (cells.includes('変更有無')) continue;
    const project = readCircledNumber(cells[0] ?? '')
      ? readCurrentProject(doc, row, cells)
      : readNewProject(doc, row, cells);
    if (project.number !== projects.length + 1)
      throw new ParseError(doc.ref(row.line), `project number ${projects.length + 1}`, row.raw);
    projects.push(project);
  }
  if (projects.length === 0)
    throw new ParseError(doc.ref(section.line), 'at least one project under 主な事業一覧', doc.line(section.line));
  return projects;
}

function readCurrentProject(doc: SourceDocument, row: TabRow, cells: readonly string[]): ProjectRecord {
  const numbered = readCircledNumber(cells[0] ?? '');
  const statusAt = cells.findIndex((cell) => readStatusCell(cell) !== null);
  const status = readStatusCell(cells[statusAt] ?? '');
  if (!numbered || !status)
    throw new ParseError(doc.ref(row.line), 'a change status (変更有無) for the project', row.raw);
  const name = displayName(numbered.rest);
  const change = readProjectChange([status.rest, ...cells.slice(statusAt + 1)]);
  const contradiction =
    status.status === 'NEW'
      ? 'an existing project marked 変更なし, 変更あり or 削除'
      : status.status === 'UNCHANGED' && (change.text !== null || change.name !== null)
        ? 'no change text beside 変更なし'
        : change.number !== null && change.number !== numbered.number
          ? `the change column to keep number ${numbered.number}`
          : null;
  if (contradiction !== null) throw new ParseError(doc.ref(row.line), contradiction, row.raw);
  const newName = change.name !== null && nameKey(change.name) !== nameKey(name) ? displayName(change.name) : null;
  return {
    number: numbered.number,
    name,
    matchKey: nameKey(name),
    summary: summaryOf(cells.slice(1, statusAt).join(' ')),
    status: status.status,
    newName: status.status === 'CHANGED' ? newName : null,
    revisedSummary: status.status === 'CHANGED' ? change.text : null,
    deletionReason: status.status === 'DELETED' ? change.text : null,
    source: doc.ref(row.line),
  };
}

function readNewProject(doc: SourceDocument, row: TabRow, cells: readonly string[]): ProjectRecord {
  const [first = '', ...others] = cells;
  const status = readStatusCell(first);
  if (status?.status !== 'NEW')
    throw new ParseError(doc.ref(row.line), 'a project row starting with ① or 新規', row.raw);
  const change = readProjectChange([status.rest, ...others]);
  if (change.number === null || change.name === null) {
    throw new ParseError(doc.ref(row.line), 'the new project as a circled number and a name (⑦name …)', row.raw);
  }
  const name = displayName(change.name);
  return {
    number: change.number,
    name,
    matchKey: nameKey(name),
    summary: change.text,
    status: 'NEW',
    newName: null,
    revisedSummary: null,
    deletionReason: null,
    source: doc.ref(row.line),
  };
}
