import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Database, selectRows } from '../db/client.js';
import { webhookDeliveries } from '../db/schema.js';
import { TEST_EVENT } from './payloads.js';

/**
 * The webhook outbox as the dispatchers and the attempts see it: claiming deliveries, settling them, and
 * keeping the tables small. Each function is one statement.
 */

/** A duration for people: `72 hours`, `90 minutes`, `2 seconds`. */
function durationText(ms: number): string {
  const [amount, unit] =
    ms >= 3_600_000
      ? [ms / 3_600_000, 'hour']
      : ms >= 60_000
        ? [ms / 60_000, 'minute']
        : [ms / 1000, 'second'];
  const rounded = Math.round(amount * 10) / 10;
  return `${rounded} ${unit}${rounded === 1 ? '' : 's'}`;
}

const seconds = (ms: number) => sql`make_interval(secs => ${ms / 1000})`;

/** A delivery claimed for one attempt: what to send, where, and with which secrets. */
export interface ClaimedDelivery {
  id: number;
  /** This attempt's number (1 for the first). */
  attempts: number;
  endpointId: number;
  url: string;
  /** Sealed: the current secret, and the previous one while its overlap lasts. */
  secrets: string[];
  messageId: string;
  type: string;
  data: Record<string, unknown>;
  createdAt: Date;
}

interface ClaimedRecord {
  id: number | string;
  attempts: number;
  endpoint_id: number | string;
  url: string;
  secret: string;
  previous_secret: string | null;
  message_id: string;
  type: string;
  data: Record<string, unknown> | string;
  created_ms: number;
}

const claimedOf = (record: ClaimedRecord): ClaimedDelivery => ({
  id: Number(record.id),
  attempts: record.attempts,
  endpointId: Number(record.endpoint_id),
  url: record.url,
  secrets: record.previous_secret === null ? [record.secret] : [record.secret, record.previous_secret],
  messageId: record.message_id,
  type: record.type,
  data: typeof record.data === 'string' ? JSON.parse(record.data) : record.data,
  createdAt: new Date(record.created_ms),
});

/** The claim's columns and what the attempt needs, for the RETURNING of a claim. */
const claimedColumns = sql`d.id, d.attempts, d.endpoint_id, e.url, e.secret,
  case when e.previous_secret_until > now() then e.previous_secret end as previous_secret,
  ev.message_id, ev.type, ev.data, (extract(epoch from ev.created_at) * 1000)::float8 as created_ms`;

/**
 * Claims up to `limit` due deliveries of enabled endpoints for `leaseMs`. Each endpoint gets at most
 * `perEndpoint` deliveries in flight, counting those other dispatchers hold, and is scanned on its own
 * (LATERAL): a receiver that is slow or has a backlog never holds up another's deliveries. SKIP LOCKED lets
 * any number of dispatchers claim side by side without taking the same delivery.
 */
export async function claimDue(
  db: Database,
  token: string,
  limit: number,
  perEndpoint: number,
  leaseMs: number,
): Promise<ClaimedDelivery[]> {
  const records = await selectRows<ClaimedRecord>(
    db,
    sql`with busy as (
          select endpoint_id, count(*)::int as n from webhook_deliveries where status = 'sending' group by endpoint_id
        ), due as (
          select x.id, x.next_attempt_at,
                 row_number() over (partition by e.id order by x.next_attempt_at, x.id) + coalesce(b.n, 0) as slot
          from webhook_endpoints e
          left join busy b on b.endpoint_id = e.id
          cross join lateral (
            select id, next_attempt_at from webhook_deliveries
            where endpoint_id = e.id and status = 'pending' and next_attempt_at <= now()
            order by next_attempt_at, id
            limit ${perEndpoint}
            for update skip locked
          ) x
          where e.enabled
        ), chosen as (
          select id from due where slot <= ${perEndpoint} order by slot, next_attempt_at limit ${limit}
        )
        update webhook_deliveries d
        set status = 'sending', claim_token = ${token}, claimed_until = now() + ${seconds(leaseMs)},
            attempts = d.attempts + 1, next_attempt_at = null, updated_at = now()
        from chosen, webhook_endpoints e, webhook_events ev
        where d.id = chosen.id and e.id = d.endpoint_id and ev.id = d.event_id
        returning ${claimedColumns}`,
  );
  return records.map(claimedOf);
}

