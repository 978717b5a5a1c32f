import type { NodeLabel } from '../graph-model';
import type { Declaration } from './declared-property';
import { INDICATOR_PROPERTIES } from './indicator.properties';
import { MEASURE_PROPERTIES } from './measure.properties';
import { POLICY_ITEM_PROPERTIES } from './policy-item.properties';
import { REFORM_SHEET_PROPERTIES } from './reform-sheet.properties';

/** Every label's declared numeric properties (declared-property.ts); a label not here declares none yet. */
export const DECLARED_PROPERTIES: Readonly<Partial<Record<NodeLabel, Declaration>>> = {
  Indicator: INDICATOR_PROPERTIES,
  Measure: MEASURE_PROPERTIES,
  PolicyItem: POLICY_ITEM_PROPERTIES,
  ReformSheet: REFORM_SHEET_PROPERTIES,
};

/** The declared properties of `label`, none when it declares none. */
export function declaredPropertiesOf(label: NodeLabel): Declaration {
  return DECLARED_PROPERTIES[label] ?? {};
}
