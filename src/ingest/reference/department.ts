import { join } from 'node:path';
import type { SourceRef } from '../source-document';
import { matchKey } from '../../core/text/index';
import type { CuratedEntry } from '../curated-entry';
import { readReferenceList, requireUniqueEntries } from './reference-list';

export const DEPARTMENTS_FILE = 'departments.yaml';

/** Another spelling of a department in the documents (an abbreviation or an older name). */
export interface DepartmentAlias {
  readonly name: string;
  readonly seen: SourceRef;
}

/** An organisational unit of the city (課・室・局・部・館・センター). */
export interface Department {
  /** Stable slug, e.g. `citizen-activity-promotion`. */
  readonly id: string;
  /** As the documents write it, spaces removed, e.g. 市民活動推進課. */
  readonly name: string;
  /** The reading of `name` in hiragana, e.g. しみんかつどうすいしんか: the key of 五十音 order. */
  readonly nameKana: string;
  readonly nameEn: string;
  /** A line where the name appears; the reference test checks that it does. */
  readonly seen: SourceRef;
  readonly aliases: readonly DepartmentAlias[];
}

const HIRAGANA = {
  pattern: /^[\u3041-\u3096ー]+$/,
  description: 'a reading in hiragana (ー allowed for a long vowel)',
};
const SLUG = {
  pattern: /^[a-z]+(?:-[a-z]+)*$/,
  description: 'a slug of lowercase ASCII words joined by hyphens',
};
const NO_SPACES = {
  pattern: /^\S+$/,
  description: 'a name without spaces (as in the documents, spaces removed)',
};

/** Reads seed/reference/departments.yaml (the `departments:` list) from `directory`. */
export function loadDepartments(directory: string): Department[] {
  const departments = readReferenceList(directory, DEPARTMENTS_FILE, 'departments').map((entry): Department => {
    entry.allowOnly(['id', 'name', 'nameKana', 'nameEn', 'seen', 'aliases']);
    return {
      id: entry.text('id', SLUG),
      name: entry.text('name', NO_SPACES),
      nameKana: entry.text('nameKana', HIRAGANA),
      nameEn: entry.text('nameEn'),
      seen: entry.sourceRef('seen'),
      aliases: entry.entries('aliases').map(readAlias),
    };
  });
  const where = (department: Department): string => `${join(directory, DEPARTMENTS_FILE)}: department ${department.id}`;
  requireUniqueEntries(departments, (department) => [department.id], where, 'id');
  requireUniqueEntries(departments, departmentKeys, where, 'name (compared by matchKey)');
  return departments;
}

/** The match keys a department answers to: its name and every alias. */
export function departmentKeys(department: Department): string[] {
  return [department.name, ...department.aliases.map((alias) => alias.name)].map(matchKey);
}

function readAlias(entry: CuratedEntry): DepartmentAlias {
  entry.allowOnly(['name', 'seen']);
  return { name: entry.text('name', NO_SPACES), seen: entry.sourceRef('seen') };
}
