import { FieldResolver, Resolver } from 'type-graphql';
import { outlookReference } from '../../graph/outlook-reference';
import { OutlookYears } from './outlook-years.type';
import { ServiceInfo } from './service-info.type';

/** `ServiceInfo.outlookYears`: reference data read once (seed/reference/outlook.yaml), no statement. */
@Resolver(() => ServiceInfo)
export class OutlookYearsResolver {
  @FieldResolver(() => OutlookYears, {
    description:
      "The baseline and target fiscal years of every indicator's outlook (R3 → R9) and the document lines they rest on: what a reader is asked to trust behind each outlook, beside `coverage`.",
  })
  outlookYears(): OutlookYears {
    const reference = outlookReference();
    return Object.assign(new OutlookYears(), {
      baselineFiscalYear: reference.baselineFiscalYear,
      baselineLabel: reference.baselineLabel,
      targetFiscalYear: reference.targetFiscalYear,
      targetLabel: reference.targetLabel,
      evidence: reference.evidence.map((line) => ({ ...line })),
      overrideCount: reference.overrides.length,
    });
  }
}
