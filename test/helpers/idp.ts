/**
 * A real OpenID Provider (oidc-provider) on loopback, so the API's OpenID Connect sign-in is tested against
 * genuine discovery, authorization codes, PKCE, ID tokens, JWT access tokens and a JWKS rather than a mock
 * that can only agree with our own assumptions.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

export const TEST_AUDIENCE = 'https://orderly.test/api';

export interface AccountClaims {
  email?: string;
  email_verified?: boolean;
  hd?: string;
  name?: string;
  roles?: string[];
}

export interface TestIdp {
  /** `http://127.0.0.1:<port>` (no trailing slash); stays the same across `rotateKeys` and `setRedirectUris`. */
  issuer: string;
  /** The client the API under test signs in with: 'orderly', client_secret_basic. */
  clientId: string;
  /** Random per start, so no test can depend on a well-known secret. */
  clientSecret: string;
  /** Claims returned for the account whose login name is `sub` (default for unknown subs: { email: `${sub}@example.com`, email_verified: true }). */
  setAccount(sub: string, claims: AccountClaims): void;
  /**
   * Drives a browser through the provider from `authorizationUrl` (a full URL to the provider's /auth endpoint, as our API redirects to):
   * follows redirects, submits the devInteractions login form with `login` (any password) and the consent form, keeps the provider's cookies,
   * and returns the URL the provider finally redirects the browser to (our redirect_uri with code, state, iss) WITHOUT requesting it.
   * If the provider redirects to the redirect_uri with an `error` param, return that URL too.
   * Each call is a fresh browser (empty cookie jar), so the provider always asks for login and consent.
   */
  login(authorizationUrl: string, login: string): Promise<URL>;
  /**
   * Real tokens from the provider for `login`, obtained with the harness's own second client ('harness-client', its own redirect URI that is never served)
   * through a full authorization-code + PKCE flow (the `login` driver above, then POST /token with client_secret_basic).
   * With `resource` (only TEST_AUDIENCE is a known resource) the access token is an RS256 JWT with typ at+jwt and aud = resource;
   * without it, it is opaque and valid at the userinfo endpoint.
   */
  tokens(login: string, options?: { resource?: string }): Promise<{ accessToken: string; idToken: string }>;
  /**
   * Signs an access-token JWT with the provider's CURRENT signing key (or `key: 'foreign'` = a fresh RSA key whose kid is not in the JWKS), for tamper tests.
   * Defaults: header { alg: 'RS256', typ: 'at+jwt', kid }, payload { iss: issuer, aud: TEST_AUDIENCE, sub, client_id: 'harness-client', scope: 'openid', iat: now, exp: now+600, jti: random };
   * `claims` override/extend the payload (a claim set to undefined is removed), `header` overrides the header.
   */
  signAccessToken(
    sub: string,
    options?: {
      claims?: Record<string, unknown>;
      header?: Record<string, unknown>;
      key?: 'current' | 'foreign';
    },
  ): Promise<string>;
  /**
   * Replaces the provider's signing key with a new RSA key (new kid); the old key disappears from /jwks. Tokens issued afterwards use the new key.
   * Provider state (sessions, codes, opaque tokens) is kept.
   */
  rotateKeys(): Promise<void>;
  /**
   * Registers the redirect URIs (and post-logout redirect URIs; kept as they were when omitted) of the 'orderly' client;
   * may be called after start, e.g. once the API's port is known.
   */
  setRedirectUris(redirectUris: string[], postLogoutRedirectUris?: string[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * oidc-provider prints warnings meant for production deployments (development interactions, Node 20 not being its
 * supported LTS); a test IdP is exactly that development setup, so they are dropped while loading and constructing it.
 */
async function quietly<T>(run: () => T | Promise<T>): Promise<T> {
  const { warn, info } = console;
  const filter =
    (log: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      if (!String(args[0]).includes('oidc-provider ')) log(...args);
    };
  console.warn = filter(warn);
  console.info = filter(info);
  try {
    return await run();
  } finally {
    console.warn = warn;
    console.info = info;
  }
}

// Its types: test/types/oidc-provider.d.ts.
const { Provider, errors } = await quietly(() => import('oidc-provider'));

const HARNESS_CLIENT_ID = 'harness-client';
const HARNESS_REDIRECT_URI = 'http://127.0.0.1:1/harness-callback';
/** A client needs at least one redirect URI; port 1 is never served. */
const PLACEHOLDER_REDIRECT_URI = 'http://127.0.0.1:1/never';

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function newSigningKey(): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  return { kid, privateKey, jwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' } };
}

type StoredPayload = Record<string, unknown> & { uid?: string; grantId?: string; consumed?: number };

/**
 * One store shared by every Provider instance of a start, so swapping the instance (new keys or clients) keeps
 * sessions, codes and opaque tokens. Expiry is left to oidc-provider, which checks `exp` on everything it reads.
 */
function sharedMemoryAdapter() {
  const store = new Map<string, StoredPayload>();
  const sessionIds = new Map<string, string>();
  return (model: string) => {
    const key = (id: string) => `${model}:${id}`;
    return {
      async upsert(id: string, payload: StoredPayload) {
        store.set(key(id), payload);
        if (model === 'Session' && payload.uid) sessionIds.set(payload.uid, id);
      },
      async find(id: string) {
        return store.get(key(id));
      },
      async findByUid(uid: string) {
        const id = sessionIds.get(uid);
        return id === undefined ? undefined : store.get(key(id));
      },
      async consume(id: string) {
        const payload = store.get(key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id: string) {
        store.delete(key(id));
      },
      async revokeByGrantId(grantId: string) {
        for (const [stored, payload] of store) if (payload.grantId === grantId) store.delete(stored);
      },
    };
  };
}

interface Cookie {
  name: string;
  value: string;
  path: string;
}

/** A single-host cookie jar honouring Path, as oidc-provider scopes its interaction cookies to /interaction/:uid and /auth/:uid. */
function cookieJar() {
  const cookies = new Map<string, Cookie>();
  return {
    header(url: URL) {
      return [...cookies.values()]
        .filter(
          ({ path }) =>
            url.pathname === path || url.pathname.startsWith(path.endsWith('/') ? path : `${path}/`),
        )
        .map(({ name, value }) => `${name}=${value}`)
        .join('; ');
    },
    store(response: Response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
        const separator = pair.indexOf('=');
        const cookie = { name: pair.slice(0, separator), value: pair.slice(separator + 1), path: '/' };
        let expired = cookie.value === '';
        for (const attribute of attributes) {
          const [name = '', value = ''] = attribute.split('=');
          if (/^path$/i.test(name)) cookie.path = value;
          if (/^expires$/i.test(name) && Date.parse(value) <= Date.now()) expired = true;
          if (/^max-age$/i.test(name) && Number(value) <= 0) expired = true;
        }
        const key = `${cookie.path} ${cookie.name}`;
        if (expired) cookies.delete(key);
        else cookies.set(key, cookie);
      }
    },
  };
}

/** Readable text of an error page, for failure messages. */
function snippet(body: string) {
  return body
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 400);
}

export async function startTestIdp(
  options: { redirectUris?: string[]; postLogoutRedirectUris?: string[] } = {},
): Promise<TestIdp> {
  const accounts = new Map<string, AccountClaims>();
  const claimsFor = (sub: string): AccountClaims =>
    accounts.get(sub) ?? { email: `${sub}@example.com`, email_verified: true };

  const clientSecret = randomBytes(24).toString('base64url');
  const harnessSecret = randomBytes(24).toString('base64url');
  const cookieKeys = [randomBytes(32).toString('base64url')];
  const adapter = sharedMemoryAdapter();
  let redirectUris = options.redirectUris ?? [];
  let postLogoutRedirectUris = options.postLogoutRedirectUris ?? [];
  let signingKey = await newSigningKey();

  // The Provider needs the port for its issuer, so the server listens first and delegates to whichever is installed.
  let handle: RequestListener = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handle(req, res));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** Clients and keys are fixed when a Provider is constructed, so a change builds a new one behind the same server. */
  const install = () =>
    quietly(() => {
      const provider = new Provider(issuer, {
        adapter,
        clients: [
          {
            client_id: 'orderly',
            client_secret: clientSecret,
            grant_types: ['authorization_code'],
            response_types: ['code'],
            token_endpoint_auth_method: 'client_secret_basic',
            redirect_uris: redirectUris.length > 0 ? redirectUris : [PLACEHOLDER_REDIRECT_URI],
            post_logout_redirect_uris: postLogoutRedirectUris,
          },
          {
            client_id: HARNESS_CLIENT_ID,
            client_secret: harnessSecret,
            grant_types: ['authorization_code'],
            response_types: ['code'],
            token_endpoint_auth_method: 'client_secret_basic',
            redirect_uris: [HARNESS_REDIRECT_URI],
          },
        ],
        jwks: { keys: [signingKey.jwk] },
        cookies: { keys: cookieKeys },
        pkce: { required: () => true },
        claims: {
          openid: ['sub'],
          email: ['email', 'email_verified', 'hd'],
          profile: ['name', 'roles'],
        },
        async findAccount(_ctx: unknown, sub: string) {
          return { accountId: sub, claims: async () => ({ sub, ...claimsFor(sub) }) };
        },
        features: {
          // On by default; the API's sign-out relies on discovery advertising end_session_endpoint.
          rpInitiatedLogout: { enabled: true },
          resourceIndicators: {
            enabled: true,
            async getResourceServerInfo(_ctx: unknown, resourceIndicator: string) {
              if (resourceIndicator !== TEST_AUDIENCE) throw new errors.InvalidTarget();
              return {
                scope: 'openid',
                audience: TEST_AUDIENCE,
                accessTokenFormat: 'jwt',
                accessTokenTTL: 600,
                jwt: { sign: { alg: 'RS256' } },
              };
            },
          },
        },
        // Explicit lifetimes: the defaults print a notice each time they are first used.
        ttl: {
          AccessToken: 600,
          AuthorizationCode: 60,
          Grant: 3600,
          IdToken: 600,
          Interaction: 600,
          Session: 3600,
        },
      });
      handle = provider.callback();
    });
  await install();

  const login = async (authorizationUrl: string, loginName: string) => {
    const jar = cookieJar();
    let url = new URL(authorizationUrl);
    let form: URLSearchParams | undefined;
    for (let step = 0; step < 12; step++) {
      if (url.origin !== issuer) return url;
      const response = await fetch(url, {
        method: form ? 'POST' : 'GET',
        body: form,
        headers: { cookie: jar.header(url) },
        redirect: 'manual',
      });
      jar.store(response);
      form = undefined;
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        url = new URL(location, url);
        continue;
      }
      const body = await response.text();
      const action = /<form[^>]*\baction="([^"]+)"/.exec(body)?.[1];
      const prompt = /name="prompt" value="([^"]+)"/.exec(body)?.[1];
      if (response.status !== 200 || !action || !prompt) {
        throw new Error(`Test IdP: ${response.status} from ${url.pathname} during sign-in: ${snippet(body)}`);
      }
      form = new URLSearchParams(
        prompt === 'login' ? { prompt, login: loginName, password: 'any' } : { prompt },
      );
      url = new URL(action, url);
    }
    throw new Error(`Test IdP: sign-in from ${authorizationUrl} did not reach a redirect URI`);
  };

  return {
    issuer,
    clientId: 'orderly',
    clientSecret,
    setAccount(sub, claims) {
      accounts.set(sub, claims);
    },
    login,
    async tokens(loginName, { resource } = {}) {
      const verifier = randomBytes(32).toString('base64url');
      const authorization = new URL('/auth', issuer);
      authorization.search = new URLSearchParams({
        client_id: HARNESS_CLIENT_ID,
        response_type: 'code',
        scope: 'openid email profile',
        redirect_uri: HARNESS_REDIRECT_URI,
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
        state: randomUUID(),
        nonce: randomUUID(),
        ...(resource && { resource }),
      }).toString();
      const callback = await login(authorization.href, loginName);
      const code = callback.searchParams.get('code');
      if (!code) throw new Error(`Test IdP: no authorization code for ${loginName}: ${callback.href}`);

      // Without `resource` here too, the provider issues an opaque userinfo token even for a resource-bound grant.
      const response = await fetch(new URL('/token', issuer), {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${HARNESS_CLIENT_ID}:${harnessSecret}`).toString('base64')}`,
        },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: HARNESS_REDIRECT_URI,
          code_verifier: verifier,
          ...(resource && { resource }),
        }),
      });
      const body = (await response.json()) as { access_token?: string; id_token?: string };
      if (!response.ok || !body.access_token || !body.id_token) {
        throw new Error(`Test IdP: token request failed with ${response.status}: ${JSON.stringify(body)}`);
      }
      return { accessToken: body.access_token, idToken: body.id_token };
    },
    async signAccessToken(sub, { claims = {}, header = {}, key = 'current' } = {}) {
      const { kid, privateKey } = key === 'current' ? signingKey : await newSigningKey();
      const now = Math.floor(Date.now() / 1000);
      const payload: Record<string, unknown> = {
        iss: issuer,
        aud: TEST_AUDIENCE,
        sub,
        client_id: HARNESS_CLIENT_ID,
        scope: 'openid',
        iat: now,
        exp: now + 600,
        jti: randomUUID(),
        ...claims,
      };
      for (const [name, value] of Object.entries(payload)) if (value === undefined) delete payload[name];
      return new SignJWT(payload)
        .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid, ...header })
        .sign(privateKey);
    },
    async rotateKeys() {
      signingKey = await newSigningKey();
      await install();
    },
    async setRedirectUris(uris, postLogoutUris = postLogoutRedirectUris) {
      redirectUris = uris;
      postLogoutRedirectUris = postLogoutUris;
      await install();
    },
    async close() {
      const closed = new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      server.closeAllConnections();
      await closed;
    },
  };
}
