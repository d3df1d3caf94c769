import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { apiVersionUsage } from '../db/schema.js';

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
