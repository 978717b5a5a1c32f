import { useState } from 'preact/hooks';
import { announceDataChanged } from '../common/data-changed';
import { fiscalYearLabel } from '../common/fiscal-year';
import type { Language } from '../common/i18n';
import { recordText } from './record-texts';
import { expire } from '../sign-in/session';
import { FormField } from './field-messages';
import { messagesFor, sendMutation, type WriteRefusal } from './graphql-mutation';
import { leaveNotice } from './write-notice';
import { RETRACT } from './record-mutations';

/** A current record the person may retract, labelled by its year and content. */
export interface RetractableRecord {
  readonly id: string;
  readonly fiscalYear: number;
  readonly revision: number;
  readonly label: string;
}

/** Retracts one current record with a reason; it stays in the history, marked retracted. */
export function RetractForm(props: {
  readonly subjectId: string;
  readonly records: readonly RetractableRecord[];
  readonly language: Language;
  readonly accessToken: string;
}) {
  const { language } = props;
  const [id, setId] = useState(props.records[0]?.id ?? '');
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<WriteRefusal | null>(null);
  const [busy, setBusy] = useState(false);
  if (props.records.length === 0) return null;
  const submit = async (): Promise<void> => {
    setBusy(true);
    const result = await sendMutation<{ retractRecord: { id: string } }>(
      RETRACT,
      { id, reason },
      props.accessToken,
      language,
    );
    setBusy(false);
    if (result.ok) {
      const record = props.records.find((candidate) => candidate.id === id);
      leaveNotice({
        subjectId: props.subjectId,
        action: 'retractDone',
        fiscalYear: record?.fiscalYear ?? null,
        revision: record?.revision ?? null,
      });
      announceDataChanged();
      return;
    }
    setRefusal(result.refusal);
    if (result.refusal.code === 'UNAUTHENTICATED') expire();
  };
  return (
    <form
      class="record-form retract-form"
      aria-labelledby="retract-title"
      noValidate
      onInput={() => setRefusal(null)}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id="retract-title">{recordText(language, 'retractRecord')}</h3>
      {refusal !== null ? (
        <p role="alert" class="error">
          {refusal.violations.length > 0
            ? recordText(language, 'fixFields')
            : `${recordText(language, 'writeRefused')}: ${refusal.message}`}
        </p>
      ) : null}
      <FormField id="retract-record" label={recordText(language, 'record')} messages={messagesFor(refusal, 'id')}>
        {(attributes) => (
          <select {...attributes} value={id} onChange={(event) => setId(event.currentTarget.value)}>
            {props.records.map((record) => (
              <option key={record.id} value={record.id}>
                {fiscalYearLabel(record.fiscalYear)} · {record.label} ({recordText(language, 'revisionShort')}{' '}
                {record.revision})
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        id="retract-reason"
        label={`${recordText(language, 'retractReason')} ${recordText(language, 'requiredMark')}`}
        messages={messagesFor(refusal, 'reason')}
      >
        {(attributes) => (
          <textarea {...attributes} rows={2} value={reason} onInput={(event) => setReason(event.currentTarget.value)} />
        )}
      </FormField>
      <button type="submit" disabled={busy}>
        {recordText(language, 'retract')}
      </button>
    </form>
  );
}
