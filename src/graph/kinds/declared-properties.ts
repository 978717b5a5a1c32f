import type { NodeLabel } from '../graph-model';
import { numbersOf } from './attribute';
import type { Declaration } from './declared-property';
import { LABEL_ATTRIBUTES } from './label-attributes';

/** Every label's declared numbers (declared-property.ts), from its attributes (label-attributes.ts). */
export const DECLARED_PROPERTIES: Readonly<Record<NodeLabel, Declaration>> = Object.fromEntries(
  Object.entries(LABEL_ATTRIBUTES).map(([label, attributes]) => [label, numbersOf(attributes)]),
) as Record<NodeLabel, Declaration>;

/** The declared numbers of `label`. */
export function declaredPropertiesOf(label: NodeLabel): Declaration {
  return DECLARED_PROPERTIES[label];
}
