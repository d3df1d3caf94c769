import { hash } from 'node:crypto';
import { once } from 'node:events';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { bearerToken, SESSION_COOKIE } from '../auth/auth.plugin.js';
import { AppError } from '../shared/errors.js';

/**
 * Routes that count per client IP against a budget of their own instead of the caller's: `static`, the
 * console's files, spends RATE_LIMIT_PER_MINUTE of its own, so loading pages never spends a session's API budget.
 */
export type RouteRateLimit = 'sign_in' | 'callback' | 'static';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route's own rate-limit policy, counted per client IP (http/rate-limit.ts); `false`: not counted
     * (the probes, which a load balancer calls every few seconds from one address).
     */
    rateLimit?: RouteRateLimit | false;
  }
  interface FastifyRequest {
    /**
     * Called by authentication with the 401 for a credential that did not verify (never for one that
     * did): counts the failure against the client IP and returns what to answer, the 401 itself or,
     * once the IP has spent its auth-failure budget, 429 rate_limited (http/rate-limit.ts).
     */
    authFailed(refusal: AppError): Promise<AppError>;
  }
}

export interface RateLimitOptions {
  /** Requests per minute per caller; 0 turns rate limiting off. */
  perMinute: number;
  signInPerMinute: number;
  callbackPerMinute: number;
  /** Failed authentications allowed per client IP in AUTH_FAILURE_WINDOW_S. */
  authFailures: number;
  /** Unset: each process counts in memory. */
  redisUrl: string | undefined;
  /** Of every key in Redis. */
  prefix: string;
}

const MINUTE_S = 60;
const AUTH_FAILURE_WINDOW_S = 300;
/** A Redis that hangs costs a request this long at most; then this process counts in memory. */
const REDIS_COMMAND_TIMEOUT_MS = 500;
/** How long the start waits for Redis, so that the first requests are shared too. */
const REDIS_START_WAIT_MS = 2000;
/** Reconnection attempts never stop and come at most this far apart, so that Redis is shared again soon after it is back. */
const REDIS_RETRY_MAX_MS = 2000;

interface Policy {
  name: string;
  quota: number;
  windowSeconds: number;
  /** Its RateLimit-Policy field, written once. */
  field: string;
  limiter: RateLimiterAbstract;
}

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/**
 * The only source of the rate-limit fields, in the structured-field form of
 * draft-ietf-httpapi-ratelimit-headers-10 (earlier drafts named and shaped them differently).
 */
function rateLimitFields(policy: Policy, remaining: number, resetSeconds: number): Record<string, string> {
  return {
    'ratelimit-policy': policy.field,
    ratelimit: `"${policy.name}";r=${remaining};t=${resetSeconds}`,
  };
}

/** The 429: Retry-After is the time until the policy's window ends, so never earlier than `t`. */
function rateLimited(policy: Policy, ms: number, message: string): AppError {
  const wait = Math.max(1, seconds(ms));
  return new AppError(
    'rate_limited',
    `${message} Try again in ${wait} s.`,
    { policy: policy.name, quota: policy.quota, window_seconds: policy.windowSeconds },
    { ...rateLimitFields(policy, 0, wait), 'retry-after': String(wait) },
  );
}

/** The bearer token (or whatever else the Authorization header holds), else the session cookie. */
function credentialOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header !== undefined) return bearerToken(header) ?? header;
  return request.cookies[SESSION_COOKIE];
}

/**
 * A client for the counters that never holds a request up (no queue while disconnected, a short timeout)
 * and that keeps reconnecting, 50 ms after a loss, then backing off to REDIS_RETRY_MAX_MS.
 */
function connectRedis(url: string, log: FastifyBaseLogger): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(attempt * 50, REDIS_RETRY_MAX_MS),
  });
  // Where, without the password the URL may carry.
  const { host } = new URL(url);
  let reachable = true;
  redis.on('error', (error: Error) => {
    if (!reachable) return;
    reachable = false;
    log.error(
      { redis: host, reason: error.message },
      'Redis cannot be reached: each process counts rate limits in memory until it answers',
    );
  });
  redis.on('ready', () => {
    if (reachable) return;
    reachable = true;
    log.info({ redis: host }, 'Redis answers again: rate limits are shared again');
  });
  return redis;
}

