import { useState } from 'preact/hooks';
import type { Language } from '../common/i18n';
import { recordText } from './record-texts';
import { FormField } from './field-messages';
import { YearRecordForm } from './year-record-form';
import { RECORD_RESULT } from './record-mutations';

/** A year's actual value (実績値) with a note, recorded for an indicator. */
export function IndicatorRecordForm(props: {
  readonly indicatorId: string;
  readonly unit: string | null;
  readonly language: Language;
  readonly accessToken: string;
}) {
  const { language } = props;
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  return (
    <YearRecordForm
      kind="indicator"
      subjectId={props.indicatorId}
      title={recordText(language, 'recordResult')}
      mutation={RECORD_RESULT}
      language={language}
      accessToken={props.accessToken}
      describe={(fields) => `${String(fields.value)}${props.unit ?? ''}`}
      input={() => {
        // The value is a GraphQL Float: text that is no number cannot be sent, so it is caught here; every
        // other rule (range, year, note) is the API's, and its messages are shown as it words them.
        const number = value.trim() === '' ? Number.NaN : Number(value.trim().replace(/,/g, ''));
        if (!Number.isFinite(number)) return { problems: { value: recordText(language, 'enterNumber') } };
        return { fields: { indicator: props.indicatorId, value: number, note: note.trim() === '' ? null : note } };
      }}
      fields={(messages) => (
        <>
          <FormField
            id="indicator-record-value"
            label={`${recordText(language, 'value')}${props.unit === null ? '' : ` (${props.unit})`} ${recordText(language, 'requiredMark')}`}
            messages={messages('value')}
          >
            {(attributes) => (
              <input
                {...attributes}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={value}
                onInput={(event) => setValue(event.currentTarget.value)}
              />
            )}
          </FormField>
          <FormField id="indicator-record-note" label={recordText(language, 'note')} messages={messages('note')}>
            {(attributes) => (
              <textarea {...attributes} rows={3} value={note} onInput={(event) => setNote(event.currentTarget.value)} />
            )}
          </FormField>
        </>
      )}
    />
  );
}
