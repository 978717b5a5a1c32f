import type { SheetDetail } from './sheet-query';

/**
 * Where staff will record a year's evaluation and retract one: the sign-in and forms mount here, below the
 * evaluations. Renders nothing while the dashboard is read-only.
 */
export function SheetEvaluationSlot(_props: { readonly sheet: SheetDetail }) {
  return null;
}
