import { joined, SDGS_SELECTION, sourcedKind, type Sourced } from '../export-column';
import * as column from '../shared-columns';
import { POLICY_ITEM_ATTRIBUTES } from '../../../graph/kinds/policy-item.kind';
import { withDeclaredColumns, type ExportedValues } from '../declared-columns';

/** A policy item as the export asks for it (the selection below). */
interface PolicyItemRow extends Sourced, ExportedValues<typeof POLICY_ITEM_ATTRIBUTES> {
  readonly code: string;
  readonly name: string;
  readonly previousName: string | null;
  readonly field: { readonly number: number; readonly name: string };
  readonly departments: readonly { readonly name: string }[];
  readonly sdgs: readonly { readonly number: number; readonly name: string }[];
  readonly linkagePlans: readonly { readonly number: number }[];
  readonly satisfactionRate: { readonly percent: number } | null;
}

/**
 * Policy items (施策大項目): one row per item, in the connection's order. The declared attributes' columns follow from
 * their declaration (policy-item.kind.ts), placed here by name.
 */
export const POLICY_ITEM_EXPORT = sourcedKind<PolicyItemRow>(
  withDeclaredColumns(POLICY_ITEM_ATTRIBUTES, {
    name: 'policy-items',
    connection: 'policyItems',
    title: { ja: '施策大項目', en: 'Policy items' },
    selection: `code name previousName field { number name } departments { name } ${SDGS_SELECTION}
    linkagePlans { number } satisfactionRate { percent }`,
    columns: [
      column.CODE,
      ...column.numberedGroup('分野', 'Field', (i: PolicyItemRow) => i.field),
      'number',
      column.name('施策大項目'),
      column.PREVIOUS_NAME,
      'detailed',
      column.DEPARTMENTS,
      column.sdgs((i) => i.sdgs),
      {
        ja: '政策連携プラン',
        en: 'Linkage plans',
        type: 'text',
        value: (i) => joined(i.linkagePlans.map((p) => String(p.number))),
      },
      {
        ja: '市民満足度(%)',
        en: 'Satisfaction (%)',
        type: 'decimal',
        value: (i) => i.satisfactionRate?.percent ?? null,
      },
    ],
  }),
);
