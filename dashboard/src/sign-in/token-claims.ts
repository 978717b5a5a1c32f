/** Who the access token says the holder is, read for display and to decide which forms to offer. */
export interface StaffIdentity {
  readonly subject: string;
  readonly role: string;
  readonly departments: readonly string[];
}

/**
 * The payload of a JWT access token, decoded without checking its signature: the page only shows it and
 * chooses forms by it; the API verifies every token it receives and decides alone what may be written.
 */
export function identityOf(
  accessToken: string,
  claims: { readonly roleClaim: string; readonly departmentsClaim: string },
): StaffIdentity | null {
  const part = accessToken.split('.')[1];
  if (part === undefined) return null;
  try {
    const binary = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
    const payload = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    const { sub } = payload;
    const role = payload[claims.roleClaim];
    const departments = payload[claims.departmentsClaim];
    if (typeof sub !== 'string') return null;
    return {
      subject: sub,
      role: typeof role === 'string' ? role : 'viewer',
      departments: Array.isArray(departments) ? departments.filter((d): d is string => typeof d === 'string') : [],
    };
  } catch {
    return null;
  }
}
