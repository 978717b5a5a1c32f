import { withEraYears, type ExportKind } from './export-column';
import { INDICATOR_EXPORT } from './kinds/indicator-export';
import { INDICATOR_RESULTS_EXPORT } from './kinds/indicator-results-export';
import { MEASURE_EXPORT } from './kinds/measure-export';
import { POLICY_ITEM_EXPORT } from './kinds/policy-item-export';
import { REFORM_SHEET_EXPORT } from './kinds/reform-sheet-export';

/** Every exportable kind, by its URL name (`/export/measures.csv`). */
export const EXPORT_KINDS: ReadonlyMap<string, ExportKind<never>> = new Map<string, ExportKind<never>>(
  [MEASURE_EXPORT, POLICY_ITEM_EXPORT, INDICATOR_EXPORT, INDICATOR_RESULTS_EXPORT, REFORM_SHEET_EXPORT]
    .map((kind) => withEraYears<never>(kind))
    .map((kind) => [kind.name, kind]),
);
