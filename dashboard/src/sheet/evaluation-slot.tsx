import { useNavigation } from '../common/navigation';
import { RecordGate } from '../records/record-gate';
import { RetractForm } from '../records/retract-form';
import { SheetEvaluationForm } from '../records/sheet-evaluation-form';
import type { SheetDetail } from './sheet-query';

/**
 * Where staff record a year's evaluation and retract one, below the evaluations: the forms for an editor of
 * the executing department (実行課) or an admin, otherwise what the person can do instead.
 */
export function SheetEvaluationSlot(props: { readonly sheet: SheetDetail }) {
  const { language } = useNavigation();
  const { sheet } = props;
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
    <RecordGate subjectId={sheet.id} departments={sheet.departments} language={language}>
      {(accessToken) => (
        <>
          <SheetEvaluationForm sheetId={sheet.id} language={language} accessToken={accessToken} />
          <RetractForm subjectId={sheet.id} records={records} language={language} accessToken={accessToken} />
        </>
      )}
    </RecordGate>
  );
}
