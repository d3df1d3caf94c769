import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { problemResponses } from '../http/problem.js';
import { API_V2, absoluteUrl } from '../http/urls.js';
import { Url } from '../shared/schemas.js';
import { AUTHENTICATED } from './auth.plugin.js';
import { MeV1, toMeV1 } from './auth.routes.v1.js';

/** v1's `me` with its own `url`, as every v2 object has. */
const MeV2 = Type.Object(
  { url: Url('Absolute URL of this resource.'), ...MeV1.properties },
  { additionalProperties: false, title: 'Me' },
);
type MeV2 = Static<typeof MeV2>;

export function toMeV2(request: FastifyRequest): MeV2 {
  return { url: absoluteUrl(request, `${API_V2}/me/`), ...toMeV1(request) };
}

/** Who is calling, and how. Signing in and out stays at v1's paths (`/api/v1/api-auth/…`). */
export const meRoutesV2: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/me/',
    {
      schema: {
        operationId: 'me',
        summary: 'The caller: who they are and how they authenticated',
        tags: ['auth'],
        security: AUTHENTICATED,
        response: { 200: MeV2, ...problemResponses(403, 503) },
      },
    },
    async (request) => toMeV2(request),
  );
};
