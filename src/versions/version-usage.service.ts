import type { Ctx } from '../auth/actor.js';
import type { Database } from '../db/client.js';
import type { VersionCall } from '../http/lifecycle.js';
import { AppError } from '../shared/errors.js';
import { addUsage, listUsage, type UsageCount, type UsageRow } from './version-usage.repository.js';

export type { UsageRow };

/** One call to an API version, as the version lifecycle plugin sees it. */

export interface VersionUsageOptions {
  /** How often the counts are written (and on close). */
  flushIntervalMs?: number;
  /** A write that failed: its counts are kept for the next one. */
  onError: (error: unknown) => void;
}

const FLUSH_INTERVAL_MS = 5000;
/** Callers counted between two writes before a write starts early: one statement stays well below 65,535 parameters. */
const EARLY_FLUSH_AT = 5000;
/** While writes fail, at most this many callers are kept; calls of others are dropped (and reported). */
const MAX_PENDING = 50_000;

const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Counts calls to deprecated API versions in memory, per (version, UTC day, caller), and adds them to
 * `api_version_usage` every few seconds with one statement: a call costs no database round trip, and the
 * counts of several processes add up. Call `close()` when the app closes, before the database does.
 */
export class VersionUsage {
  private pending = new Map<string, UsageCount>();
  private writing: Promise<void> = Promise.resolve();
  private queued = false;
  private dropped = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly intervalMs: number;

  constructor(
    private readonly db: Database,
    private readonly options: VersionUsageOptions,
  ) {
    this.intervalMs = options.flushIntervalMs ?? FLUSH_INTERVAL_MS;
  }

  record(call: VersionCall): void {
    this.timer ??= setInterval(() => void this.flush(), this.intervalMs).unref();
    const day = utcDay(call.at);
    const key = `${call.version} ${day} ${call.caller}`;
    const count = this.pending.get(key);
    if (count) {
      count.requests += 1;
      count.userId ??= call.userId;
      if (call.at >= count.lastSeenAt) {
        count.lastPath = call.path;
        count.lastSeenAt = call.at;
      }
      return;
    }
    if (this.pending.size >= MAX_PENDING) {
      this.dropped += 1;
      return;
    }
    const { version, caller, userId, path, at } = call;
    this.pending.set(key, { version, day, caller, userId, requests: 1, lastPath: path, lastSeenAt: at });
    if (this.pending.size >= EARLY_FLUSH_AT) void this.flush();
  }

  /** Writes the counts so far; resolves once they are stored (or the write failed and was reported). */
  flush(): Promise<void> {
    if (this.queued) return this.writing;
    this.queued = true;
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  /** Stops the timer and writes what is left. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async write(): Promise<void> {
    this.queued = false;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    const dropped = this.dropped;
    this.dropped = 0;
    try {
      await addUsage(this.db, batch);
    } catch (error) {
      this.restore(batch);
      this.options.onError(error);
    }
    if (dropped > 0) {
      this.options.onError(new Error(`${dropped} calls of new callers were not counted: too many waiting`));
    }
  }

  /** Puts the counts of a failed write back, added to those recorded meanwhile. */
  private restore(batch: UsageCount[]): void {
    for (const count of batch) {
      const key = `${count.version} ${count.day} ${count.caller}`;
      const newer = this.pending.get(key);
      if (newer) {
        newer.requests += count.requests;
        newer.userId ??= count.userId;
        if (count.lastSeenAt > newer.lastSeenAt) {
          newer.lastPath = count.lastPath;
          newer.lastSeenAt = count.lastSeenAt;
        }
      } else if (this.pending.size < MAX_PENDING) {
        this.pending.set(key, count);
      } else {
        this.dropped += count.requests;
      }
    }
  }
}

/** Most rows the usage report returns. */
export const USAGE_REPORT_LIMIT = 1000;

/** Who called which API version on each of the last `days` UTC days (today included); admins only. */
export async function listVersionUsage(
  ctx: Ctx,
  query: { days: number; version?: string },
  now: Date,
): Promise<UsageRow[]> {
  if (ctx.actor.role !== 'admin') {
    throw new AppError('admin_only', 'Only an admin may see who calls which API version.');
  }
  const since = new Date(now.getTime() - (query.days - 1) * 86_400_000);
  return listUsage(ctx.db, { since: utcDay(since), version: query.version }, USAGE_REPORT_LIMIT);
}
