import { nameIn, type Language } from '../common/i18n';
import type { GraphNode } from './explorer-queries';

const KIND_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  Department: ['部署', 'Department'],
  Sdg: ['SDG', 'SDG'],
  PolicyField: ['分野', 'Field'],
  PolicyItem: ['施策大項目', 'Policy item'],
  Measure: ['施策中項目', 'Measure'],
  ReformSheet: ['実施計画シート', 'Reform sheet'],
  ReformArea: ['改革の取組項目', 'Reform area'],
  Indicator: ['成果指標', 'Indicator'],
  Project: ['主な事業', 'Project'],
  RelatedPlan: ['関連計画', 'Related plan'],
  LinkagePlan: ['政策連携プラン', 'Linkage plan'],
  Initiative: ['推進のための取組', 'Initiative'],
};

/** The kind of a node in the chosen language, e.g. 施策中項目 / Measure. */
export function kindName(language: Language, node: GraphNode): string {
  const names = KIND_NAMES[node.__typename];
  if (names === undefined) return node.__typename;
  return language === 'en' ? names[1] : names[0];
}

/** A short label: the code or number where the documents have one, then the name. */
export function nodeLabel(language: Language, node: GraphNode): string {
  const name = node.name === undefined ? node.id : nameIn(language, { name: node.name, nameEn: node.nameEn ?? null });
  if (node.__typename === 'Sdg') return `SDG ${node.number ?? ''} ${name}`;
  if (node.code !== undefined) return `${node.code} ${name}`;
  if (node.number !== undefined) return `${node.number} ${name}`;
  return name;
}
