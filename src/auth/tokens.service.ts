import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/client.js';
import { AppError } from '../shared/errors.js';
import type { Actor } from './actor.js';
import { credentialCache } from './credential-cache.js';
import {
  insertToken,
  listTokensOfUser,
  revokeTokenById,
  type TokenRow,
  useToken,
} from './tokens.repository.js';

/** Prefix that makes a leaked token easy to recognise (and to find with secret scanners). */
export const TOKEN_PREFIX = 'oly_';
const TOKEN_SHAPE = /^oly_[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
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
