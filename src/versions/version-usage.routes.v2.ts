import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AUTHENTICATED } from '../auth/auth.plugin.js';
import { ctxOf } from '../http/context.js';
import { problemResponses } from '../http/problem.js';
import type { Clock } from '../shared/clock.js';
import { VersionUsageListV2, VersionUsageQuery, type VersionUsageV2 } from './version-usage.schemas.js';
import { listVersionUsage, type UsageRow, type VersionUsage } from './version-usage.service.js';

export function toVersionUsageV2(row: UsageRow): VersionUsageV2 {
  return {
    version: row.version,
    day: row.day,
    caller: row.caller,
    user: row.userId === null || row.email === null ? null : { id: row.userId, email: row.email },
    requests: row.requests,
    last_path: row.lastPath,
    last_seen_at: row.lastSeenAt.toISOString(),
  };
}

/** Who still calls a deprecated API version: whom to contact before its sunset. */
export const versionUsageRoutesV2: FastifyPluginAsyncTypebox<{ usage: VersionUsage; clock: Clock }> = async (
  app,
  { usage, clock },
) => {
  app.get(
    '/admin/version-usage/',
    {
      schema: {
        operationId: 'listVersionUsage',
        summary: 'Who calls deprecated API versions (admins)',
        description:
          'Per caller (user, or client address when unauthenticated) and UTC day: calls, the last route called and when. Counted from the deprecation date on. Instances write their counts every few seconds; this one writes its own before answering.',
        tags: ['admin'],
        security: AUTHENTICATED,
        querystring: VersionUsageQuery,
        response: { 200: VersionUsageListV2, ...problemResponses(403) },
      },
    },
    async (request) => {
      await usage.flush();
      const rows = await listVersionUsage(ctxOf(request), request.query, clock());
      return { results: rows.map(toVersionUsageV2) };
    },
  );
};