/**
 * Deliveries whose dispatcher stopped mid-attempt (its claim lapsed) are due again: at least once, so the
 * receiver may get that attempt twice, with the same `webhook-id`.
 */
export async function releaseLapsed(db: Database): Promise<number> {
  const rows = await db
    .update(webhookDeliveries)
    .set({
      status: 'pending',
      claimToken: null,
      claimedUntil: null,
      nextAttemptAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(webhookDeliveries.status, 'sending'), sql`${webhookDeliveries.claimedUntil} < now()`))
    .returning({ id: webhookDeliveries.id });
  return rows.length;
}

/**
 * Deletes up to `limit` events older than `retentionMs` that nothing will attempt again (no delivery pending
 * or being sent), with their deliveries and attempts. Dispatchers sweeping at the same time skip each
 * other's rows.
 */
export async function sweepEvents(db: Database, retentionMs: number, limit: number): Promise<number> {
  const rows = await selectRows<{ id: number }>(
    db,
    sql`with old as (
          select e.id from webhook_events e
          where e.created_at < now() - ${seconds(retentionMs)}
            and not exists (
              select 1 from webhook_deliveries d where d.event_id = e.id and d.status in ('pending', 'sending')
            )
          order by e.created_at
          limit ${limit}
          for update of e skip locked
        )
        delete from webhook_events where id in (select id from old) returning id`,
  );
  return rows.length;
}

/**
 * Claims delivery `id` for an attempt now, whatever its status, unless an attempt is
 * under way: 'busy'. Undefined when there is no such delivery.
 */
export async function claimOne(
  db: Database,
  id: number,
  token: string,
  leaseMs: number,
): Promise<ClaimedDelivery | 'busy' | undefined> {
  const records = await selectRows<ClaimedRecord & { was: string }>(
    db,
    sql`with target as (
          select d.id, d.status from webhook_deliveries d where d.id = ${id}
        ), claimed as (
          update webhook_deliveries d
          set status = 'sending', claim_token = ${token}, claimed_until = now() + ${seconds(leaseMs)},
              attempts = d.attempts + 1, next_attempt_at = null, updated_at = now()
          from target, webhook_endpoints e, webhook_events ev
          where d.id = target.id and d.status <> 'sending' and e.id = d.endpoint_id and ev.id = d.event_id
          returning ${claimedColumns}
        )
        select claimed.*, target.status as was from target left join claimed on claimed.id = target.id`,
  );
  const [record] = records;
  if (!record) return undefined;
  return record.message_id === null ? 'busy' : claimedOf(record);
}

/** Writes a `webhook.test` event for endpoint `endpointId` only, with its delivery claimed for an attempt now. */
export async function insertTestDelivery(
  db: Database,
  endpointId: number,
  data: Record<string, unknown>,
  token: string,
  leaseMs: number,
): Promise<ClaimedDelivery | undefined> {
  const records = await selectRows<ClaimedRecord>(
    db,
    sql`with ev as (
          insert into webhook_events (type, data)
          select ${TEST_EVENT}, ${JSON.stringify(data)}::jsonb where exists (select 1 from webhook_endpoints where id = ${endpointId})
          returning id, message_id, type, data, created_at
        ), d as (
          insert into webhook_deliveries (endpoint_id, event_id, status, attempts, claim_token, claimed_until)
          select ${endpointId}, ev.id, 'sending', 1, ${token}, now() + ${seconds(leaseMs)} from ev
          returning id, attempts, endpoint_id, event_id
        )
        select d.id, d.attempts, d.endpoint_id, e.url, e.secret,
          case when e.previous_secret_until > now() then e.previous_secret end as previous_secret,
          ev.message_id, ev.type, ev.data, (extract(epoch from ev.created_at) * 1000)::float8 as created_ms
        from d join ev on ev.id = d.event_id join webhook_endpoints e on e.id = d.endpoint_id`,
  );
  const [record] = records;
  return record && claimedOf(record);
}

