import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { ConnectionShape } from '../read/page/connection';
import { fetchPage } from '../read/page/fetch-page';
import { PaginationArgs } from '../read/page/pagination.args';
import type { RequestContext } from '../read/request-context';
import { Change, ChangeConnection } from './change.type';
import { ChangeFilter } from './change.filter';
import { RecordIndicatorResultInput, RecordSheetEvaluationInput, RetractRecordArgs } from './record-inputs';
import { IndicatorResult, SheetEvaluation, YearRecord } from './record.types';
import { RecordWriter } from './record-writer';
import { OrphanedSubject } from './orphaned-subject.type';
import { RowReader } from '../db/row-reader';
import { cleanText } from './text-rules';
import { FilterArg } from '../read/filter/list-args';

/** Writes of yearly records (editors for their departments, admins for all) and the audit trail. */
@Resolver()
export class RecordsResolver {
  @Authorized('editor', 'admin')
  @Mutation(() => IndicatorResult, {
    description:
      "Records an indicator's actual value for a fiscal year as a new revision (editors: only for indicators their departments answer for).",
  })
  async recordIndicatorResult(
    @Arg('input', () => RecordIndicatorResultInput, { description: 'The indicator, year, value and note.' })
    input: RecordIndicatorResultInput,
    @Ctx() ctx: RequestContext,
  ): Promise<YearRecord> {
    return new RecordWriter(ctx).record({
      kind: 'IndicatorResult',
      subjectId: input.indicator.trim(),
      fiscalYear: input.fiscalYear,
      expectedRevision: input.expectedRevision ?? null,
      fields: { value: input.value, note: input.note == null ? null : cleanText(input.note) },
    });
  }

  @Authorized('editor', 'admin')
  @Mutation(() => SheetEvaluation, {
    description:
      "Records a reform sheet's year-end evaluation as a new revision (editors: only for sheets their departments execute).",
  })
  async recordSheetEvaluation(
    @Arg('input', () => RecordSheetEvaluationInput, { description: 'The sheet, year, grade and summary.' })
    input: RecordSheetEvaluationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<YearRecord> {
    return new RecordWriter(ctx).record({
      kind: 'SheetEvaluation',
      subjectId: input.sheet.trim(),
      fiscalYear: input.fiscalYear,
      expectedRevision: input.expectedRevision ?? null,
      fields: { grade: input.grade, summary: cleanText(input.summary) },
    });
  }

  @Authorized('editor', 'admin')
  @Mutation(() => YearRecord, {
    description: 'Marks a record retracted; it stays in history with the reason, and the change is audited.',
  })
  async retractRecord(@Args() { id, reason }: RetractRecordArgs, @Ctx() ctx: RequestContext): Promise<YearRecord> {
    return new RecordWriter(ctx).retract(id.trim(), cleanText(reason));
  }

  @Authorized('editor', 'admin')
  @Query(() => [OrphanedSubject], {
    description: 'Indicators and sheets with records that a reseed removed from the documents (editors and admins).',
  })
  async orphanedRecords(@Ctx() ctx: RequestContext): Promise<OrphanedSubject[]> {
    const rows = (await ctx.gateway.read('records/orphans')).map((row) => new RowReader(row));
    return rows.map((r) =>
      Object.assign(new OrphanedSubject(), { subject: r.string('subject'), records: r.number('records') }),
    );
  }

  @Authorized('editor', 'admin')
  @Query(() => ChangeConnection, { description: 'Audit entries of record changes, oldest first (editors and admins).' })
  async changes(
    @FilterArg(() => ChangeFilter)
    filter: ChangeFilter | null,
    @Args() { first, after }: PaginationArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionShape<Change>> {
    const params = {
      target: filter?.target?.trim() || null,
      actor: filter?.actor?.trim() || null,
      since: filter?.since ? new Date(filter.since).toISOString() : null,
    };
    return fetchPage({ ctx, statement: 'audit/page', params, slice: { first, after }, map: Change.from });
  }
}
