import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsJSON,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Min,
  validateSync,
} from 'class-validator';
import type { PlainValue } from '../db/plain-values';
import { IsRecordedValue } from './recorded-value';
import { IsPlanFiscalYear } from './text-rules';

/** A backup file refused: the message names the line and what is wrong with it; nothing was written. */
export class BackupRefusal extends Error {}

export type RecordLabel = 'IndicatorResult' | 'SheetEvaluation';
type Properties = Readonly<Record<string, PlainValue>>;

/** Per record kind: its id prefix, its subject's id prefix, and the audit action that creates one. */
export const RECORD_KINDS: Readonly<Record<RecordLabel, { prefix: string; subjectPrefix: string; created: string }>> = {
  IndicatorResult: { prefix: 'indicator-result', subjectPrefix: 'indicator', created: 'RECORD_INDICATOR_RESULT' },
  SheetEvaluation: { prefix: 'sheet-evaluation', subjectPrefix: 'reform-sheet', created: 'RECORD_SHEET_EVALUATION' },
};
export const RETRACT_ACTION = 'RETRACT_RECORD';

const SERIES_ID = /^(indicator-result|sheet-evaluation):([^:\s]+):(\d{4})$/;
const RECORD_ID = /^(indicator-result|sheet-evaluation):([^:\s]+):(\d{4}):r([1-9]\d*)$/;
const SUBJECT_ID = /^(indicator|reform-sheet):[^:\s]+$/;
const SUBJECT_PREFIX: Readonly<Record<string, string>> = {
  'indicator-result': 'indicator',
  'sheet-evaluation': 'reform-sheet',
};

/** What a series and its records both name: the subject and the fiscal year. */
abstract class SubjectYearProperties {
  @Matches(SUBJECT_ID, { message: 'subjectId must be an indicator or reform sheet id' })
  subjectId!: string;

  @IsPlanFiscalYear()
  fiscalYear!: number;
}

class SeriesProperties extends SubjectYearProperties {
  @Matches(SERIES_ID, { message: 'id must be a series id such as indicator-result:5-1-1:2024' })
  id!: string;

  @IsInt()
  @Min(0)
  revision!: number;

  /** The lock stamp: bookkeeping, read and dropped (exports before it was left out carry it). */
  @IsOptional()
  @IsISO8601({ strict: true })
  lockedAt?: string;
}

abstract class RecordProperties extends SubjectYearProperties {
  @Matches(RECORD_ID, {
    message: 'id must be a record id ending in its revision, such as indicator-result:5-1-1:2024:r1',
  })
  id!: string;

  @IsInt()
  @Min(1)
  revision!: number;

  @IsString()
  @IsNotEmpty()
  recordedBy!: string;

  @IsISO8601({ strict: true })
  recordedAt!: string;

  @IsBoolean()
  retracted!: boolean;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  retractedReason?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  retractedBy?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  retractedAt?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  lockedAt?: string;
}

class IndicatorResultProperties extends RecordProperties {
  @IsRecordedValue()
  value!: number;

  @IsOptional()
  @IsString()
  note?: string;
}

class SheetEvaluationProperties extends RecordProperties {
  @IsIn(['A', 'B', 'C'])
  grade!: string;

  @IsString()
  @IsNotEmpty()
  summary!: string;
}

class ChangeProperties {
  @IsString()
  @IsNotEmpty()
  id!: string;

  @IsISO8601({ strict: true })
  at!: string;

  @IsString()
  sortKey!: string;

  @IsString()
  @IsNotEmpty()
  actor!: string;

  @IsString()
  @IsNotEmpty()
  actorRole!: string;

  @IsIn([...Object.values(RECORD_KINDS).map((k) => k.created), RETRACT_ACTION])
  action!: string;

  @Matches(RECORD_ID, { message: 'targetId must be a record id such as indicator-result:5-1-1:2024:r1' })
  targetId!: string;

  @Matches(SUBJECT_ID, { message: 'subjectId must be an indicator or reform sheet id' })
  subjectId!: string;

  @IsOptional()
  @IsJSON()
  before?: string;

  @IsJSON()
  after!: string;

  @IsString()
  requestId!: string;
}

const CLASSES = {
  RecordSeries: SeriesProperties,
  IndicatorResult: IndicatorResultProperties,
  SheetEvaluation: SheetEvaluationProperties,
  Change: ChangeProperties,
} as const;
type Label = keyof typeof CLASSES;

interface Line {
  /** 1-based line number in the file. */
  readonly line: number;
  readonly id: string;
  /** The properties to store: the line's, without the lock stamp. */
  readonly properties: Properties;
}
export interface SeriesLine extends Line {
  readonly revision: number;
}
export interface RecordLine extends Line {
  readonly label: RecordLabel;
  readonly seriesId: string;
  readonly subjectId: string;
  readonly revision: number;
  readonly retracted: boolean;
}
export interface ChangeLine extends Line {
  readonly action: string;
  readonly targetId: string;
}

/** A backup file whose every line is a valid export line, by kind. */
export interface BackupFile {
  readonly lineCount: number;
  readonly series: readonly SeriesLine[];
  readonly records: readonly RecordLine[];
  readonly changes: readonly ChangeLine[];
}

/**
 * Reads an export (JSON Lines of `{label, properties}`), checking every line on its own: the label, every
 * property's presence and type (no unknown ones), the id's shape and its agreement with the subject, year
 * and revision, a retraction's who, when and why, an audit entry's sort key and its JSON before and after.
 * The first bad line refuses the file with its number.
 */
