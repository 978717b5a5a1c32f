import { codedColumns, CHANGE_STATUS_WORDS } from '../coded-words';
import { joined, SDGS_SELECTION, sourcedKind, type Sourced } from '../export-column';
import * as column from '../shared-columns';
import { MEASURE_ATTRIBUTES } from '../../../graph/kinds/measure.kind';
import { withDeclaredColumns, type ExportedValues } from '../declared-columns';

/** A measure as the export asks for it (the selection below). */
interface MeasureRow extends Sourced, ExportedValues<typeof MEASURE_ATTRIBUTES> {
  readonly code: string;
  readonly name: string;
  readonly previousName: string | null;
  readonly status: string;
  readonly policyItem: { readonly code: string; readonly name: string };
  readonly departments: readonly { readonly name: string }[];
  readonly sdgs: readonly { readonly number: number; readonly name: string }[];
  readonly reformSheets: readonly { readonly code: string }[];
}

/**
 * Measures (施策中項目): one row per measure, in the connection's order. The declared attributes' columns follow from
 * their declaration (measure.kind.ts), placed here by name.
 */
export const MEASURE_EXPORT = sourcedKind<MeasureRow>(
  withDeclaredColumns(MEASURE_ATTRIBUTES, {
    name: 'measures',
    connection: 'measures',
    title: { ja: '施策中項目', en: 'Measures' },
    selection: `code name previousName status
    policyItem { code name } departments { name } ${SDGS_SELECTION} reformSheets { code }`,
    columns: [
      column.CODE,
      ...column.POLICY_ITEM,
      'number',
      column.name('施策中項目'),
      column.PREVIOUS_NAME,
      ...codedColumns<MeasureRow>('変更区分', 'Status', (m) => m.status, CHANGE_STATUS_WORDS),
      'description',
      column.DEPARTMENTS,
      'responsibleTerms',
      column.sdgs((m) => m.sdgs),
      {
        ja: '実施計画シート',
        en: 'Reform sheets',
        type: 'text',
        value: (m) => joined(m.reformSheets.map((s) => s.code)),
      },
      'deletionReason',
    ],
  }),
);
