import { SignJWT } from 'jose';
import type { Role } from '../../core/viewer';

export interface TokenClaims {
  readonly sub: string;
  readonly role: Role;
  readonly departments?: readonly string[];
}

/** The `iss` and `aud` a minted token carries: the service's AUTH_ISSUER and AUTH_AUDIENCE, when set. */
export interface TokenAddressing {
  readonly issuer?: string;
  readonly audience?: string;
}

/**
 * An HS256 token for local use (`npm run token`) and tests; `expiresIn` as jose reads it ('8h', '-1m'). It
 * always expires: the service refuses tokens without `exp`.
 */
export function mintToken(
  secret: string,
  claims: TokenClaims,
  expiresIn = '8h',
  addressing: TokenAddressing = {},
): Promise<string> {
  const payload: Record<string, unknown> = { role: claims.role };
  if (claims.departments && claims.departments.length > 0) payload.departments = [...claims.departments];
  const token = new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn);
  if (addressing.issuer !== undefined) token.setIssuer(addressing.issuer);
  if (addressing.audience !== undefined) token.setAudience(addressing.audience);
  return token.sign(new TextEncoder().encode(secret));
}
