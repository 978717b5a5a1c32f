/**
 * A reference table in seed/reference/ is malformed. The message names the file and the entry (its
 * index and, when it has one, its id, name or number), so a reviewer can open the YAML and fix it.
 */
export class ReferenceDataError extends Error {
  override name = 'ReferenceDataError';
}
