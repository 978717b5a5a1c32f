import type { SignInSettings } from '../../core/config';

export type { SignInSettings };

/** The origin the page must be allowed to fetch from: the issuer's discovery document, keys and token endpoint. */
export function issuerOrigin(settings: SignInSettings): string {
  return new URL(settings.issuer).origin;
}
