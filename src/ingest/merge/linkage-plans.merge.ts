import { compareInitiativesWithMatrix, findItemNameDifferences } from '../linkage-plan';
import { nodeId, sortKey } from './ids';
import type { MergeContext } from './merge-context';
import { MergeError } from './merge-error';

/**
 * Linkage plans and their initiatives (004). Initiatives target policy items by code; every code must
 * name an item of the graph (the matrix creates the items of fields 1–4). Where the initiatives and the
 * matrix's ○ marks disagree, or an initiative writes an item's name otherwise than the matrix (the typo
 * that seed/corrections.yaml fixes on 004 line 83), the difference is reported as a discrepancy.
 */
export function mergeLinkagePlans({ graph, sources }: MergeContext): void {
  const doc = sources.linkagePlans;
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
          throw new MergeError(
            item.source,
            `initiative ${key} names policy item ${item.code}, which no document describes`,
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
  for (const difference of findItemNameDifferences(doc.plans, doc.matrix)) {
    graph.discrepancy(
      `linkage plan ${difference.planNumber} / ${difference.code}`,
      `initiative ${difference.planNumber}-${difference.initiativeNumber} writes its name ` +
        `${difference.writtenName}, the matrix ${difference.matrixName}`,
      difference.source,
    );
  }
}