/**
 * Rate limits, counted by rate-limiter-flexible in memory or, with REDIS_URL, in Redis (shared by every
 * instance; while Redis is away each process counts in memory, its insurance limiter).
 * - Every request spends one point of one policy: its route's own (`config.rateLimit`, per client IP),
 *   else `default`, per caller: a digest of its token or session cookie, else its client IP.
 * - A credential that fails authentication counts against its client IP (`request.authFailed`, called
 *   by the auth plugin). Once the IP has spent the auth-failure budget, its further failures get 429
 *   instead of 401 until the window ends; a credential that verifies is served whatever its IP, so one
 *   client with a stale token cannot lock out everyone behind the same address. Valid requests pay
 *   nothing for this; once an instance has refused a failure from an IP, it refuses the IP's further
 *   failures from memory for the rest of the window, without asking Redis.
 * - Every counted response carries RateLimit-Policy and RateLimit; a 429 also Retry-After.
 * Register before the routes and the auth plugin, after @fastify/cookie.
 */
export const rateLimitPlugin = fp(
  async (app: FastifyInstance, options: RateLimitOptions) => {
    if (options.perMinute === 0) {
      app.decorateRequest('authFailed', async (refusal: AppError) => refusal);
      return;
    }
    const redis = options.redisUrl ? connectRedis(options.redisUrl, app.log) : undefined;
    if (redis) {
      app.addHook('onClose', async () => {
        redis.disconnect();
      });
      // A Redis that is down or slow does not stop the start (connectRedis logs it); requests are then
      // counted in memory until it answers.
      await once(redis, 'ready', { signal: AbortSignal.timeout(REDIS_START_WAIT_MS) }).catch(() => {});
    }

    const policy = (name: string, quota: number, windowSeconds: number): Policy => {
      const limits = { points: quota, duration: windowSeconds, keyPrefix: `${options.prefix}${name}` };
      const limiter = redis
        ? new RateLimiterRedis({
            ...limits,
            storeClient: redis,
            rejectIfRedisNotReady: true,
            // Past its quota a key is refused from memory for the rest of its window: floods cost Redis nothing.
            inMemoryBlockOnConsumed: quota + 1,
            insuranceLimiter: new RateLimiterMemory(limits),
          })
        : new RateLimiterMemory(limits);
      return { name, quota, windowSeconds, field: `"${name}";q=${quota};w=${windowSeconds}`, limiter };
    };
    const caller = policy('default', options.perMinute, MINUTE_S);
    const routes: Record<RouteRateLimit, Policy> = {
      sign_in: policy('sign_in', options.signInPerMinute, MINUTE_S),
      callback: policy('callback', options.callbackPerMinute, MINUTE_S),
      static: policy('static', options.perMinute, MINUTE_S),
    };
    const authFailures = policy('auth_failures', options.authFailures, AUTH_FAILURE_WINDOW_S);

    const spend = async (reply: FastifyReply, spent: Policy, key: string) => {
      let result: RateLimiterRes;
      try {
        result = await spent.limiter.consume(key);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        app.metrics.rateLimitRefusals.inc({ budget: spent.name });
        throw rateLimited(
          spent,
          rejection.msBeforeNext,
          `Too many requests: ${spent.quota} per ${spent.windowSeconds} s.`,
        );
      }
      reply.headers(rateLimitFields(spent, result.remainingPoints, seconds(result.msBeforeNext)));
    };

    app.addHook('onRequest', async (request, reply) => {
      const own = request.routeOptions.config.rateLimit;
      if (own === false) return;
      if (own !== undefined) return spend(reply, routes[own], `ip:${request.ip}`);
      const credential = credentialOf(request);
      if (credential === undefined) return spend(reply, caller, `ip:${request.ip}`);
      return spend(reply, caller, `cred:${hash('sha256', credential, 'base64url')}`);
    });

    app.decorateRequest('authFailed', async function (this: FastifyRequest, refusal: AppError) {
      let failures: RateLimiterRes;
      try {
        failures = await authFailures.limiter.consume(`ip:${this.ip}`);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        app.metrics.rateLimitRefusals.inc({ budget: authFailures.name });
        return rateLimited(
          authFailures,
          rejection.msBeforeNext,
          'Too many failed authentications from this address; a credential that verifies is still served.',
        );
      }
      if (failures.consumedPoints === authFailures.quota) {
        // Once per window: when the budget is spent. The address only: never the credential, nor its digest.
        this.log.warn(
          {
            ip: this.ip,
            failures: failures.consumedPoints,
            refused_for_s: seconds(failures.msBeforeNext),
          },
          'repeated authentication failures: further failing credentials from this address get 429',
        );
      }
      return refusal;
    });
  },
  { name: 'rate-limit', dependencies: ['@fastify/cookie', 'problem', 'metrics'] },
);
