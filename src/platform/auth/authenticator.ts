import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
} from 'jose';
import { UnauthenticatedError } from '../../core/errors';
import type { Config } from '../../core/config';
import { ANONYMOUS_VIEWER, ROLES, type Role, type Viewer } from '../../core/viewer';

/**
 * How tokens are checked (AUTH_SECRET, AUTH_JWKS_URL, ANONYMOUS_READ and the AUTH_* claim settings): the
 * configuration's, the issuer, audience and claim names optional (unchecked, `role` and `departments` when
 * absent).
 */
export type AuthSettings = Pick<Config['auth'], 'secret' | 'jwksUrl' | 'anonymousRead'> & Partial<Config['auth']>;

/**
 * How far the clocks of the token's issuer and this service may disagree: `exp` and `nbf` are checked with
 * this much slack, so a token is accepted up to 30 s after its expiry and 30 s before its start.
 */
export const CLOCK_TOLERANCE_SECONDS = 30;

/** Turns a request's Authorization header into its viewer, or refuses it with UNAUTHENTICATED. */
export type Authenticate = (authorization: string | undefined) => Promise<Viewer>;

const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];

/**
 * Verifies bearer tokens with `jose`: HS256 against the shared secret, any other algorithm against the
 * JWKS (fetched once and cached by jose, refetched when a token names an unknown key id). Every token must
 * carry `exp` (a token without one would be valid forever: whoever holds a copy keeps the access); expiry and
 * not-before are checked with CLOCK_TOLERANCE_SECONDS of slack, `iss` and `aud` when AUTH_ISSUER and
 * AUTH_AUDIENCE are set. Messages say what is wrong with the token, never the token or the secret.
 */
export function createAuthenticator(settings: AuthSettings): Authenticate {
  const secret = settings.secret === undefined ? undefined : new TextEncoder().encode(settings.secret);
  const jwks: JWTVerifyGetKey | undefined =
    settings.jwksUrl === undefined ? undefined : createRemoteJWKSet(new URL(settings.jwksUrl));
  const claims: JWTVerifyOptions = {
    requiredClaims: ['exp'],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    ...(settings.issuer === undefined ? {} : { issuer: settings.issuer }),
    ...(settings.audience === undefined ? {} : { audience: settings.audience }),
  };

  // An identity provider names its claims its own way (often namespaced URIs); the city configures which.
  const claimNames: ClaimNames = {
    role: settings.roleClaim ?? 'role',
    departments: settings.departmentsClaim ?? 'departments',
  };

  return async (authorization) => {
    if (authorization === undefined || authorization.trim() === '') {
      if (settings.anonymousRead) return ANONYMOUS_VIEWER;
      throw new UnauthenticatedError('This service needs a sign-in: send `Authorization: Bearer <token>`.');
    }
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1]) throw new UnauthenticatedError('The Authorization header must be `Bearer <token>`.');
    const token = match[1];
    const algorithm = algorithmOf(token);
    let payload: JWTPayload;
    try {
      if (algorithm === 'HS256') {
        if (!secret) throw new UnauthenticatedError('HS256 tokens are not accepted here (AUTH_SECRET is unset).');
        ({ payload } = await jwtVerify(token, secret, { ...claims, algorithms: ['HS256'] }));
      } else {
        if (!jwks)
          throw new UnauthenticatedError(`${algorithm} tokens are not accepted here (AUTH_JWKS_URL is unset).`);
        ({ payload } = await jwtVerify(token, jwks, { ...claims, algorithms: ASYMMETRIC_ALGORITHMS }));
      }
    } catch (error) {
      throw tokenError(error);
    }
    return viewerOf(payload, claimNames);
  };
}

function algorithmOf(token: string): string {
  try {
    const { alg } = decodeProtectedHeader(token);
    if (typeof alg === 'string') return alg;
  } catch {
    // falls through: not a JWT at all
  }
  throw new UnauthenticatedError('The bearer token is malformed: it is not a signed JWT.');
}

function tokenError(error: unknown): UnauthenticatedError {
  if (error instanceof UnauthenticatedError) return error;
  if (error instanceof errors.JWTExpired) return new UnauthenticatedError('The bearer token has expired.');
  if (error instanceof errors.JWTClaimValidationFailed) return claimError(error);
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new UnauthenticatedError('The bearer token is not signed by a key this service trusts.');
  }
  if (error instanceof errors.JOSEError) {
    return new UnauthenticatedError(`The bearer token is not valid (${error.code}).`);
  }
  return new UnauthenticatedError('The bearer token could not be verified.');
}

/** What the registered claims jose checks mean, for the messages below. */
const CLAIMS: Readonly<Record<string, { readonly meaning: string; readonly setting?: string }>> = {
  exp: { meaning: 'expiry' },
  nbf: { meaning: 'not before' },
  iss: { meaning: 'issuer', setting: 'AUTH_ISSUER' },
  aud: { meaning: 'audience', setting: 'AUTH_AUDIENCE' },
};

/** A registered claim missing or not as configured, named with its meaning and the setting that asks for it. */
function claimError(error: InstanceType<typeof errors.JWTClaimValidationFailed>): UnauthenticatedError {
  const { claim, reason } = error;
  const known = CLAIMS[claim];
  if (reason === 'missing' && claim === 'exp') {
    return new UnauthenticatedError(
      'The bearer token has no `exp` claim (expiry): this service accepts only tokens that expire.',
    );
  }
  if (reason === 'missing' && known?.setting !== undefined) {
    return new UnauthenticatedError(
      `The bearer token has no \`${claim}\` claim (${known.meaning}), which this service requires (${known.setting}).`,
    );
  }
  if (claim === 'nbf') return new UnauthenticatedError('The bearer token is not valid yet (`nbf`).');
  if (claim === 'iss') {
    return new UnauthenticatedError(
      "The bearer token's `iss` claim (issuer) is not the one this service trusts (AUTH_ISSUER).",
    );
  }
  if (claim === 'aud') {
    return new UnauthenticatedError(
      "The bearer token's `aud` claim (audience) does not name this service (AUTH_AUDIENCE).",
    );
  }
  return new UnauthenticatedError(`The bearer token's \`${claim}\` claim is not valid (${reason}).`);
}

/** Which claims carry the role and the departments. */
interface ClaimNames {
  readonly role: string;
  readonly departments: string;
}

function viewerOf(payload: JWTPayload, claimNames: ClaimNames): Viewer {
  const { sub } = payload;
  const role = payload[claimNames.role];
  const departments = payload[claimNames.departments];
  if (typeof sub !== 'string' || sub.trim() === '') {
    throw new UnauthenticatedError('The bearer token has no `sub` claim (who is signing in).');
  }
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw new UnauthenticatedError(
      `The bearer token's \`${claimNames.role}\` claim must be one of ${ROLES.join(', ')}.`,
    );
  }
  if (departments !== undefined && (!Array.isArray(departments) || !departments.every((d) => typeof d === 'string'))) {
    throw new UnauthenticatedError(
      `The bearer token's \`${claimNames.departments}\` claim must be a list of department ids or names.`,
    );
  }
  return Object.freeze({
    subject: sub,
    role: role as Role,
    departments: Object.freeze([...(departments ?? [])]),
  });
}
