import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import * as client from 'openid-client';
import { type Config, listSetting } from '../config.js';
import { AppError } from '../shared/errors.js';

/** The OpenID Connect settings, present only when OIDC_ISSUER is configured. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scopes: string;
  audience: string | undefined;
  userinfoTokens: boolean;
  allowedDomains: string[];
  adminEmails: string[];
  rolesClaim: string | undefined;
  adminRole: string;
  jwksCooldownMs: number;
}

export const CALLBACK_PATH = '/api/v1/api-auth/callback/';

export function oidcSettings(config: Config): OidcSettings | undefined {
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID || !config.OIDC_CLIENT_SECRET) return undefined;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  const origin = config.PUBLIC_URL?.replace(/\/+$/, '') ?? `http://${host}:${config.PORT}`;
  return {
    issuer: config.OIDC_ISSUER.replace(/\/+$/, ''),
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    redirectUri: config.OIDC_REDIRECT_URI ?? origin + CALLBACK_PATH,
    scopes: config.OIDC_SCOPES,
    audience: config.OIDC_AUDIENCE,
    userinfoTokens: config.OIDC_USERINFO_TOKENS,
    allowedDomains: listSetting(config.OIDC_ALLOWED_DOMAINS),
    adminEmails: listSetting(config.OIDC_ADMIN_EMAILS),
    rolesClaim: config.OIDC_ROLES_CLAIM,
    adminRole: config.OIDC_ADMIN_ROLE,
    jwksCooldownMs: config.OIDC_JWKS_COOLDOWN_MS,
  };
}

/** What the provider says about a person, from an ID token, a JWT access token or userinfo. */
export interface ProviderClaims {
  issuer: string;
  subject: string;
  claims: Record<string, unknown>;
}

/** The values a login must find again at its callback. */
export interface LoginChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** A discovery failure that retrying will not mend (wrong URL, not an OpenID provider, issuer mismatch). */
export class OidcSetupError extends Error {
  override name = 'OidcSetupError';
}

// Asymmetric algorithms only: never `none`, never HS* (which would make the public key a shared secret).
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const ACCESS_TOKEN_TYPES = new Set(['at+jwt', 'application/at+jwt', 'jwt']);
const CLOCK_TOLERANCE_S = 30;
const TIMEOUT_S = 5;
const RETRY_AFTER_S = 5;

const unavailable = (detail: string) =>
  new AppError('oidc_unavailable', detail, undefined, { 'retry-after': String(RETRY_AFTER_S) });

/** Network trouble or a provider-side 5xx: worth retrying later. */
function isTransient(error: unknown): boolean {
  if (error instanceof TypeError && error.message === 'fetch failed') return true;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return true;
  if (error instanceof Error && 'code' in error && error.code === 'ERR_JWKS_TIMEOUT') return true;
  const cause = error instanceof Error ? error.cause : undefined;
  return cause instanceof Response && cause.status >= 500;
}