export function parseBackup(text: string): BackupFile {
  const series: SeriesLine[] = [];
  const records: RecordLine[] = [];
  const changes: ChangeLine[] = [];
  const seen = new Map<string, number>();
  const lines = text.split('\n');
  let lineCount = 0;
  lines.forEach((raw, index) => {
    const number = index + 1;
    if (raw.trim() === '') return;
    lineCount++;
    const fail = (problem: string): never => {
      throw new BackupRefusal(`line ${number}: ${problem}`);
    };
    const { label, properties, id } = readLine(raw, fail);
    const key = `${label} ${id}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) fail(`${label} ${id} is already on line ${earlier}`);
    seen.set(key, number);
    const problems = propertyProblems(label, properties);
    if (problems.length > 0) fail(`${label} ${id}: ${problems.join('; ')}`);
    const stored = withoutLock(properties);
    if (label === 'RecordSeries') {
      const [, prefix, code, year] = SERIES_ID.exec(id) ?? [];
      const expected = `${prefix}:${code}:${properties.fiscalYear as number}`;
      if (id !== expected || properties.subjectId !== `${SUBJECT_PREFIX[prefix ?? '']}:${code}`) {
        fail(`series ${id} must be about ${SUBJECT_PREFIX[prefix ?? '']}:${code} in ${year}`);
      }
      series.push({ line: number, id, properties: stored, revision: properties.revision as number });
    } else if (label === 'Change') {
      changes.push({ line: number, id, properties: stored, ...changeProblems(properties, fail) });
    } else {
      records.push({ line: number, id, properties: stored, label, ...recordShape(label, properties, fail) });
    }
  });
  if (lineCount === 0) throw new BackupRefusal('the file has no lines: nothing to import');
  return { lineCount, series, records, changes };
}

function readLine(raw: string, fail: (problem: string) => never): { label: Label; properties: Properties; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    return fail(`not JSON (${(error as Error).message})`);
  }
  const { label, properties, ...rest } = (parsed ?? {}) as { label?: unknown; properties?: unknown };
  if (typeof label !== 'string' || !(label in CLASSES)) {
    return fail(`label must be one of ${Object.keys(CLASSES).join(', ')}`);
  }
  if (Object.keys(rest).length > 0) fail(`unknown key(s) ${Object.keys(rest).join(', ')} beside label and properties`);
  if (!properties || typeof properties !== 'object' || Array.isArray(properties)) {
    return fail('properties must be an object');
  }
  const map = properties as Properties;
  if (typeof map.id !== 'string') return fail('properties must have a string id');
  return { label: label as Label, properties: map, id: map.id };
}

function propertyProblems(label: Label, properties: Properties): string[] {
  const instance = Object.assign(new CLASSES[label](), properties);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  return errors.flatMap((error) => Object.values(error.constraints ?? {}).map((m) => `${error.property}: ${m}`));
}

function recordShape(
  label: RecordLabel,
  p: Properties,
  fail: (problem: string) => never,
): Omit<RecordLine, keyof Line | 'label'> {
  const id = p.id as string;
  const [, prefix, code] = RECORD_ID.exec(id) ?? [];
  const kind = RECORD_KINDS[label];
  const expected = `${kind.prefix}:${code}:${p.fiscalYear as number}:r${p.revision as number}`;
  if (prefix !== kind.prefix) fail(`a ${label} id must start with ${kind.prefix}: (${id})`);
  if (id !== expected) fail(`record ${id} must have fiscalYear and revision of its id`);
  if (p.subjectId !== `${kind.subjectPrefix}:${code}`) fail(`record ${id} must be about ${kind.subjectPrefix}:${code}`);
  const retractionFields = ['retractedReason', 'retractedBy', 'retractedAt'];
  const present = retractionFields.filter((f) => p[f] !== undefined && p[f] !== null);
  if (p.retracted === true && present.length !== retractionFields.length) {
    fail(`record ${id} is retracted, so it must have ${retractionFields.join(', ')}`);
  }
  if (p.retracted === false && present.length > 0) fail(`record ${id} is not retracted but has ${present.join(', ')}`);
  return {
    seriesId: seriesOf(id),
    subjectId: p.subjectId,
    revision: p.revision as number,
    retracted: p.retracted as boolean,
  };
}

function changeProblems(p: Properties, fail: (problem: string) => never): Omit<ChangeLine, keyof Line> {
  const id = p.id as string;
  const targetId = p.targetId as string;
  if (p.sortKey !== `${p.at as string}|${id}`) fail(`audit entry ${id}: sortKey must be at|id`);
  const [, prefix, code] = RECORD_ID.exec(targetId) ?? [];
  if (p.subjectId !== `${SUBJECT_PREFIX[prefix ?? '']}:${code}`) {
    fail(`audit entry ${id}: subjectId must be the subject of ${targetId}`);
  }
  const after: unknown = JSON.parse(p.after as string);
  const before: unknown = p.before === undefined || p.before === null ? null : JSON.parse(p.before as string);
  if (!isObject(after) || (before !== null && !isObject(before))) {
    fail(`audit entry ${id}: before and after must be JSON objects (before may be null)`);
  }
  if ((after as Record<string, unknown>).id !== targetId) fail(`audit entry ${id}: after must be ${targetId}`);
  return { action: p.action as string, targetId };
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A record's series: its id without `:r<revision>`. */
export function seriesOf(recordId: string): string {
  return recordId.replace(/:r\d+$/, '');
}

/** The lock stamp is bookkeeping, not part of the state a backup carries. */
export function withoutLock(properties: Properties): Properties {
  return Object.fromEntries(Object.entries(properties).filter(([key]) => key !== 'lockedAt'));
}
