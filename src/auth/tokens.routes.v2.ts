import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { NotModified } from '../http/conditional.js';
import { ctxOf } from '../http/context.js';
import { answerKeysetPage, keysetRequestOf } from '../http/cursor-pages.js';
import { problemResponses } from '../http/problem.js';
import { API_V2, absoluteUrl } from '../http/urls.js';
import { IdParams } from '../shared/schemas.js';
import { AUTHENTICATED } from './auth.plugin.js';
import {
  CreatedTokenV2,
  CreateTokenBodyV2,
  TokenListQueryV2,
  TokenPageV2,
  TokenV2,
} from './tokens.schemas.js';
import {
  getToken,
  issueToken,
  listTokensByCursor,
  revokeToken,
  type TokenAuthenticator,
  type TokenView,
} from './tokens.service.js';
import { userPathV2 } from './users.routes.v2.js';

export const tokenPathV2 = (id: number) => `${API_V2}/admin/tokens/${id}/`;

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toTokenV2(view: TokenView, request: FastifyRequest): TokenV2 {
  return {
    id: view.id,
    url: absoluteUrl(request, tokenPathV2(view.id)),
    name: view.name,
    user: { id: view.userId, email: view.userEmail, url: absoluteUrl(request, userPathV2(view.userId)) },
    created_at: view.createdAt.toISOString(),
    expires_at: iso(view.expiresAt),
    last_used_at: iso(view.lastUsedAt),
    revoked_at: iso(view.revokedAt),
  };
}

/** Tokens have no version column: a list page's ETag comes from the fields it shows that can change. */
const tokenTag = (view: TokenView) =>
  JSON.stringify([view.name, view.userEmail, iso(view.expiresAt), iso(view.lastUsedAt), iso(view.revokedAt)]);

const tags = ['admin'];
const ADMINS_ONLY = 'Admins only: anyone else gets 403 `admin_only`.';

/** API tokens for the console's admin page: list, mint (the secret shown once), revoke. */
export const tokensRoutesV2: FastifyPluginAsyncTypebox<{ tokens: TokenAuthenticator }> = async (
  app,
  { tokens },
) => {
  app.get(
    '/admin/tokens/',
    {
      schema: {
        operationId: 'listTokens',
        summary: 'List API tokens (admins)',
        description:
          `${ADMINS_ONLY} Every token, expired and revoked ones too, by id; \`user\` narrows to one user's. ` +
          'Never the tokens themselves: the server keeps only their hashes. A keyset page: follow `next` and ' +
          '`previous` (also in the `Link` header).',
        tags,
        security: AUTHENTICATED,
        querystring: TokenListQueryV2,
        response: { 200: TokenPageV2, 304: NotModified, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const page = await listTokensByCursor(
        ctxOf(request),
        { userId: request.query.user },
        keysetRequestOf(request),
      );
      return answerKeysetPage(request, reply, page, (view) => toTokenV2(view, request), tokenTag);
    },
  );

  // Not `idempotent`: the idempotency store keeps the response body as sent, in plain text in the
  // idempotency_keys table for IDEMPOTENCY_TTL_SECONDS, and this body holds the secret, which must never be
  // stored anywhere but in its hash. An Idempotency-Key is therefore ignored here; a client unsure whether
  // its request went through lists the user's tokens and revokes the one it cannot use.
  app.post(
    '/admin/tokens/',
    {
      // After the auth plugin's `private, no-cache`: no cache, private or not, may keep the secret.
      onSend: async (_request, reply) => {
        reply.header('cache-control', 'no-store');
      },
      schema: {
        operationId: 'createToken',
        summary: 'Create an API token for a user (admins)',
        description:
          `${ADMINS_ONLY} Answers the token with its secret in \`token\`: shown in this response only (the ` +
          'server keeps its hash), so show it to the person who asked and never log it. An unknown `user` is ' +
          '404 `not_found` naming the field, as an order for an unknown customer is; an `expires_at` not in ' +
          'the future is 400. `Idempotency-Key` is not supported here: a stored response would keep the secret.',
        tags,
        security: AUTHENTICATED,
        body: CreateTokenBodyV2,
        response: { 201: CreatedTokenV2, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const { user, name, expires_at } = request.body;
      const { token, view } = await issueToken(ctxOf(request), {
        userId: user,
        name,
        expiresAt: expires_at === undefined ? undefined : new Date(expires_at),
      });
      const created = { ...toTokenV2(view, request), token };
      reply.code(201).header('location', created.url);
      return created;
    },
  );

  app.get(
    '/admin/tokens/:id/',
    {
      schema: {
        operationId: 'getToken',
        summary: 'Get an API token (admins)',
        description: `${ADMINS_ONLY} Never the token itself.`,
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        response: { 200: TokenV2, ...problemResponses(403, 503) },
      },
    },
    async (request) => toTokenV2(await getToken(ctxOf(request), request.params.id), request),
  );

  // Not `idempotent` either, and need not be: revoking again changes nothing and answers the same. Outside
  // an idempotency transaction the revocation is committed before this process forgets the cached token.
  app.post(
    '/admin/tokens/:id/revoke/',
    {
      schema: {
        operationId: 'revokeToken',
        summary: 'Revoke an API token (admins)',
        description:
          `${ADMINS_ONLY} The token is refused (401 \`invalid_token\`) from then on: at once on the instance ` +
          'that answers, on the others within moments. Revoking a revoked token changes nothing and answers ' +
          'the same `revoked_at`. No body.',
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        response: { 200: TokenV2, ...problemResponses(403, 503) },
      },
    },
    async (request) =>
      toTokenV2(await revokeToken({ ...ctxOf(request), tokens }, request.params.id), request),
  );
};
