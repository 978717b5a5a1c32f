import type { IndicatorDetail } from './indicator-query';

/**
 * Where staff will record a year's value and retract a record: the sign-in and forms mount here, below the
 * table of recorded years. Renders nothing while the dashboard is read-only.
 */
export function IndicatorRecordSlot(_props: { readonly indicator: IndicatorDetail }) {
  return null;
}
