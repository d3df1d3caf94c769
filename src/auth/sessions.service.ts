import { randomBytes } from 'node:crypto';
import type { Database } from '../db/client.js';
import { AppError } from '../shared/errors.js';
import type { Actor } from './actor.js';
import { type AccessPolicy, signInWithProvider } from './identities.service.js';
import type { OidcClient } from './oidc.service.js';
import { insertLogin, insertSession, revokeSession, takeLogin, useSession } from './sessions.repository.js';
import { accountDisabled, hashToken, type TokenAuthenticator } from './tokens.service.js';

/** A login must come back from the provider within this time. */
export const LOGIN_TTL_SECONDS = 600;

const randomToken = () => randomBytes(32).toString('base64url');

/**
 * Starts a browser login: the login cookie's value binds the callback to this browser, and the
 * state, nonce and PKCE verifier wait in the database for the callback (on any instance).
 */
export async function startLogin(db: Database, oidc: OidcClient, returnTo: string) {
  const { url, checks } = await oidc.beginLogin();
  const loginId = randomToken();
  await insertLogin(db, {
    idHash: hashToken(loginId),
    ...checks,
    returnTo,
    expiresAt: new Date(Date.now() + LOGIN_TTL_SECONDS * 1000),
  });
  return { loginId, url };
}

export interface CompletedLogin extends OpenedSession {
  returnTo: string;
}

/**
 * Completes a browser login at the callback: the login this browser started, the provider's
 * answer to it, the person's admission, then a new session (replacing the browser's old one).
 */
export async function completeLogin(
  db: Database,
  oidc: OidcClient,
  input: {
    loginId: string | undefined;
    query: URLSearchParams;
    previousSession: string | undefined;
    ttlSeconds: number;
  },
): Promise<CompletedLogin> {
  const login = input.loginId ? await takeLogin(db, hashToken(input.loginId)) : undefined;
  if (!login) {
    throw new AppError(
      'invalid_login_state',
      'No sign-in is in progress in this browser (it expired or was already completed); start again.',
    );
  }
  if (input.query.get('state') !== login.state) {
    throw new AppError(
      'invalid_login_state',
      'The sign-in answer does not belong to the sign-in this browser started.',
    );
  }
  const { identity, idToken } = await oidc.finishLogin(input.query.toString(), login);
  const user = await signInWithProvider(db, oidc.settings satisfies AccessPolicy, identity);
  const session = await openSession(db, { userId: user.id, idToken, ...input });
  return { ...session, returnTo: login.returnTo };
}

export interface OpenedSession {
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

/** A new browser session for this user, ending the browser's old one. */
async function openSession(
  db: Database,
  input: { userId: number; idToken: string | null; previousSession: string | undefined; ttlSeconds: number },
): Promise<OpenedSession> {
  const sessionToken = randomToken();
  const csrfToken = randomToken();
  const { expiresAt } = await insertSession(db, {
    userId: input.userId,
    tokenHash: hashToken(sessionToken),
    csrfToken,
    idToken: input.idToken,
    ttlSeconds: input.ttlSeconds,
    replacesHash: input.previousSession ? hashToken(input.previousSession) : undefined,
  });
  return { sessionToken, csrfToken, expiresAt };
}

/**
 * Exchanges an API token for a browser session (the console's sign-in without OpenID Connect), so that
 * the page keeps no token in script-readable storage. The token is checked as on any request: a
 * revoked, expired or unknown one, or a disabled user's, opens nothing.
 */
export async function signInWithToken(
  tokens: TokenAuthenticator,
  db: Database,
  input: { token: string; previousSession: string | undefined; ttlSeconds: number },
): Promise<OpenedSession & { actor: Actor }> {
  const actor = await tokens.authenticate(input.token);
  const session = await openSession(db, { userId: actor.userId, idToken: null, ...input });
  return { ...session, actor: { ...actor, authMethod: 'session' } };
}

export interface SessionAuth {
  actor: Actor;
  csrfToken: string;
  expiresAt: Date;
}

/** The caller behind a session cookie; never cached, so a logout or a disabled user counts at once. */
export async function authenticateSession(
  db: Database,
  token: string,
  idleSeconds: number,
): Promise<SessionAuth> {
  const session = await useSession(db, hashToken(token), idleSeconds);
  if (!session) throw new AppError('session_expired', 'The session has ended; sign in again.');
  if (session.disabled) throw accountDisabled();
  return {
    actor: { userId: session.userId, email: session.email, role: session.role, authMethod: 'session' },
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
  };
}

/** Ends a session on the server; returns its ID token, for RP-initiated logout. */
export async function endSession(db: Database, token: string): Promise<string | null> {
  const ended = await revokeSession(db, hashToken(token));
  return ended?.idToken ?? null;
}
