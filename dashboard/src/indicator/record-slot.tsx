import type { DepartmentLabel } from '../common/department-order';
import type { Language } from '../common/i18n';
import { useNavigation } from '../common/navigation';
import { RecordGate } from '../records/record-gate';
import { useRecordForms } from '../records/use-record-forms';
import type { IndicatorDetail } from './indicator-query';

/**
 * Where staff record a year's value and retract a record, below the table of recorded years: the forms for an
 * editor of a department answering for the indicator (or an admin), otherwise what the person can do instead.
 */
export function IndicatorRecordSlot(props: {
  readonly indicator: IndicatorDetail;
  readonly departments: readonly DepartmentLabel[];
}) {
  const { language } = useNavigation();
  return (
    <RecordGate subjectId={props.indicator.id} departments={props.departments} language={language}>
      {(accessToken) => <IndicatorForms indicator={props.indicator} language={language} accessToken={accessToken} />}
    </RecordGate>
  );
}

/** The forms themselves, from their own chunk: a record for a year, and the retraction of a current one. */
function IndicatorForms(props: {
  readonly indicator: IndicatorDetail;
  readonly language: Language;
  readonly accessToken: string;
}) {
  const forms = useRecordForms();
  if (forms === null) return null;
  const { indicator, language, accessToken } = props;
  const records = indicator.results.flatMap((year) =>
    year.current === null
      ? []
      : [
          {
            id: year.current.id,
            fiscalYear: year.fiscalYear,
            revision: year.current.revision,
            label: `${year.current.value}${indicator.unit ?? ''}`,
          },
        ],
  );
  return (
    <>
      <forms.IndicatorRecordForm
        indicatorId={indicator.id}
        unit={indicator.unit}
        language={language}
        accessToken={accessToken}
      />
      <forms.RetractForm subjectId={indicator.id} records={records} language={language} accessToken={accessToken} />
    </>
  );
}
