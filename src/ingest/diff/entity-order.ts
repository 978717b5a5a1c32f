/**
 * The order the diff lists ids and names in: numbers inside ids compared as numbers, so `measure:5-4-10`
 * follows `measure:5-4-9`, as the documents number them.
 */
export function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
