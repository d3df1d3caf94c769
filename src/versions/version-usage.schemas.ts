import { type Static, Type } from 'typebox';
import { USAGE_REPORT_LIMIT } from './version-usage.service.js';

export const VersionUsageQuery = Type.Object(
  {
    days: Type.Integer({
      minimum: 1,
      maximum: 90,
      default: 30,
      description: 'How many UTC days back, today included (1: today only).',
    }),
    version: Type.Optional(
      Type.String({ pattern: '^v[1-9][0-9]{0,2}$', description: 'Only this API version.', examples: ['v1'] }),
    ),
  },
  { additionalProperties: false },
);
export type VersionUsageQuery = Static<typeof VersionUsageQuery>;

export const VersionUsageV2 = Type.Object(
  {
    version: Type.String({ description: 'The deprecated API version called.', examples: ['v1'] }),
    day: Type.String({ format: 'date', description: 'UTC day of the calls.' }),
    caller: Type.String({
      description: '`user:<id>` for an authenticated caller, else `ip:<client address>`.',
      examples: ['user:42', 'ip:203.0.113.7'],
    }),
    user: Type.Union(
      [
        Type.Object({ id: Type.Integer(), email: Type.String() }, { additionalProperties: false }),
        Type.Null(),
      ],
      { description: 'Whom to contact; null for an unauthenticated caller.' },
    ),
    requests: Type.Integer({ minimum: 1, description: 'Calls that day, by every instance of the service.' }),
    last_path: Type.String({
      description: 'Route of the latest call, e.g. `/api/v1/orders/:id/` (an unknown path as it was sent).',
    }),
    last_seen_at: Type.String({ format: 'date-time', description: 'When the latest call was answered.' }),
  },
  { additionalProperties: false, title: 'Version usage' },
);
export type VersionUsageV2 = Static<typeof VersionUsageV2>;

export const VersionUsageListV2 = Type.Object(
  {
    results: Type.Array(VersionUsageV2, {
      maxItems: USAGE_REPORT_LIMIT,
      description: `Newest day first, then the busiest callers; at most ${USAGE_REPORT_LIMIT.toLocaleString('en')} rows.`,
    }),
  },
  { additionalProperties: false, title: 'Version usage list' },
);
