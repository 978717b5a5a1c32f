import type { GraphFile } from '../../graph/graph-model';
import { GraphBuilder } from './graph-builder';
import { mergeLinkagePlans } from './linkage-plans.merge';
import { MeasureIndex } from './measure-index';
import { mergePolicyItems } from './policy-items.merge';
import type { ParsedSources } from './read-documents';
import { mergeReference } from './reference.merge';
import { mergeReformSheets } from './reform-sheets.merge';

/**
 * The merge: parsed documents in, one graph out. Order matters only where one rule reads another's
 * output: measures exist before reform sheets link to them by name, items before initiatives target them.
 */
export function buildGraph(sources: ParsedSources): GraphFile {
  const graph = new GraphBuilder();
  const measures = new MeasureIndex();
  mergeReference(graph, sources.reference);
  mergePolicyItems(
    graph,
    sources.finalPlan.chapters,
    sources.revisionSheets,
    sources.linkagePlans.matrix,
    sources.reference,
    measures,
    sources.corrections,
  );
  mergeReformSheets(graph, sources.reformSheets, sources.reference.glossary, measures);
  mergeLinkagePlans(graph, sources.linkagePlans);
  return graph.build();
}
