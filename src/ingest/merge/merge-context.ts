import type { FinalPolicyItem } from '../final-plan';
import type { PolicyItemRecord } from '../revision-sheet';
import type { GraphBuilder } from './graph-builder';
import type { MeasureIndex } from './measure-index';
import type { ParsedSources } from './read-documents';

/**
 * What every merge rule works with: the graph being built, the parsed documents with the reference tables
 * and the corrections, and the measures by name (filled by the policy-item rule, read by the reform-sheet
 * rule). One object instead of a growing list of positional parameters.
 */
export interface MergeContext {
  readonly graph: GraphBuilder;
  readonly sources: ParsedSources;
  readonly measures: MeasureIndex;
}

/** A detailed policy item (fields 5 and 6): its node id, its final text (001) and its draft sheet (000/002). */
export interface DetailedItem {
  readonly id: string;
  readonly final: FinalPolicyItem;
  readonly draft: PolicyItemRecord;
}
