import { hash, randomBytes } from 'node:crypto';
import type { Database } from '../db/client.js';
import type { KeysetPage, KeysetRequest } from '../shared/cursor.js';
import { AppError, assertNoFieldErrors, type FieldError, notFound } from '../shared/errors.js';
import { type Actor, assertAdmin, type Ctx } from './actor.js';
import { credentialCache } from './credential-cache.js';
import {
  findTokenView,
  insertToken,
  listTokensOfUser,
  listTokenViewsByCursor,
  revokeTokenById,
  type TokenFilters,
  type TokenRow,
  type TokenView,
  useToken,
} from './tokens.repository.js';
import { findUserById } from './users.repository.js';

export type { TokenFilters, TokenView };

/** Prefix that makes a leaked token easy to recognise (and to find with secret scanners). */
export const TOKEN_PREFIX = 'oly_';
const TOKEN_SHAPE = /^oly_[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return hash('sha256', token, 'hex');
}

export interface CreateTokenInput {
  userId: number;
  name?: string;
  expiresAt?: Date;
}

/** Mints a 256-bit random token. The token is returned once; only its hash is stored. */
export async function createToken(
  db: Database,
  input: CreateTokenInput,
): Promise<{ token: string; row: TokenRow }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const row = await insertToken(db, {
    userId: input.userId,
    name: input.name?.trim().slice(0, 100) ?? '',
    tokenHash: hashToken(token),
    expiresAt: input.expiresAt ?? null,
  });
  return { token, row };
}

export const listTokens = listTokensOfUser;

export interface TokenAuthenticator {
  /** The actor for an API token; throws invalid_token (unknown, expired, revoked) or account_disabled. */
  authenticate(token: string): Promise<Actor>;
  revoke(id: number): Promise<TokenRow>;
  /** Forgets every verified token (a user was disabled or a token revoked somewhere). */
  forget(): void;
}

export const invalidToken = (message = 'The token is invalid, expired or revoked.') =>
  new AppError('invalid_token', message);

export const accountDisabled = () => new AppError('account_disabled', 'This account is disabled.');

/**
 * Verifies API tokens against the database, trusting a verified token for `cacheTtlMs`
 * (bounded by its own expiry) so that most requests cost no authentication round trip.
 * Revocations and disabled users reach every process at once through `forget` (see deps.ts).
 * An unknown, expired or revoked token stays so (no token is ever revived or extended), so that
 * answer is remembered for `cacheTtlMs` too: a client retrying a stale token costs no round trip.
 */
export function createTokenAuthenticator(db: Database, cacheTtlMs: number): TokenAuthenticator {
  const cache = credentialCache<Actor>({
    ttlMs: cacheTtlMs,
    // Not account_disabled: a disabled user may be enabled again.
    isFinal: (error) => error instanceof AppError && error.code === 'invalid_token',
  });
  const lookUp = (tokenHash: string) => async () => {
    const row = await useToken(db, tokenHash);
    if (!row) throw invalidToken();
    if (row.disabled) throw accountDisabled();
    const actor: Actor = { userId: row.userId, email: row.email, role: row.role, authMethod: 'api_token' };
    const until = Math.min(Date.now() + cacheTtlMs, row.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY);
    return { value: actor, until };
  };

  return {
    async authenticate(token) {
      if (!TOKEN_SHAPE.test(token)) throw invalidToken();
      const tokenHash = hashToken(token);
      return cache.get(tokenHash, lookUp(tokenHash));
    },
    async revoke(id) {
      const row = await revokeTokenById(db, id);
      if (!row) throw new AppError('not_found', `No token has the id ${id}.`);
      cache.delete(row.tokenHash);
      return row;
    },
    forget: () => cache.clear(),
  };
}

// Tokens as admins manage them over the API. The CLI (`tokens create|list|revoke`) does the same without
// the admin check: whoever runs it holds the database already.

/** Revoking: the domain context and the authenticator, which forgets the token it cached at once. */
export interface TokensCtx extends Ctx {
  tokens: Pick<TokenAuthenticator, 'revoke'>;
}

export interface IssueTokenInput {
  userId: number;
  name: string;
  /** Must be in the future; none: the token never expires. */
  expiresAt?: Date;
}

/** Every token, revoked and expired ones too, by id: admins only. */
export function listTokensByCursor(
  ctx: Ctx,
  filters: TokenFilters,
  keyset: KeysetRequest,
): Promise<KeysetPage<TokenView>> {
  assertAdmin(ctx.actor, 'list API tokens');
  return listTokenViewsByCursor(ctx.db, filters, keyset);
}

export async function getToken(ctx: Ctx, id: number): Promise<TokenView> {
  assertAdmin(ctx.actor, 'read API tokens');
  const view = await findTokenView(ctx.db, id);
  if (!view) throw notFound('API token', id);
  return view;
}

/**
 * Mints a token for any user (admins only), as `tokens create` does: the secret is returned this once and
 * only its hash is stored. An unknown user is 404 `not_found` naming the field `user`, as an order for an
 * unknown customer is. A disabled user may get one: it is refused until they are enabled again.
 */
export async function issueToken(
  ctx: Ctx,
  input: IssueTokenInput,
): Promise<{ token: string; view: TokenView }> {
  assertAdmin(ctx.actor, 'create API tokens');
  const errors: FieldError[] = [];
  if (input.expiresAt !== undefined && input.expiresAt.getTime() <= Date.now()) {
    errors.push({ field: 'expires_at', code: 'not_in_future', message: 'Must be in the future.' });
  }
  const name = input.name.trim();
  if (name === '') errors.push({ field: 'name', code: 'blank', message: 'Must not be blank.' });
  assertNoFieldErrors(errors);
  const user = await findUserById(ctx.db, input.userId);
  if (!user) {
    const message = `No user has the id ${input.userId}.`;
    throw new AppError('not_found', message, [{ field: 'user', code: 'not_found', message }]);
  }
  const { token, row } = await createToken(ctx.db, { userId: user.id, name, expiresAt: input.expiresAt });
  const { tokenHash: _hash, ...shown } = row;
  return { token, view: { ...shown, userEmail: user.email } };
}

/**
 * Revokes a token (admins only); revoking it again changes nothing and answers the same `revoked_at`.
 * This process refuses the token from then on; other processes once the database's notification reaches
 * them (migration 0004), a moment after the commit.
 */
export async function revokeToken(ctx: TokensCtx, id: number): Promise<TokenView> {
  assertAdmin(ctx.actor, 'revoke API tokens');
  await ctx.tokens.revoke(id);
  return getToken(ctx, id);
}
