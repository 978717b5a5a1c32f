import { randomUUID } from 'node:crypto';
import { Neo4jError } from 'neo4j-driver';
import type { RequestContext } from '../read/request-context';
import type { CypherFile } from '../db/cypher-files';
import type { TransactionRunner } from '../db/graph-gateway';
import { RowReader } from '../db/row-reader';
import type { PlainRow, PlainValue } from '../db/plain-values';
import {
  BadUserInputError,
  ConflictError,
  NotFoundError,
  WriteOutcomeUnknownError,
  type WriteLookup,
} from '../core/errors';
import { assertMayRecordFor } from './editor-departments';
import { planPeriod, printedActualBefore } from './plan-period';
import { toYearRecord, type YearRecord } from './record.types';
import { storeAnswerIn } from './idempotency-keys';
import type { StoredAnswer } from '../read/keyed-write';
import { quotedInput } from '../core/quoted-input';

type RecordKind = 'IndicatorResult' | 'SheetEvaluation';

const KIND: Record<RecordKind, { prefix: string; target: CypherFile; action: string; noun: string }> = {
  IndicatorResult: {
    prefix: 'indicator-result',
    target: 'records/indicator-target',
    action: 'RECORD_INDICATOR_RESULT',
    noun: 'indicator',
  },
  SheetEvaluation: {
    prefix: 'sheet-evaluation',
    target: 'records/sheet-target',
    action: 'RECORD_SHEET_EVALUATION',
    noun: 'reform sheet',
  },
};

export interface NewRecord {
  readonly kind: RecordKind;
  readonly subjectId: string;
  readonly fiscalYear: number;
  readonly expectedRevision: number | null;
  /** The kind's own properties (value and note, or grade and summary), already cleaned. */
  readonly fields: Readonly<Record<string, string | number | null>>;
}

/** The record a write makes or changes, named before its COMMIT so a lost answer can say what to look up. */
type Intended = Omit<WriteLookup, 'requestId' | 'idempotencyKey'>;

/** What one committed write changed, as its audit entry and its log line name it. */
interface Written {
  readonly action: string;
  readonly recordId: string;
  readonly subjectId: string;
}

/**
 * Every write of records, each in ONE write transaction with its audit entry: check the subject exists
 * (NOT_FOUND), check the viewer's departments (FORBIDDEN), lock the subject's year and compare revisions
 * (CONFLICT), write, audit. Any refusal throws inside the transaction, so nothing of it is committed; once
 * it is committed, the write is logged (action, record, subject, actor, request id).
 */
export class RecordWriter {
  constructor(private readonly ctx: RequestContext) {}

  record(input: NewRecord): Promise<YearRecord> {
    const kind = KIND[input.kind];
    return this.inTransaction(async (tx, at, intend) => {
      const [target] = await tx.run(kind.target, { id: input.subjectId });
      if (!target) {
        throw new NotFoundError(`No ${kind.noun} has the id ${quotedInput(input.subjectId)}.`, { argument: 'input' });
      }
      await assertMayRecordFor(this.ctx, input.subjectId, new RowReader(target).strings('departments'));
      if (input.kind === 'IndicatorResult') assertPrintedIfBeforePlan(input.subjectId, input.fiscalYear);

      const seriesId = `${kind.prefix}:${input.subjectId.replace(/^[a-z-]+:/, '')}:${input.fiscalYear}`;
      // What the series lock, the intended outcome and the record itself all name the series by.
      const series = { subjectId: input.subjectId, fiscalYear: input.fiscalYear };
      const [lock] = await tx.run('records/lock-series', { seriesId, ...series, at });
      const current = new RowReader(lock ?? {}).optionalNumber('revision');
      // The series was deleted by a transaction that held its lock while this one waited for it (the lock
      // is taken on a node already matched, whose properties then read as null): nothing to build on.
      if (current === null) {
        throw new ConflictError(
          `The records of ${input.subjectId} for ${input.fiscalYear} were deleted while this write waited for them; nothing was written. Retry to start them anew.`,
          { currentRevision: null },
        );
      }
      if (input.expectedRevision !== null && input.expectedRevision !== current) {
        throw new ConflictError(
          `${input.subjectId} for ${input.fiscalYear} is at revision ${current}, not ${input.expectedRevision}: someone recorded it meanwhile. Read it again and retry.`,
          { currentRevision: current },
        );
      }
      const revision = current + 1;
      const recordId = `${seriesId}:r${revision}`;
      intend({ recordId, ...series, revision });
      const properties = {
        ...input.fields,
        id: recordId,
        ...series,
        revision,
        recordedBy: this.subject(),
        recordedAt: at,
        retracted: false,
      };
      const [created] = await tx.run('records/create-record', {
        seriesId,
        subjectId: input.subjectId,
        label: input.kind,
        properties,
      });
      const after = new RowReader(created ?? {}).map('record');
      const before = lock?.latest ?? null;
      await this.audit(tx, at, kind.action, properties.id, input.subjectId, before, after.values);
      return {
        answer: { label: input.kind, record: propertiesWithoutLock(after.values) },
        written: { action: kind.action, recordId: properties.id, subjectId: input.subjectId },
      };
    });
  }

