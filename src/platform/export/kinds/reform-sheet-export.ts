import { joined, SDGS_SELECTION, sourcedKind, type Sourced } from '../export-column';
import * as column from '../shared-columns';
import { REFORM_SHEET_ATTRIBUTES } from '../../../graph/kinds/reform-sheet.kind';
import { withDeclaredColumns, type ExportedValues } from '../declared-columns';

interface Named {
  readonly name: string;
}

/** A reform sheet as the export asks for it (the selection below). */
interface ReformSheetRow extends Sourced, ExportedValues<typeof REFORM_SHEET_ATTRIBUTES> {
  readonly code: string;
  readonly name: string;
  readonly area: { readonly number: number; readonly name: string };
  readonly departments: readonly Named[];
  readonly partners: readonly Named[];
  readonly collectiveTerms: readonly string[];
  readonly measures: readonly { readonly code: string }[];
  readonly sdgs: readonly { readonly number: number; readonly name: string }[];
}

/**
 * Administrative-reform sheets (実施計画シート): one row per sheet; fiscal years as Gregorian years. The declared
 * attributes' columns follow from their declaration (reform-sheet.kind.ts), placed here by name.
 */
export const REFORM_SHEET_EXPORT = sourcedKind<ReformSheetRow>(
  withDeclaredColumns(REFORM_SHEET_ATTRIBUTES, {
    name: 'reform-sheets',
    connection: 'reformSheets',
    title: { ja: '実施計画シート', en: 'Reform sheets' },
    selection: `code name area { number name } departments { name } partners { name }
    collectiveTerms measures { code } ${SDGS_SELECTION}`,
    columns: [
      column.CODE,
      ...column.numberedGroup('取組項目', 'Area', (s: ReformSheetRow) => s.area),
      'number',
      column.name('シート名'),
      'viewpoint',
      {
        ja: '実行課',
        en: 'Executing departments',
        type: 'text',
        value: (s) => joined(s.departments.map((d) => d.name)),
      },
      { ja: '連携課', en: 'Partner departments', type: 'text', value: (s) => joined(s.partners.map((d) => d.name)) },
      'partnerGroups',
      { ja: '全庁等', en: 'Collective terms', type: 'text', value: (s) => joined(s.collectiveTerms) },
      'evaluation',
      'startYear',
      'targetYear',
      { ja: '施策中項目', en: 'Measures', type: 'text', value: (s) => joined(s.measures.map((m) => m.code)) },
      column.sdgs((s) => s.sdgs),
      'page',
    ],
  }),
);
