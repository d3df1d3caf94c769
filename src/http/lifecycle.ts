import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import type { Clock } from '../shared/clock.js';
import { AppError } from '../shared/errors.js';
import { routeTemplate } from './metrics.js';
import { MIGRATION_GUIDE_PATH } from './migration-guide.js';
import { allowedMethods, problemResponses } from './problem.js';
import { API_V1, API_V2, absoluteUrl } from './urls.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route only shares the version's path prefix and is not retired with it: the health check, sign-in
     * and the SMS provider's delivery reports have no successor, and probes, browsers and the provider's
     * dashboard would break on a 410. No lifecycle headers, no 410, not counted.
     */
    versionless?: boolean;
  }
}

/** One call to a deprecated version, as the lifecycle reports it. */
export interface VersionCall {
  version: string;
  /** `user:<id>` when the caller authenticated, else `ip:<address>`. */
  caller: string;
  userId: number | null;
  /** The route's template, or an unknown path as it came. */
  path: string;
  at: Date;
}

/** The deprecation and sunset of one API version, and where its resources live in the next one. */
export interface VersionLifecycle {
  version: string;
  /** Prefix of the version's routes, e.g. `/api/v1`. */
  prefix: string;
  /** Epoch milliseconds; undefined: not deprecated (unless a sunset is set). */
  deprecatedAt: number | undefined;
  sunsetAt: number | undefined;
  /** The path of the same resource in the next version, from a path below `prefix`; undefined: none. */
  successorOf: (path: string) => string | undefined;
}

const instant = (value: string | undefined) => (value === undefined ? undefined : Date.parse(value));

/** API v1 as API_V1_DEPRECATED_AT and API_V1_SUNSET_AT say (config.ts has checked the pair). */
export function v1Lifecycle(config: Config): VersionLifecycle {
  return {
    version: 'v1',
    prefix: API_V1,
    deprecatedAt: instant(config.API_V1_DEPRECATED_AT),
    sunsetAt: instant(config.API_V1_SUNSET_AT),
    successorOf: v2Successor,
  };
}

// Copied into a Link header as it is, so no '<', '>', ',', ';', quotes, spaces or percent-escapes.
const PLAIN_PATH = /^[A-Za-z0-9._~/-]*$/;
const MAX_PATH = 200;
/** The v1 collections that v2 has under the same paths. */
const V2_COLLECTIONS = new Set(['customers', 'orders', 'items', 'notifications']);

/**
 * The v2 path of a v1 path (below `/api/v1`): the root, `me/`, and customers, orders, items and
 * notifications with everything below them (an order's `close/`, `cancel/`, `notifications/`) keep
 * their paths under `/api/v2`. Health, sign-in (`api-auth/`) and the delivery-report callbacks have no
 * successor (they are not retired: `versionless`). String operations only: no pattern can backtrack on a long path.
 */
export function v2Successor(path: string): string | undefined {
  if ((path !== '' && path[0] !== '/') || path.length > MAX_PATH || !PLAIN_PATH.test(path)) return undefined;
  const canonical = path.endsWith('/') ? path : `${path}/`;
  if (canonical === '/') return `${API_V2}/`;
  const collection = canonical.slice(1, canonical.indexOf('/', 1));
  if (collection === 'me') return canonical === '/me/' ? `${API_V2}/me/` : undefined;
  if (!V2_COLLECTIONS.has(collection) || canonical.startsWith('/notifications/callbacks/')) return undefined;
  return API_V2 + canonical;
}

export interface LifecycleOptions extends VersionLifecycle {
  clock: Clock;
  /** Where calls to the deprecated version are counted (versions/version-usage.service.ts). */
  usage: { record(call: VersionCall): void };
}

const HOUR_MS = 3_600_000;
/** Callers remembered for the hourly warning; past this (a flood of addresses), new ones are not logged. */
const MAX_WARNED_CALLERS = 10_000;

const pathOf = (url: string) => {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
};

/**
 * The lifecycle of the API version whose scope it is registered in, before any of its routes, in a
 * scope that answers its own unknown paths (setNotFoundHandler), so that these get it too:
 * - every route documents 410 `version_sunset`, whatever the settings, so the document does not change;
 * - from the deprecation, every response (errors, 404 and 405 included) carries `Deprecation`
 *   (RFC 9745), `Sunset` (RFC 8594) and `Link` to the migration guide and to the same resource in the
 *   next version, and its caller is counted (`usage`) and logged at warn once an hour;
 * - from the sunset, every request is answered 410 before authentication, without the database.
 * Routes marked `config.versionless` are left alone.
 * Without either date it adds no hook at all.
 */
