import { Field, ObjectType } from 'type-graphql';
import { FiscalYear } from '../../graph/fiscal-year.type';
import { Node } from '../../graph/node.interface';
import { fiscalYearOf, sourceOf } from '../../graph/node-mapping';
import { Source } from '../../graph/source.type';
import type { NodeProperties } from '../../read/graph-loaders';
import { mapNode } from '../../graph/map-node';
import { assembledFields, DeclaredFields, declaredNode, storedAsIsOf } from '../../graph/kinds/declared-fields';
import { RELATED_PLAN_ATTRIBUTES } from '../../graph/kinds/related-plan.kind';

// Its attributes are declared in src/graph/kinds/related-plan.kind.ts.
@DeclaredFields(RELATED_PLAN_ATTRIBUTES)
@ObjectType({ implements: Node, description: 'Related plan (関連計画) of a policy item, as in the next plan.' })
export class RelatedPlan extends declaredNode(Node, RELATED_PLAN_ATTRIBUTES) {
  @Field(() => FiscalYear, { nullable: true, description: 'First fiscal year of the period.' })
  periodStart!: FiscalYear | null;

  @Field(() => Source, { nullable: true, description: 'Where the plan is listed.' })
  source!: Source | null;

  /** Fields it takes over from stored properties as they are (`StoredAsIs`, src/graph/map-node.ts). */
  static readonly storedAsIs = storedAsIsOf(RELATED_PLAN_ATTRIBUTES);

  static from(this: void, row: NodeProperties): RelatedPlan {
    return mapNode(RelatedPlan, 'RelatedPlan', row, RelatedPlan.storedAsIs, (p) =>
      Object.assign(assembledFields(RELATED_PLAN_ATTRIBUTES, p), {
        periodStart: fiscalYearOf(p.periodStartLabel, p.periodStartYear),
        source: sourceOf(p),
      }),
    );
  }
}
