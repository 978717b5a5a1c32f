import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { announceDataChanged } from '../common/data-changed';
import type { Language } from '../common/i18n';
import { recordText } from './record-texts';
import { expire } from '../sign-in/session';
import { FormField } from './field-messages';
import { messagesFor, sendMutation, type WriteRefusal } from './graphql-mutation';
import { leaveNotice } from './write-notice';
import { readYearBase, useYearBase, type RecordKind, type YearBase } from './year-base';

/** The fiscal year whose results are recorded now: the one that ended last March (April to March). */
function lastFiscalYear(today: Date = new Date()): number {
  return today.getMonth() >= 3 ? today.getFullYear() - 1 : today.getFullYear() - 2;
}

/** One subject kind's form: its own fields, the mutation, and how a record reads in a sentence. */
export interface YearRecordFormSpec {
  readonly kind: RecordKind;
  readonly subjectId: string;
  readonly title: string;
  /** The mutation, taking `$input`, answering `{ id revision }` under `record`. */
  readonly mutation: string;
  /** The input besides fiscalYear and expectedRevision, or a message per field the browser cannot send. */
  readonly input: () => { readonly fields: Record<string, unknown> } | { readonly problems: Record<string, string> };
  /** The kind's own fields, shown with the API's messages for each (`messages('value')`). */
  readonly fields: (messages: (field: string) => string[]) => ComponentChildren;
  /** A current record in words (value and unit, or grade), for the conflict box. */
  readonly describe: (fields: Record<string, unknown>) => string;
  readonly language: Language;
  readonly accessToken: string;
}

/**
 * Records a year as a new revision on top of the one read when the year was chosen (expectedRevision). A
 * refusal is shown where it belongs: field messages below their fields, CONFLICT as what is recorded now with
 * an offer to record on top of it, an expired sign-in as a new sign-in.
 */
export function YearRecordForm(props: YearRecordFormSpec) {
  const { language, kind, subjectId } = props;
  const [yearText, setYearText] = useState(String(lastFiscalYear()));
  const fiscalYear = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  const base = useYearBase(kind, subjectId, fiscalYear);
  const [refusal, setRefusal] = useState<WriteRefusal | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<YearBase | null>(null);
  const [busy, setBusy] = useState(false);
  const prefix = `${kind}-record`;

  const messages = (field: string): string[] => [
    ...(problems[field] === undefined ? [] : [problems[field]]),
    ...messagesFor(refusal, field),
  ];

  const submit = async (expectedRevision: number | undefined): Promise<void> => {
    const local = props.input();
    const yearProblem: Record<string, string> =
      fiscalYear === null ? { fiscalYear: recordText(language, 'enterYear') } : {};
    if ('problems' in local || fiscalYear === null) {
      setProblems({ ...('problems' in local ? local.problems : {}), ...yearProblem });
      setRefusal(null);
      return;
    }
    setProblems({});
    setBusy(true);
    const result = await sendMutation<{ record: { id: string; revision: number } }>(
      props.mutation,
      { input: { ...local.fields, fiscalYear, expectedRevision: expectedRevision ?? base?.revision ?? 0 } },
      props.accessToken,
      language,
    );
    setBusy(false);
    if (result.ok) {
      leaveNotice({ subjectId, action: 'saved', fiscalYear, revision: result.data.record.revision });
      announceDataChanged();
      return;
    }
    setRefusal(result.refusal);
    if (result.refusal.code === 'UNAUTHENTICATED') expire();
    if (result.refusal.code === 'CONFLICT') {
      const now = await readYearBase(kind, subjectId, fiscalYear).catch(() => null);
      setConflict(now ?? { fiscalYear, revision: result.refusal.currentRevision ?? 0, current: null });
    } else {
      setConflict(null);
    }
  };

  const general = refusal !== null && refusal.violations.length === 0 && refusal.code !== 'CONFLICT';
  return (
    <form
      class="record-form"
      aria-labelledby={`${prefix}-title`}
      noValidate
      // Messages are about what was sent: once the person edits, they no longer describe the form.
      onInput={() => {
        setRefusal(null);
        setProblems({});
      }}
      onSubmit={(event) => {
        event.preventDefault();
        void submit(undefined);
      }}
    >
      <h3 id={`${prefix}-title`}>{props.title}</h3>
      {refusal !== null && refusal.violations.length > 0 ? (
        <p role="alert" class="error">
          {recordText(language, 'fixFields')}
        </p>
      ) : null}
      {general ? (
        <p role="alert" class="error">
          {recordText(language, 'writeRefused')}: {refusal.message}
        </p>
      ) : null}
      {conflict !== null ? (
        <div role="alert" class="conflict">
          <p>{recordText(language, 'conflictTitle')}</p>
          {conflict.current === null ? null : (
            <p>
              {recordText(language, 'theirValue')}: <strong>{props.describe(conflict.current.fields)}</strong> (
              {conflict.current.recordedBy}, {recordText(language, 'revisionShort')} {conflict.current.revision})
            </p>
          )}
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              setConflict(null);
              void submit(conflict.revision);
            }}
          >
            {recordText(language, 'recordOnTop')}
          </button>
        </div>
      ) : null}
      <FormField id={`${prefix}-year`} label={recordText(language, 'fiscalYear')} messages={messages('fiscalYear')}>
        {(attributes) => (
          <input
            {...attributes}
            type="number"
            inputMode="numeric"
            value={yearText}
            onInput={(event) => {
              setYearText(event.currentTarget.value);
              setConflict(null);
            }}
          />
        )}
      </FormField>
      {base?.current == null || conflict !== null ? null : (
        <p class="base">
          {recordText(language, 'theirValue')}: {props.describe(base.current.fields)} (
          {recordText(language, 'revisionShort')} {base.current.revision})
        </p>
      )}
      {props.fields(messages)}
      <button type="submit" disabled={busy || base === null}>
        {busy ? recordText(language, 'saving') : recordText(language, 'save')}
      </button>
    </form>
  );
}