export const lifecyclePlugin = fp(
  async (app: FastifyInstance, options: LifecycleOptions) => {
    const { version, prefix, deprecatedAt, sunsetAt, successorOf, clock, usage } = options;

    const gone = {
      ...problemResponses(410)[410],
      description: `Problem details; \`error\` is \`version_sunset\`: API ${version} has been switched off. \`details\` name the date (\`sunset\`), the migration guide and, where there is one, the same resource in the next version (\`successor_version\`).`,
      headers: {
        Sunset: { type: 'string', description: 'When the version was switched off (HTTP-date, RFC 8594).' },
        Link: {
          type: 'string',
          description:
            'The migration guide (`rel="deprecation"`) and the successor (`rel="successor-version"`).',
        },
      },
    };
    app.addHook('onRoute', (route) => {
      if (route.config?.versionless) return;
      route.schema = { ...route.schema, response: { ...(route.schema?.response as object), 410: gone } };
    });
    if (deprecatedAt === undefined && sunsetAt === undefined) return;

    // Written once: only the origin of the links depends on the request.
    const deprecation = deprecatedAt === undefined ? undefined : `@${Math.floor(deprecatedAt / 1000)}`;
    const sunset = sunsetAt === undefined ? undefined : new Date(sunsetAt).toUTCString();
    const sunsetIso = sunsetAt === undefined ? null : new Date(sunsetAt).toISOString();
    // A sunset alone deprecates the version from the start.
    const deprecatedFrom = deprecatedAt ?? Number.NEGATIVE_INFINITY;
    const warnedAt = new Map<string, number>();

    /** The absolute URL of the same resource in the next version; none for a path no route answers. */
    const successorUrl = (request: FastifyRequest): string | undefined => {
      const path = pathOf(request.url);
      if (request.is404 && allowedMethods(request.server, path).length === 0) return undefined;
      const successor = successorOf(path.slice(prefix.length));
      return successor === undefined ? undefined : absoluteUrl(request, successor);
    };

    const record = (request: FastifyRequest, at: Date) => {
      // Set only once authentication has run (absent on a 401, a 404 or a 410).
      const userId = (request.actor as { userId: number } | null | undefined)?.userId ?? null;
      const caller = userId === null ? `ip:${request.ip}` : `user:${userId}`;
      // The route's template, never the URL (its query may hold secrets); an unknown path as it came.
      const path = request.routeOptions.url ?? pathOf(request.url).slice(0, MAX_PATH);
      usage.record({ version, caller, userId, path, at });
      request.server.metrics.deprecatedRequests.inc({ version, route: routeTemplate(request) });

      const now = at.getTime();
      const last = warnedAt.get(caller);
      if (last !== undefined && now - last < HOUR_MS) return;
      if (last === undefined && warnedAt.size >= MAX_WARNED_CALLERS) {
        for (const [known, when] of warnedAt) if (now - when >= HOUR_MS) warnedAt.delete(known);
        if (warnedAt.size >= MAX_WARNED_CALLERS) return;
      }
      warnedAt.set(caller, now);
      request.log.warn(
        { caller, version, method: request.method, route: path, sunset: sunsetIso },
        `deprecated API ${version} called`,
      );
    };

    if (sunsetAt !== undefined) {
      app.addHook('onRequest', async (request) => {
        if (request.routeOptions.config.versionless || clock().getTime() < sunsetAt) return;
        const successor = successorUrl(request);
        const guide = absoluteUrl(request, MIGRATION_GUIDE_PATH);
        throw new AppError(
          'version_sunset',
          `API ${version} was switched off on ${sunset}; ${successor ? `this resource is now at ${successor}` : `see ${guide}`}.`,
          {
            sunset: sunsetIso,
            ...(successor ? { successor_version: successor } : {}),
            migration_guide: guide,
          },
        );
      });
    }

    app.addHook('onSend', async (request, reply, payload) => {
      const now = clock();
      if (request.routeOptions.config.versionless || now.getTime() < deprecatedFrom) return payload;
      if (deprecation) reply.header('deprecation', deprecation);
      if (sunset) reply.header('sunset', sunset);
      const successor = successorUrl(request);
      let links = `<${absoluteUrl(request, MIGRATION_GUIDE_PATH)}>; rel="deprecation"`;
      if (successor) links += `, <${successor}>; rel="successor-version"`;
      const existing = reply.getHeader('link');
      reply.header('link', existing ? `${String(existing)}, ${links}` : links);
      record(request, now);
      return payload;
    });
  },
  { name: 'version-lifecycle', dependencies: ['problem', 'urls', 'metrics'] },
);