/** The most precise message an openid-client error carries (its cause names the failing check). */
function reasonOf(error: unknown): string {
  if (error instanceof client.ResponseBodyError || error instanceof client.AuthorizationResponseError) {
    return error.error_description ? `${error.error}: ${error.error_description}` : error.error;
  }
  if (error instanceof client.ClientError && error.cause instanceof Error) return error.cause.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * The relying party: discovery (retried on demand while the provider is down), the authorization
 * code flow with PKCE, state and nonce, and the checks of provider tokens sent as bearer tokens.
 */
export class OidcClient {
  #configuration: client.Configuration | undefined;
  #jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
  #pending: Promise<client.Configuration> | undefined;
  #lastFailure = 0;

  constructor(readonly settings: OidcSettings) {}

  /**
   * Discovery at start: throws OidcSetupError when retrying cannot help (the server then stops),
   * or a 503 AppError when the provider is unreachable (requests will retry it).
   */
  async start(): Promise<void> {
    await this.#discover();
  }

  /** The discovered provider; while it cannot be discovered, every caller gets 503 oidc_unavailable. */
  async configuration(): Promise<client.Configuration> {
    if (this.#configuration) return this.#configuration;
    if (!this.#pending) {
      // While the provider is down, at most one attempt every few seconds however many requests arrive.
      if (Date.now() - this.#lastFailure < RETRY_AFTER_S * 1000) {
        throw unavailable(`The identity provider ${this.settings.issuer} is unreachable; try again shortly.`);
      }
      this.#pending = this.#discover()
        .catch((error: unknown) => {
          this.#lastFailure = Date.now();
          throw error instanceof OidcSetupError ? unavailable(error.message) : error;
        })
        .finally(() => {
          this.#pending = undefined;
        });
    }
    return this.#pending;
  }

  async #discover(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings;
    try {
      const configuration = await client.discovery(
        new URL(issuer),
        clientId,
        { client_secret: clientSecret, [client.clockTolerance]: CLOCK_TOLERANCE_S },
        client.ClientSecretBasic(clientSecret),
        { timeout: TIMEOUT_S, execute: issuer.startsWith('http:') ? [client.allowInsecureRequests] : [] },
      );
      const jwksUri = configuration.serverMetadata().jwks_uri;
      if (!jwksUri) throw new OidcSetupError(`OIDC_ISSUER ${issuer} publishes no jwks_uri.`);
      this.#jwks = createRemoteJWKSet(new URL(jwksUri), {
        cooldownDuration: this.settings.jwksCooldownMs,
        timeoutDuration: TIMEOUT_S * 1000,
      });
      this.#configuration = configuration;
      return configuration;
    } catch (error) {
      if (error instanceof OidcSetupError) throw error;
      if (isTransient(error)) {
        throw unavailable(
          `The identity provider ${issuer} is unreachable (${reasonOf(error)}); try again shortly.`,
        );
      }
      throw new OidcSetupError(`OIDC_ISSUER ${issuer} is not a usable OpenID provider: ${reasonOf(error)}.`);
    }
  }

  /** The provider's signing keys (known once discovery has succeeded). */
  #keys(): ReturnType<typeof createRemoteJWKSet> {
    if (!this.#jwks)
      throw unavailable(`The identity provider ${this.settings.issuer} has not been discovered yet.`);
    return this.#jwks;
  }

  /** The provider's authorization URL for a new login, and the checks its callback must pass. */
  async beginLogin(): Promise<{ url: URL; checks: LoginChecks }> {
    const configuration = await this.configuration();
    const checks = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, checks };
  }

  /**
   * Completes a login from the callback's query string: code exchange, then the ID token's
   * signature, issuer, audience, expiry and nonce. Email claims missing from the ID token are
   * read from userinfo. Any failed check is 401 login_failed.
   */
  async finishLogin(
    query: string,
    checks: LoginChecks,
  ): Promise<{ identity: ProviderClaims; idToken: string }> {
    const configuration = await this.configuration();
    // The redirect URI as registered, never rebuilt from Host or X-Forwarded-* headers.
    const currentUrl = new URL(this.settings.redirectUri);
    currentUrl.search = query;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims || !tokens.id_token) throw new AppError('login_failed', 'The provider sent no ID token.');
      // openid-client checked the claims; the signature is checked too (not only trusted for arriving
      // over TLS), with the same key set as bearer JWTs, so a key rotation is seen by both at once.
      await jwtVerify(tokens.id_token, this.#keys(), {
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_S,
      });
      let claims: Record<string, unknown> = { ...idClaims };
      if (claims.email === undefined) {
        claims = {
          ...(await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)),
          ...claims,
        };
      }
      return { identity: { issuer: idClaims.iss, subject: idClaims.sub, claims }, idToken: tokens.id_token };
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (isTransient(error)) throw unavailable(`The identity provider did not answer: ${reasonOf(error)}.`);
      throw new AppError('login_failed', `The sign-in was refused: ${reasonOf(error)}.`, {
        reason: reasonOf(error),
      });
    }
  }

  /**
   * Checks a JWT access token locally: signature against the provider's keys (fetched again for
   * an unknown key id), issuer, audience, expiry and not-before with 30 s of clock skew.
   */
  async verifyAccessToken(token: string): Promise<ProviderClaims> {
    const audience = this.settings.audience;
    if (!audience)
      throw new AppError('invalid_token', 'Provider JWTs are not accepted here (no OIDC_AUDIENCE).');
    await this.configuration();
    let payload: JWTPayload;
    try {
      const verified = await jwtVerify(token, this.#keys(), {
        issuer: this.#configuration?.serverMetadata().issuer,
        audience,
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['sub', 'exp'],
      });
      const type = verified.protectedHeader.typ?.toLowerCase();
      if (type !== undefined && !ACCESS_TOKEN_TYPES.has(type)) {
        throw new AppError(
          'invalid_token',
          `A "${verified.protectedHeader.typ}" token is not an access token.`,
        );
      }
      payload = verified.payload;
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (isTransient(error))
        throw unavailable(`The identity provider's keys cannot be fetched: ${reasonOf(error)}.`);
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'ERR_JWT_INVALID';
      throw new AppError('invalid_token', `The token was refused: ${reasonOf(error)}.`, { reason: code });
    }
    return { issuer: String(payload.iss), subject: String(payload.sub), claims: payload };
  }

  /** Checks an opaque provider token at the userinfo endpoint (as the seed did). */
  async userInfo(token: string): Promise<ProviderClaims> {
    const configuration = await this.configuration();
    try {
      const claims = await client.fetchUserInfo(configuration, token, client.skipSubjectCheck);
      return { issuer: configuration.serverMetadata().issuer, subject: claims.sub, claims };
    } catch (error) {
      if (isTransient(error)) throw unavailable(`The identity provider did not answer: ${reasonOf(error)}.`);
      throw new AppError('invalid_token', 'The identity provider does not accept this token.', {
        reason: reasonOf(error),
      });
    }
  }

  /** Where to send the browser to end the provider's session too, when the provider supports it. */
  endSessionUrl(idToken: string | null, postLogoutRedirectUri: string): URL | undefined {
    const configuration = this.#configuration;
    if (!configuration?.serverMetadata().end_session_endpoint) return undefined;
    return client.buildEndSessionUrl(configuration, {
      post_logout_redirect_uri: postLogoutRedirectUri,
      ...(idToken ? { id_token_hint: idToken } : {}),
    });
  }
}