/** What one attempt brought, and what the delivery becomes. */
export interface Settlement {
  attemptedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  response: string | null;
  status: 'succeeded' | 'pending' | 'failed';
  /** When `pending`: the wait before the next attempt. */
  retryInMs?: number;
  /** Whether the attempt counts toward the endpoint's health (a test event does not). */
  judgesEndpoint: boolean;
  /** The receiver answered 410 Gone: the endpoint is disabled at once. */
  gone: boolean;
  /** An endpoint whose attempts have all failed for this long is disabled. */
  disableAfterMs: number;
}

/** The endpoint's state after a settlement that changed it. */
export interface EndpointVerdict {
  disabled: boolean;
  reason: string | null;
}

/**
 * Records an attempt, settles its delivery and judges the endpoint: a success ends its run of failures;
 * 410 Gone, or failures for `disableAfterMs`, disable it. One statement. Nothing changes when the claim
 * lapsed and another dispatcher holds the delivery, or when the delivery went with its endpoint meanwhile.
 * Returns whether the delivery was settled, and the endpoint's verdict when this attempt disabled it.
 */
export async function settle(
  db: Database,
  delivery: Pick<ClaimedDelivery, 'id' | 'endpointId'>,
  token: string,
  outcome: Settlement,
): Promise<{ recorded: boolean; disabled?: EndpointVerdict }> {
  const succeeded = outcome.status === 'succeeded';
  const attemptedAt = outcome.attemptedAt.toISOString();
  const next: SQL =
    outcome.status === 'pending' ? sql`now() + ${seconds(outcome.retryInMs ?? 0)}` : sql`null`;
  const failingTooLong = sql`(not ${succeeded}::boolean and coalesce(e.failing_since, ${attemptedAt}::timestamptz) <= now() - ${seconds(outcome.disableAfterMs)})`;
  const [row] = await selectRows<{ recorded: boolean; disabled: boolean | null; reason: string | null }>(
    db,
    sql`with attempt as (
          -- Unless the delivery went with its endpoint (an admin deleted it during the attempt).
          insert into webhook_attempts (delivery_id, attempted_at, duration_ms, status_code, error, response)
          select ${delivery.id}, ${attemptedAt}::timestamptz, ${outcome.durationMs}, ${outcome.statusCode},
                 ${outcome.error}, ${outcome.response}
          where exists (select 1 from webhook_deliveries where id = ${delivery.id})
        ), settled as (
          update webhook_deliveries
          set status = ${outcome.status}, next_attempt_at = ${next}, claim_token = null, claimed_until = null,
              last_status_code = ${outcome.statusCode}, last_error = ${outcome.error}, updated_at = now(),
              delivered_at = case when ${succeeded}::boolean then now() else delivered_at end
          where id = ${delivery.id} and claim_token = ${token}
          returning endpoint_id
        ), judged as (
          update webhook_endpoints e
          set failing_since = case when ${succeeded}::boolean then null else coalesce(e.failing_since, ${attemptedAt}::timestamptz) end,
              enabled = e.enabled and not (${outcome.gone}::boolean or ${failingTooLong}),
              disabled_at = case when e.enabled and (${outcome.gone}::boolean or ${failingTooLong}) then now() else e.disabled_at end,
              disabled_reason = case
                when not e.enabled then e.disabled_reason
                when ${outcome.gone}::boolean then 'The receiver answered 410 Gone.'
                when ${failingTooLong} then ${`Every attempt failed for ${durationText(outcome.disableAfterMs)}.`}
                else e.disabled_reason end
          where e.id = ${delivery.endpointId} and ${outcome.judgesEndpoint}::boolean
            and (not ${succeeded}::boolean or e.failing_since is not null)
          returning e.enabled, e.disabled_reason
        ), was as (
          -- The statement's snapshot: the endpoint as it was before this attempt judged it.
          select enabled from webhook_endpoints where id = ${delivery.endpointId}
        )
        select exists (select 1 from settled) as recorded,
               (select was.enabled and not judged.enabled from judged, was) as disabled,
               (select disabled_reason from judged) as reason`,
  );
  return {
    recorded: row?.recorded ?? false,
    disabled: row?.disabled ? { disabled: true, reason: row.reason } : undefined,
  };
}
