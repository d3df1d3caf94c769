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

/** Routes that count per client IP against a budget of their own instead of the caller's. */
export type RouteRateLimit = 'sign_in' | 'callback';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's own rate-limit policy, counted per client IP (http/rate-limit.ts). */
    rateLimit?: RouteRateLimit;
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
 * The only writer of the rate-limit fields, in the structured-field form of
 * draft-ietf-httpapi-ratelimit-headers-10 (earlier drafts named and shaped them differently).
 */
function setRateLimitHeaders(reply: FastifyReply, policy: Policy, remaining: number, resetSeconds: number) {
  reply.header('ratelimit-policy', policy.field);
  reply.header('ratelimit', `"${policy.name}";r=${remaining};t=${resetSeconds}`);
}

/** Answers 429: Retry-After is the time until the policy's window ends, so never earlier than `t`. */
function refuse(reply: FastifyReply, policy: Policy, ms: number, message: string): never {
  const wait = Math.max(1, seconds(ms));
  setRateLimitHeaders(reply, policy, 0, wait);
  reply.header('retry-after', String(wait));
  throw new AppError('rate_limited', `${message} Try again in ${wait} s.`, {
    policy: policy.name,
    quota: policy.quota,
    window_seconds: policy.windowSeconds,
  });
}

/** The bearer token (or whatever else the Authorization header holds), else the session cookie. */
function credentialOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header !== undefined) return bearerToken(header) ?? header;
  return request.cookies[SESSION_COOKIE];
}

/** A client for the counters that never holds a request up: no queue while disconnected, a short timeout. */
function connectRedis(url: string, log: FastifyBaseLogger): Redis {
  const redis = new Redis(url, { enableOfflineQueue: false, commandTimeout: REDIS_COMMAND_TIMEOUT_MS });
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
 * - A 401 to a request that carried credentials counts against its IP; once the IP has spent the
 *   auth-failure budget, its requests with credentials get 429 before any credential is looked up.
 *   Each process keeps that verdict in memory; with Redis another instance reaches it at its own next
 *   failure from that IP.
 * - Every counted response carries RateLimit-Policy and RateLimit; a 429 also Retry-After.
 * Register before the routes and the auth plugin, after @fastify/cookie.
 */
export const rateLimitPlugin = fp(
  async (app: FastifyInstance, options: RateLimitOptions) => {
    if (options.perMinute === 0) return;
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
    };
    const authFailures = policy('auth_failures', options.authFailures, AUTH_FAILURE_WINDOW_S);
    /** Client IPs whose requests with credentials are refused, and until when (epoch ms). */
    const refusedUntil = new Map<string, number>();

    const spend = async (reply: FastifyReply, spent: Policy, key: string) => {
      let result: RateLimiterRes;
      try {
        result = await spent.limiter.consume(key);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        refuse(
          reply,
          spent,
          rejection.msBeforeNext,
          `Too many requests: ${spent.quota} per ${spent.windowSeconds} s.`,
        );
      }
      setRateLimitHeaders(reply, spent, result.remainingPoints, seconds(result.msBeforeNext));
    };

    app.addHook('onRequest', async (request, reply) => {
      const own = request.routeOptions.config.rateLimit;
      if (own !== undefined) return spend(reply, routes[own], `ip:${request.ip}`);
      const credential = credentialOf(request);
      if (credential === undefined) return spend(reply, caller, `ip:${request.ip}`);
      const until = refusedUntil.get(request.ip);
      if (until !== undefined) {
        if (until > Date.now()) {
          refuse(
            reply,
            authFailures,
            until - Date.now(),
            'Too many failed authentications from this address: requests with credentials are refused for a while.',
          );
        }
        refusedUntil.delete(request.ip);
      }
      return spend(reply, caller, `cred:${hash('sha256', credential, 'base64url')}`);
    });

    app.addHook('onSend', async (request, reply, payload) => {
      if (
        reply.statusCode !== 401 ||
        request.routeOptions.config.rateLimit !== undefined ||
        credentialOf(request) === undefined
      ) {
        return payload;
      }
      const failures = await authFailures.limiter.penalty(`ip:${request.ip}`);
      if (failures.consumedPoints >= authFailures.quota) {
        const now = Date.now();
        for (const [ip, until] of refusedUntil) if (until <= now) refusedUntil.delete(ip);
        refusedUntil.set(request.ip, now + failures.msBeforeNext);
        // The address only: never the credential, nor its digest.
        request.log.warn(
          {
            ip: request.ip,
            failures: failures.consumedPoints,
            refused_for_s: seconds(failures.msBeforeNext),
          },
          'repeated authentication failures: requests with credentials from this address get 429',
        );
      }
      return payload;
    });
  },
  { name: 'rate-limit', dependencies: ['@fastify/cookie', 'problem'] },
);
