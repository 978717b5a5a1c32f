import type { DepartmentLabel } from '../common/department-order';
import { useNavigation } from '../common/navigation';
import { IndicatorRecordForm } from '../records/indicator-record-form';
import { RecordGate } from '../records/record-gate';
import { RetractForm } from '../records/retract-form';
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
  const { indicator } = props;
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
    <RecordGate subjectId={indicator.id} departments={props.departments} language={language}>
      {(accessToken) => (
        <>
          <IndicatorRecordForm
            indicatorId={indicator.id}
            unit={indicator.unit}
            language={language}
            accessToken={accessToken}
          />
          <RetractForm subjectId={indicator.id} records={records} language={language} accessToken={accessToken} />
        </>
      )}
    </RecordGate>
  );
}