  retract(id: string, reason: string): Promise<YearRecord> {
    return this.inTransaction(async (tx, at, intend) => {
      const [found] = await tx.run('records/record-by-id', { id, at });
      if (!found) throw new NotFoundError(`No record has the id ${quotedInput(id)}.`, { argument: 'id' });
      const row = new RowReader(found);
      const before = row.map('record');
      const subjectId = before.string('subjectId');
      intend({ recordId: id, subjectId, fiscalYear: before.number('fiscalYear'), revision: before.number('revision') });
      await assertMayRecordFor(this.ctx, subjectId, row.strings('departments'));
      if (before.boolean('retracted')) throw new ConflictError(`Record ${quotedInput(id)} is already retracted.`);
      const [changed] = await tx.run('records/retract-record', { id, reason, by: this.subject(), at });
      const after = new RowReader(changed ?? {}).map('record');
      await this.audit(tx, at, 'RETRACT_RECORD', id, subjectId, withoutLock(before.values), after.values);
      return {
        answer: { label: row.string('label'), record: propertiesWithoutLock(after.values) },
        written: { action: 'RETRACT_RECORD', recordId: id, subjectId },
      };
    });
  }

  private subject(): string {
    // @Authorized('editor', 'admin') ran before any write, so a subject is present.
    return this.ctx.viewer.subject ?? 'anonymous';
  }

  private async audit(
    tx: TransactionRunner,
    at: string,
    action: string,
    targetId: string,
    subjectId: string,
    before: PlainValue,
    after: PlainValue,
  ): Promise<void> {
    const id = randomUUID();
    await tx.run('audit/write-change', {
      change: {
        id,
        at,
        sortKey: `${at}|${id}`,
        actor: this.subject(),
        actorRole: this.ctx.viewer.role,
        action,
        targetId,
        subjectId,
        before: before === null ? null : JSON.stringify(withoutLock(before)),
        after: JSON.stringify(withoutLock(after)),
        requestId: this.ctx.requestId,
      },
    });
  }

  /**
   * Runs `work` in one write transaction, and logs what it wrote once committed; two writers racing to the
   * same new revision become CONFLICT. `work` names the record it writes (`intend`) before the COMMIT, so a
   * COMMIT whose outcome is lost (WRITE_OUTCOME_UNKNOWN) tells the client which record to look up.
   *
   * With an Idempotency-Key: a key that answered this request before gives that answer again and nothing
   * runs; a key this request claimed gets the answer stored with it in the same transaction.
   */
  private async inTransaction(
    work: (
      tx: TransactionRunner,
      at: string,
      intend: (record: Intended) => void,
    ) => Promise<{ answer: StoredAnswer; written: Written }>,
  ): Promise<YearRecord> {
    const keyed = this.ctx.keyedWrite;
    if (keyed?.kind === 'replay') {
      const recordId = new RowReader(keyed.answer.record).string('id');
      this.ctx.log.info(
        { event: 'record.replay', recordId, actor: this.subject() },
        `Idempotency-Key answered again for ${recordId}: nothing written`,
      );
      return toYearRecord(keyed.answer.label, new RowReader(keyed.answer.record));
    }
    const claimed = keyed?.kind === 'claimed' ? keyed : undefined;
    let intended: Intended | undefined;
    try {
      const { answer, written } = await this.ctx.gateway.writeTransaction(async (tx) => {
        const done = await work(tx, new Date().toISOString(), (record) => (intended = record));
        if (claimed !== undefined) await storeAnswerIn(tx, claimed, done.written.recordId, done.answer);
        return done;
      });
      if (claimed !== undefined) claimed.outcome = 'written';
      this.ctx.log.info(
        { event: 'record.write', ...written, actor: this.subject(), actorRole: this.ctx.viewer.role },
        `${written.action} ${written.recordId} by ${this.subject()}`,
      );
      return toYearRecord(answer.label, new RowReader(answer.record));
    } catch (error) {
      if (error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
        throw new ConflictError(
          'Another change to the same record landed at the same moment. Read it again and retry.',
        );
      }
      if (error instanceof WriteOutcomeUnknownError && intended !== undefined) {
        if (claimed !== undefined) claimed.outcome = 'unknown';
        const lookup = { ...intended, requestId: this.ctx.requestId, idempotencyKey: claimed?.key };
        this.ctx.log.warn(
          { event: 'record.write-outcome-unknown', ...lookup, actor: this.subject(), reason: error.reason },
          `outcome of the write of ${lookup.recordId} by ${this.subject()} unknown: ${error.reason}`,
        );
        throw error.naming(lookup);
      }
      throw error;
    }
  }
}

/** A record's properties without its lock stamp, as its answer is kept with an Idempotency-Key. */
function propertiesWithoutLock(record: PlainRow): PlainRow {
  return Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'lockedAt'));
}

/** The lock stamp is bookkeeping, not part of a record's state. */
function withoutLock(value: PlainValue): PlainValue {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return propertiesWithoutLock(value);
}

/**
 * A year before the plan period may be recorded only for an indicator whose actual of that year the
 * documents print (seed/reference/plan-period.yaml printedBefore): the input's rule lets the year through for
 * any indicator, this names the indicator.
 */
function assertPrintedIfBeforePlan(indicator: string, fiscalYear: number): void {
  const { firstYear, firstLabel } = planPeriod();
  if (fiscalYear >= firstYear || printedActualBefore(indicator, fiscalYear) !== undefined) return;
  throw new BadUserInputError(
    `input.fiscalYear ${fiscalYear} is before the plan period (from ${firstYear}, ${firstLabel}); a year before it can be recorded only where the documents print its actual, and they print none for ${indicator} in ${fiscalYear}.`,
    { argument: 'input' },
  );
}
