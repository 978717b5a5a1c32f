import { useState } from 'preact/hooks';
import type { Language } from '../common/i18n';
import { recordText } from './record-texts';
import { FormField } from './field-messages';
import { YearRecordForm } from './year-record-form';
import { RECORD_EVALUATION } from './record-mutations';

/** The year-end grades of a reform sheet (年度末評価), as the API's EvaluationGrade lists them. */
const GRADES = ['A', 'B', 'C'] as const;

/** A reform sheet's year-end evaluation: grade and what was done. */
export function SheetEvaluationForm(props: {
  readonly sheetId: string;
  readonly language: Language;
  readonly accessToken: string;
}) {
  const { language } = props;
  const [grade, setGrade] = useState<string>('A');
  const [summary, setSummary] = useState('');
  return (
    <YearRecordForm
      kind="sheet"
      subjectId={props.sheetId}
      title={recordText(language, 'recordEvaluation')}
      mutation={RECORD_EVALUATION}
      language={language}
      accessToken={props.accessToken}
      describe={(fields) => `${String(fields.grade)}: ${String(fields.summary)}`}
      input={() => ({ fields: { sheet: props.sheetId, grade, summary } })}
      fields={(messages) => (
        <>
          <FormField id="sheet-evaluation-grade" label={recordText(language, 'grade')} messages={messages('grade')}>
            {(attributes) => (
              <select {...attributes} value={grade} onChange={(event) => setGrade(event.currentTarget.value)}>
                {GRADES.map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField
            id="sheet-evaluation-summary"
            label={`${recordText(language, 'summary')} ${recordText(language, 'requiredMark')}`}
            messages={messages('summary')}
          >
            {(attributes) => (
              <textarea
                {...attributes}
                rows={3}
                value={summary}
                onInput={(event) => setSummary(event.currentTarget.value)}
              />
            )}
          </FormField>
        </>
      )}
    />
  );
}
