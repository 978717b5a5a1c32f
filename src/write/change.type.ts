import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../read/page/connection';
import type { RowReader } from '../db/row-reader';

/** One audit entry: a change to the records, written in the same transaction as the change. */
@ObjectType({
  description: 'An audit entry: who changed which record when, its state before and after, and the request.',
})
export class Change {
  @Field(() => ID, { description: 'Id of the audit entry.' })
  id!: string;

  /** Cursor key: time, then id. */
  sortKey!: string;

  @Field({ description: 'When the change was committed (ISO 8601, UTC).' })
  at!: string;

  @Field({ description: "Who made it (the token's `sub`)." })
  actor!: string;

  @Field({ description: 'The role the actor had (editor or admin; operator for `records:import`).' })
  actorRole!: string;

  @Field({
    description:
      "What was done: RECORD_INDICATOR_RESULT, RECORD_SHEET_EVALUATION, RETRACT_RECORD, or IMPORT_RECORDS (a restore by `records:import`, whose target and subject are `records-import:` and the start of the file's SHA-256).",
  })
  action!: string;

  @Field(() => ID, { description: 'The record changed (for IMPORT_RECORDS, the import).' })
  target!: string;

  @Field(() => ID, { description: 'The indicator or reform sheet the record is about.' })
  subject!: string;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'The record before (null when the change created it).',
  })
  before!: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { description: 'The record after the change.' })
  after!: Record<string, unknown>;

  @Field({ description: 'The x-request-id of the request that made the change.' })
  requestId!: string;

  static from(this: void, p: RowReader): Change {
    const before = p.optionalString('before');
    return Object.assign(new Change(), {
      id: p.string('id'),
      sortKey: p.string('sortKey'),
      at: p.string('at'),
      actor: p.string('actor'),
      actorRole: p.string('actorRole'),
      action: p.string('action'),
      target: p.string('targetId'),
      subject: p.string('subjectId'),
      before: before === null ? null : (JSON.parse(before) as Record<string, unknown>),
      after: JSON.parse(p.string('after')) as Record<string, unknown>,
      requestId: p.string('requestId'),
    });
  }
}

export const ChangeConnection = Connection(Change, 'Change', 'A page of audit entries, oldest first.');
