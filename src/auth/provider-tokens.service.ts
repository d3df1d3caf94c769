import type { Database } from '../db/client.js';
import { AppError } from '../shared/errors.js';
import type { Actor } from './actor.js';
import { credentialCache } from './credential-cache.js';
import { userForProviderToken } from './identities.service.js';
import type { OidcClient } from './oidc.service.js';
import { hashToken } from './tokens.service.js';

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
/** Userinfo answers are trusted for at most a minute, whatever the cache setting. */
const USERINFO_TTL_MS = 60_000;

export interface ProviderTokenAuthenticator {
  /** The actor for an access token from the identity provider; throws invalid_token and the like. */
  authenticate(token: string): Promise<Actor>;
  /** Forgets every verified token (a user was disabled or changed role somewhere). */
  forget(): void;
}

/**
 * Accepts the provider's access tokens as bearer tokens: JWTs checked locally against its keys
 * (when OIDC_AUDIENCE names this API), and, with OIDC_USERINFO_TOKENS, opaque ones at its userinfo
 * endpoint. A verified token is trusted for `cacheTtlMs`, never beyond its own expiry.
 */
export function createProviderTokenAuthenticator(
  db: Database,
  oidc: OidcClient,
  cacheTtlMs: number,
): ProviderTokenAuthenticator {
  const cache = credentialCache<Actor>();
  const local = oidc.settings.audience !== undefined;

  const lookUp = (token: string) => async () => {
    const asJwt = local && JWT_SHAPE.test(token);
    if (!asJwt && !oidc.settings.userinfoTokens) {
      throw new AppError(
        'invalid_token',
        local
          ? 'The token is not an API token or a provider JWT for this API.'
          : 'The token is not an API token (provider tokens need OIDC_AUDIENCE or OIDC_USERINFO_TOKENS).',
      );
    }
    const identity = asJwt ? await oidc.verifyAccessToken(token) : await oidc.userInfo(token);
    const user = await userForProviderToken(db, oidc.settings, identity);
    const actor: Actor = {
      userId: user.id,
      email: user.email,
      role: user.role,
      authMethod: asJwt ? 'oidc_jwt' : 'oidc_userinfo',
    };
    const expiry =
      typeof identity.claims.exp === 'number' ? identity.claims.exp * 1000 : Number.POSITIVE_INFINITY;
    const until = Math.min(Date.now() + (asJwt ? cacheTtlMs : Math.min(cacheTtlMs, USERINFO_TTL_MS)), expiry);
    return { value: actor, until };
  };

  return {
    authenticate: (token) => cache.get(hashToken(token), lookUp(token)),
    forget: () => cache.clear(),
  };
}
