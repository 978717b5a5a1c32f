import { compareInitiativesWithMatrix, type LinkagePlanDocument } from '../linkage-plan';
import type { GraphBuilder } from './graph-builder';
import { nodeId, sortKey } from './ids';

/**
 * Linkage plans and their initiatives (004). Initiatives target policy items by code; every code must
 * name an item of the graph (the matrix creates the items of fields 1–4). Where the initiatives and the
 * matrix's ○ marks disagree, the difference is reported as a discrepancy.
 */
export function mergeLinkagePlans(graph: GraphBuilder, doc: LinkagePlanDocument): void {
  for (const plan of doc.plans) {
    const planId = nodeId('LinkagePlan', String(plan.number));
    graph.node('LinkagePlan', planId, plan.source, {
      number: plan.number,
      name: plan.name,
      sortKey: sortKey(String(plan.number)),
      summary: plan.summary,
      targets: [...plan.numericTargets],
    });
    for (const initiative of plan.initiatives) {
      const key = `${plan.number}-${initiative.number}`;
      const initiativeId = nodeId('Initiative', key);
      graph.node('Initiative', initiativeId, initiative.source, {
        number: initiative.number,
        name: initiative.name,
        sortKey: sortKey(key),
        text: initiative.text,
      });
      graph.relate('HAS_INITIATIVE', planId, initiativeId, initiative.source);
      for (const item of initiative.policyItems) {
        const itemId = nodeId('PolicyItem', item.code);
        if (!graph.has(itemId)) {
          throw new Error(
            `${item.source.document}:${item.source.line}: initiative ${key} names policy item ${item.code}, which no document describes`,
          );
        }
        graph.relate('TARGETS', initiativeId, itemId, item.source);
      }
    }
  }
  for (const difference of compareInitiativesWithMatrix(doc.plans, doc.matrix)) {
    graph.discrepancy(
      `linkage plan ${difference.planNumber} / ${difference.code}`,
      difference.onlyIn === 'matrix'
        ? 'the matrix marks this item but no initiative of the plan names it'
        : 'an initiative names this item but the matrix does not mark it',
      difference.source,
    );
  }
}
