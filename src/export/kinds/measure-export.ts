import {
  joined,
  SDGS_SELECTION,
  sdgLabels,
  SOURCE_SELECTION,
  sourceColumns,
  type ExportKind,
  type Sourced,
} from '../export-column';

/** A measure as the export asks for it (the selection below). */
interface MeasureRow extends Sourced {
  readonly code: string;
  readonly number: number | null;
  readonly name: string;
  readonly previousName: string | null;
  readonly status: string;
  readonly description: string | null;
  readonly deletionReason: string | null;
  readonly policyItem: { readonly code: string; readonly name: string };
  readonly departments: readonly { readonly name: string }[];
  readonly responsibleTerms: readonly string[];
  readonly sdgs: readonly { readonly number: number; readonly name: string }[];
  readonly reformSheets: readonly { readonly code: string }[];
}

/** Measures (施策中項目): one row per measure, in the connection's order. */
export const MEASURE_EXPORT: ExportKind<MeasureRow> = {
  name: 'measures',
  connection: 'measures',
  title: { ja: '施策中項目', en: 'Measures' },
  selection: `code number name previousName status description deletionReason
    policyItem { code name } departments { name } responsibleTerms ${SDGS_SELECTION} reformSheets { code }
    ${SOURCE_SELECTION}`,
  columns: [
    { ja: 'コード', en: 'Code', type: 'text', value: (m) => m.code },
    { ja: '施策大項目コード', en: 'Policy item code', type: 'text', value: (m) => m.policyItem.code },
    { ja: '施策大項目', en: 'Policy item', type: 'text', value: (m) => m.policyItem.name },
    { ja: '番号', en: 'Number', type: 'integer', value: (m) => m.number },
    { ja: '施策中項目', en: 'Name', type: 'text', value: (m) => m.name },
    { ja: '現行計画での名称', en: 'Previous name', type: 'text', value: (m) => m.previousName },
    { ja: '変更区分', en: 'Status', type: 'text', value: (m) => m.status },
    { ja: '内容', en: 'Description', type: 'text', value: (m) => m.description },
    { ja: '担当課', en: 'Departments', type: 'text', value: (m) => joined(m.departments.map((d) => d.name)) },
    { ja: 'その他の担当', en: 'Other responsible', type: 'text', value: (m) => joined(m.responsibleTerms) },
    { ja: 'SDGs', en: 'SDGs', type: 'text', value: (m) => sdgLabels(m.sdgs) },
    {
      ja: '実施計画シート',
      en: 'Reform sheets',
      type: 'text',
      value: (m) => joined(m.reformSheets.map((s) => s.code)),
    },
    { ja: '削除理由', en: 'Deletion reason', type: 'text', value: (m) => m.deletionReason },
    ...sourceColumns<MeasureRow>(),
  ],
};
