import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/client.js';
import { AppError } from '../shared/errors.js';
import type { Actor } from './actor.js';
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
  /** The actor for a bearer token, or undefined when it is unknown, expired, revoked or its user disabled. */
  authenticate(token: string): Promise<Actor | undefined>;
  revoke(id: number): Promise<TokenRow>;
}

const MAX_CACHED = 10_000;

/**
 * Verifies API tokens against the database, trusting a verified token for `cacheTtlMs`
 * (bounded by its own expiry) so that most requests cost no authentication round trip.
 * Revocation in this process takes effect at once; in other processes within `cacheTtlMs`.
 */
export function createTokenAuthenticator(db: Database, cacheTtlMs: number): TokenAuthenticator {
  const cache = new Map<string, { actor: Actor; until: number }>();
  const inFlight = new Map<string, Promise<Actor | undefined>>();

  async function lookUp(tokenHash: string): Promise<Actor | undefined> {
    const row = await useToken(db, tokenHash);
    if (!row) return undefined;
    const actor: Actor = { userId: row.userId, email: row.email, role: row.role, authMethod: 'api_token' };
    if (cacheTtlMs > 0) {
      if (cache.size >= MAX_CACHED) cache.clear();
      const until = Math.min(Date.now() + cacheTtlMs, row.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY);
      cache.set(tokenHash, { actor, until });
    }
    return actor;
  }

  return {
    async authenticate(token) {
      if (!TOKEN_SHAPE.test(token)) return undefined;
      const tokenHash = hashToken(token);
      const cached = cache.get(tokenHash);
      if (cached && cached.until > Date.now()) return cached.actor;
      // Concurrent requests with the same token share one lookup.
      let pending = inFlight.get(tokenHash);
      if (!pending) {
        pending = lookUp(tokenHash).finally(() => inFlight.delete(tokenHash));
        inFlight.set(tokenHash, pending);
      }
      return pending;
    },
    async revoke(id) {
      const row = await revokeTokenById(db, id);
      if (!row) throw new AppError('not_found', `No token has the id ${id}.`);
      cache.delete(row.tokenHash);
      return row;
    },
  };
}
