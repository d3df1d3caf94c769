import { and, asc, desc, eq, gte, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { apiVersionUsage, users } from '../db/schema.js';

/** Calls of one caller to one API version on one UTC day. */
export interface UsageCount {
  version: string;
  /** UTC date, `YYYY-MM-DD`. */
  day: string;
  /** `user:<id>`, or `ip:<address>` for an unauthenticated caller. */
  caller: string;
  userId: number | null;
  requests: number;
  lastPath: string;
  lastSeenAt: Date;
}

/**
 * Adds counts to those already stored, in one statement: several processes (and several flushes of one)
 * add up, and the last path is the one of the latest call whichever process saw it.
 */
export async function addUsage(db: Database, counts: UsageCount[]): Promise<void> {
  if (counts.length === 0) return;
  await db
    .insert(apiVersionUsage)
    .values(counts)
    .onConflictDoUpdate({
      target: [apiVersionUsage.version, apiVersionUsage.day, apiVersionUsage.caller],
      set: {
        requests: sql`${apiVersionUsage.requests} + excluded.requests`,
        lastPath: sql`case when excluded.last_seen_at >= ${apiVersionUsage.lastSeenAt} then excluded.last_path else ${apiVersionUsage.lastPath} end`,
        lastSeenAt: sql`greatest(${apiVersionUsage.lastSeenAt}, excluded.last_seen_at)`,
        userId: sql`coalesce(${apiVersionUsage.userId}, excluded.user_id)`,
      },
    });
}

export interface UsageFilters {
  /** First UTC day included, `YYYY-MM-DD`. */
  since: string;
  version?: string;
}

export type UsageRow = UsageCount & { email: string | null };

/** Newest day first, then the busiest callers of each day. */
export function listUsage(db: Database, filters: UsageFilters, limit: number): Promise<UsageRow[]> {
  return db
    .select({
      version: apiVersionUsage.version,
      day: apiVersionUsage.day,
      caller: apiVersionUsage.caller,
      userId: apiVersionUsage.userId,
      email: users.email,
      requests: apiVersionUsage.requests,
      lastPath: apiVersionUsage.lastPath,
      lastSeenAt: apiVersionUsage.lastSeenAt,
    })
    .from(apiVersionUsage)
    .leftJoin(users, eq(users.id, apiVersionUsage.userId))
    .where(
      and(
        gte(apiVersionUsage.day, filters.since),
        filters.version === undefined ? undefined : eq(apiVersionUsage.version, filters.version),
      ),
    )
    .orderBy(desc(apiVersionUsage.day), desc(apiVersionUsage.requests), asc(apiVersionUsage.caller))
    .limit(limit);
}
