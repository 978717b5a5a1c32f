import { join } from 'node:path';
import type { SourceRef } from '../source-document';
import { readReferenceList, referenceSource, requireUniqueEntries } from './reference-list';

export const FIELDS_FILE = 'fields.yaml';

/**
 * One of the six fields (分野) of the comprehensive plan. Named PlanField, not Field, so it does not
 * clash with the GraphQL `@Field` decorator where both are imported.
 */
export interface PlanField {
  /** 1 … 6; a policy item's code `5-1` starts with it. */
  readonly number: number;
  readonly name: string;
  readonly nameEn: string;
  /** The entry in fields.yaml. */
  readonly source: SourceRef;
}

/** Reads seed/reference/fields.yaml (the `fields:` list) from `directory`. */
export function loadFields(directory: string): PlanField[] {
  const fields = readReferenceList(directory, FIELDS_FILE, 'fields').map((entry): PlanField => {
    entry.allowOnly(['number', 'name', 'nameEn']);
    return {
      number: entry.integer('number', 1, 99),
      name: entry.text('name'),
      nameEn: entry.text('nameEn'),
      source: referenceSource(FIELDS_FILE, entry),
    };
  });
  const where = (field: PlanField): string => `${join(directory, FIELDS_FILE)}: field ${field.number} ${field.name}`;
  requireUniqueEntries(fields, (field) => [String(field.number)], where, 'number');
  requireUniqueEntries(fields, (field) => [field.name], where, 'name');
  return fields;
}
