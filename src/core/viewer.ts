/** The roles a token may carry, weakest first. */
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who sends a request, as its bearer token says: `subject` is the token's `sub` (null for anonymous
 * requests), `departments` the department ids or names of its `departments` claim, as written in the token
 * (resolved against the graph when a write needs them).
 */
export interface Viewer {
  readonly subject: string | null;
  readonly role: Role;
  readonly departments: readonly string[];
}

/** A request without a token: it may read (unless ANONYMOUS_READ=false) and never write. */
export const ANONYMOUS_VIEWER: Viewer = Object.freeze({ subject: null, role: 'viewer', departments: [] });
