const MARK = 'dashboard:first-render';

/**
 * Records, once per page load, when a view first showed its data (a User Timing mark that tests and the
 * browser's performance panel read as the time to first meaningful render).
 */
export function markFirstRender(): void {
  if (performance.getEntriesByName(MARK).length === 0) performance.mark(MARK);
}
