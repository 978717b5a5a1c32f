import {
  joined,
  SDGS_SELECTION,
  sdgLabels,
  SOURCE_SELECTION,
  sourceColumns,
  type ExportKind,
  type Sourced,
} from '../export-column';

/** A policy item as the export asks for it (the selection below). */
interface PolicyItemRow extends Sourced {
  readonly code: string;
  readonly number: number;
  readonly name: string;
  readonly previousName: string | null;
  readonly detailed: boolean;
  readonly field: { readonly number: number; readonly name: string };
  readonly departments: readonly { readonly name: string }[];
  readonly sdgs: readonly { readonly number: number; readonly name: string }[];
  readonly linkagePlans: readonly { readonly number: number }[];
  readonly satisfactionRate: { readonly percent: number } | null;
}

/** Policy items (施策大項目): one row per item, in the connection's order. */
export const POLICY_ITEM_EXPORT: ExportKind<PolicyItemRow> = {
  name: 'policy-items',
  connection: 'policyItems',
  title: { ja: '施策大項目', en: 'Policy items' },
  selection: `code number name previousName detailed field { number name } departments { name } ${SDGS_SELECTION}
    linkagePlans { number } satisfactionRate { percent } ${SOURCE_SELECTION}`,
  columns: [
    { ja: 'コード', en: 'Code', type: 'text', value: (i) => i.code },
    { ja: '分野番号', en: 'Field number', type: 'integer', value: (i) => i.field.number },
    { ja: '分野', en: 'Field', type: 'text', value: (i) => i.field.name },
    { ja: '番号', en: 'Number', type: 'integer', value: (i) => i.number },
    { ja: '施策大項目', en: 'Name', type: 'text', value: (i) => i.name },
    { ja: '現行計画での名称', en: 'Previous name', type: 'text', value: (i) => i.previousName },
    { ja: '詳細記述', en: 'Detailed', type: 'boolean', value: (i) => i.detailed },
    { ja: '担当課', en: 'Departments', type: 'text', value: (i) => joined(i.departments.map((d) => d.name)) },
    { ja: 'SDGs', en: 'SDGs', type: 'text', value: (i) => sdgLabels(i.sdgs) },
    {
      ja: '政策連携プラン',
      en: 'Linkage plans',
      type: 'text',
      value: (i) => joined(i.linkagePlans.map((p) => String(p.number))),
    },
    { ja: '市民満足度(%)', en: 'Satisfaction (%)', type: 'decimal', value: (i) => i.satisfactionRate?.percent ?? null },
    ...sourceColumns<PolicyItemRow>(),
  ],
};
