import { Field, ObjectType } from 'type-graphql';
import { FiscalYear } from '../common/fiscal-year.type';
import { Node } from '../common/node.interface';
import { fiscalYearOf, sourceOf } from '../common/node-mapping';
import { Source } from '../common/source.type';
import type { NodeProperties } from '../graph/graph-loaders';

@ObjectType({ implements: Node, description: 'Related plan (関連計画) of a policy item, as in the next plan.' })
export class RelatedPlan extends Node {
  @Field({ description: 'Name of the plan.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Period as written, e.g. 令和5～9年度.' })
  period!: string | null;

  @Field(() => FiscalYear, { nullable: true, description: 'First fiscal year of the period.' })
  periodStart!: FiscalYear | null;

  @Field(() => String, { nullable: true, description: 'Summary (概要).' })
  summary!: string | null;

  @Field(() => Source, { nullable: true, description: 'Where the plan is listed.' })
  source!: Source | null;

  static from(this: void, p: NodeProperties): RelatedPlan {
    return Object.assign(new RelatedPlan(), {
      kind: 'RelatedPlan',
      id: p.string('id'),
      name: p.string('name'),
      period: p.optionalString('period'),
      periodStart: fiscalYearOf(p.optionalString('periodStartLabel'), p.optionalNumber('periodStartYear')),
      summary: p.optionalString('summary'),
      source: sourceOf(p),
    });
  }
}
