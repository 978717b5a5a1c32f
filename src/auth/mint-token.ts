import { SignJWT } from 'jose';
import type { Role } from './viewer';

export interface TokenClaims {
  readonly sub: string;
  readonly role: Role;
  readonly departments?: readonly string[];
}

/** An HS256 token for local use (`npm run token`) and tests; `expiresIn` as jose reads it ('8h', '-1m'). */
export function mintToken(secret: string, claims: TokenClaims, expiresIn = '8h'): Promise<string> {
  const payload: Record<string, unknown> = { role: claims.role };
  if (claims.departments && claims.departments.length > 0) payload.departments = [...claims.departments];
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
