import type { Language } from '../common/i18n';
import { useNavigation } from '../common/navigation';
import { RecordGate } from '../records/record-gate';
import { useRecordForms } from '../records/use-record-forms';
import type { SheetDetail } from './sheet-query';

/**
 * Where staff record a year's evaluation and retract one, below the evaluations: the forms for an editor of
 * the executing department (実行課) or an admin, otherwise what the person can do instead.
 */
export function SheetEvaluationSlot(props: { readonly sheet: SheetDetail }) {
  const { language } = useNavigation();
  return (
    <RecordGate subjectId={props.sheet.id} departments={props.sheet.departments} language={language}>
      {(accessToken) => <SheetForms sheet={props.sheet} language={language} accessToken={accessToken} />}
    </RecordGate>
  );
}

/** The forms themselves, from their own chunk: an evaluation for a year, and the retraction of a current one. */
function SheetForms(props: { readonly sheet: SheetDetail; readonly language: Language; readonly accessToken: string }) {
  const forms = useRecordForms();
  if (forms === null) return null;
  const { sheet, language, accessToken } = props;
  const records = sheet.evaluations.flatMap((year) =>
    year.current === null
      ? []
      : [
          {
            id: year.current.id,
            fiscalYear: year.fiscalYear,
            revision: year.current.revision,
            label: year.current.grade,
          },
        ],
  );
  return (
    <>
      <forms.SheetEvaluationForm sheetId={sheet.id} language={language} accessToken={accessToken} />
      <forms.RetractForm subjectId={sheet.id} records={records} language={language} accessToken={accessToken} />
    </>
  );
}
