import type { GraphFile } from '../../graph/graph-model';
import { GraphBuilder } from './graph-builder';
import { mergeIndicatorOwners } from './indicator-owners.merge';
import { mergeLinkagePlans } from './linkage-plans.merge';
import type { MergeContext } from './merge-context';
import { MeasureIndex } from './measure-index';
import { mergeFields, mergePolicyItems } from './policy-items.merge';
import type { ParsedSources } from './read-documents';
import { mergeReference } from './reference.merge';
import { mergeReformSheets } from './reform-sheets.merge';

/**
 * The merge: parsed documents in, one graph out. Order matters only where one rule reads another's
 * output: measures exist before reform sheets link to them by name, items before initiatives target them.
 */
export function buildGraph(sources: ParsedSources): GraphFile {
  const context: MergeContext = { graph: new GraphBuilder(), sources, measures: new MeasureIndex() };
  mergeReference(context);
  mergeFields(context);
  mergePolicyItems(context);
  mergeIndicatorOwners(context);
  mergeReformSheets(context);
  mergeLinkagePlans(context);
  return context.graph.build();
}
