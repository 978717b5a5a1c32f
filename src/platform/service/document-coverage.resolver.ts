import { Ctx, FieldResolver, Resolver } from 'type-graphql';
import { RowReader } from '../../db/row-reader';
import { PolicyField } from '../../model/field/policy-field.type';
import { Sdg } from '../../model/sdg/sdg.type';
import type { RequestContext } from '../../read/request-context';
import { DocumentCoverage, FieldCoverage } from './document-coverage.type';
import { ServiceInfo } from './service-info.type';

/** `ServiceInfo.coverage`, read only when a request selects it (one statement: service/document-coverage). */
@Resolver(() => ServiceInfo)
export class DocumentCoverageResolver {
  @FieldResolver(() => DocumentCoverage, {
    description:
      'What the source documents cover: per policy field, the policy items, measures, indicators and SDG links ' +
      'they give it, and the SDGs they link nothing to. Read it to tell "no data in the documents" from "no match".',
  })
  async coverage(@Ctx() { gateway }: RequestContext): Promise<DocumentCoverage> {
    const [row] = await gateway.read('service/document-coverage');
    const reader = new RowReader(row ?? {});
    return {
      fields: reader.maps('fields').map(fieldCoverage),
      uncoveredSdgs: reader.maps('uncoveredSdgs').map(Sdg.from),
    };
  }
}

function fieldCoverage(entry: RowReader): FieldCoverage {
  return {
    field: PolicyField.from(entry.map('field')),
    policyItemCount: entry.number('policyItemCount'),
    measureCount: entry.number('measureCount'),
    indicatorCount: entry.number('indicatorCount'),
    sdgLinkCount: entry.number('sdgLinkCount'),
    sdgs: entry.maps('sdgs').map(Sdg.from),
  };
}
