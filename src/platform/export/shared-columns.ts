import { joined, sdgLabels, type ExportColumn } from './export-column';

/**
 * Columns that several kinds carry with the same header and the same reading, written once so that one
 * concept keeps one header in every download (a measure's `担当課` and a policy item's are the same column).
 * Each is typed by the least a node must have, so it fits any kind whose nodes have it. Kinds import the
 * module as `column` and write `column.CODE`.
 */

interface Named {
  readonly name: string;
}

export const CODE: ExportColumn<{ readonly code: string }> = {
  ja: 'コード',
  en: 'Code',
  type: 'text',
  value: (node) => node.code,
};

/**
 * The group a node is numbered within (a policy item's field, a sheet's area): the group's number, then its
 * name, headed `分野番号`, `分野` for `ja` = `分野`.
 */
export function numberedGroup<TNode>(
  ja: string,
  en: string,
  groupOf: (node: TNode) => { readonly number: number; readonly name: string },
): ExportColumn<TNode>[] {
  return [
    { ja: `${ja}番号`, en: `${en} number`, type: 'integer', value: (node) => groupOf(node).number },
    { ja, en, type: 'text', value: (node) => groupOf(node).name },
  ];
}

/** The node's name, headed in Japanese by what the documents call the kind (`施策中項目`, `シート名`). */
export function name(ja: string): ExportColumn<Named> {
  return { ja, en: 'Name', type: 'text', value: (node) => node.name };
}

export const PREVIOUS_NAME: ExportColumn<{ readonly previousName: string | null }> = {
  ja: '現行計画での名称',
  en: 'Previous name',
  type: 'text',
  value: (node) => node.previousName,
};

/** A node that belongs to a policy item (a measure, an indicator). */
interface InPolicyItem {
  readonly policyItem: { readonly code: string; readonly name: string };
}

/** The policy item the node belongs to: its code, then its name. */
export const POLICY_ITEM: readonly ExportColumn<InPolicyItem>[] = [
  { ja: '施策大項目コード', en: 'Policy item code', type: 'text', value: (node) => node.policyItem.code },
  { ja: '施策大項目', en: 'Policy item', type: 'text', value: (node) => node.policyItem.name },
];

/** The departments responsible, in one cell. */
export const DEPARTMENTS: ExportColumn<{ readonly departments: readonly Named[] }> = {
  ja: '担当課',
  en: 'Departments',
  type: 'text',
  value: (node) => joined(node.departments.map((department) => department.name)),
};

/** The SDGs `sdgsOf` reads from a node (its own, or its policy item's), in one cell. */
export function sdgs<TNode>(
  sdgsOf: (node: TNode) => readonly { readonly number: number; readonly name: string }[],
): ExportColumn<TNode> {
  return { ja: 'SDGs', en: 'SDGs', type: 'text', value: (node) => sdgLabels(sdgsOf(node)) };
}
