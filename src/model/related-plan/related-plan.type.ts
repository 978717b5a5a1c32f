import { Field, ObjectType } from 'type-graphql';
import { ChangeStatus } from '../../graph/enums';
import { FiscalYear } from '../../graph/fiscal-year.type';
import { Node } from '../../graph/node.interface';
import { fiscalYearOf, sourceOf } from '../../graph/node-mapping';
import { Source } from '../../graph/source.type';
import type { NodeProperties } from '../../read/graph-loaders';
import { mapNode } from '../../graph/map-node';

@ObjectType({ implements: Node, description: 'Related plan (関連計画) of a policy item, as in the next plan.' })
export class RelatedPlan extends Node {
  @Field({ description: 'Name of the plan.' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Name in the current plan, when the next plan renames the related plan.',
  })
  previousName!: string | null;

  @Field(() => ChangeStatus, { description: 'Change mark of the draft revision sheet (deleted plans are not listed).' })
  status!: ChangeStatus;

  @Field(() => String, { nullable: true, description: 'Period as written, e.g. 令和5～9年度.' })
  period!: string | null;

  @Field(() => FiscalYear, { nullable: true, description: 'First fiscal year of the period.' })
  periodStart!: FiscalYear | null;

  @Field(() => String, { nullable: true, description: 'Summary (概要).' })
  summary!: string | null;

  @Field(() => Source, { nullable: true, description: 'Where the plan is listed.' })
  source!: Source | null;

  /** Fields it takes over from stored properties as they are (`StoredAsIs`, src/graph/map-node.ts). */
  static readonly storedAsIs = ['name', 'previousName', 'period', 'summary'] as const;

  static from(this: void, row: NodeProperties): RelatedPlan {
    return mapNode(RelatedPlan, 'RelatedPlan', row, RelatedPlan.storedAsIs, (p) => ({
      status: ChangeStatus[p.status],
      periodStart: fiscalYearOf(p.periodStartLabel, p.periodStartYear),
      source: sourceOf(p),
    }));
  }
}
