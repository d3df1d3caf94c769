import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { NotModified, readWithEtag, withEtag } from '../http/conditional.js';
import { ctxOf } from '../http/context.js';
import { answerKeysetPage, keysetRequestOf } from '../http/cursor-pages.js';
import { problemResponses } from '../http/problem.js';
import { assertEchoedFieldsUnchanged } from '../http/read-only.js';
import { API_V2, absoluteUrl } from '../http/urls.js';
import { IdParams } from '../shared/schemas.js';
import { AUTHENTICATED } from './auth.plugin.js';
import {
  UpdateUserBodyV2,
  UserListQueryV2,
  UserPageV2,
  UserV2,
  userReadOnlyFields,
} from './users.schemas.js';
import { changeUser, getUser, listUsersByCursor, type UserRow } from './users.service.js';

/** Where a user is in v2 (a token links its user there). */
export const userPathV2 = (id: number) => `${API_V2}/admin/users/${id}/`;

export function toUserV2(row: UserRow, request: FastifyRequest): UserV2 {
  return {
    id: row.id,
    url: absoluteUrl(request, userPathV2(row.id)),
    email: row.email,
    name: row.displayName === '' ? null : row.displayName,
    role: row.role,
    disabled: row.disabled,
    created_at: row.createdAt.toISOString(),
  };
}

/** The fields of a user that a representation shows and that can change. */
const userTag = (row: UserRow) => JSON.stringify([row.email, row.displayName, row.role, row.disabled]);

/**
 * Users have no version column (as customers and items do, migration 0009), so a user's ETag is a digest
 * of the fields that can change. It serves If-None-Match (304); PATCH does not take If-Match: it sets one
 * field to a value the request gives whole, so there is no lost update to guard against.
 */
const userEtag = (row: UserRow) =>
  `"u${createHash('sha256').update(userTag(row)).digest('base64url').slice(0, 22)}"`;

const tags = ['admin'];
const ADMINS_ONLY = 'Admins only: anyone else gets 403 `admin_only`.';

/** Users for the console's admin page: list, read, disable and enable. Creating users stays with the CLI and OIDC. */
export const usersRoutesV2: FastifyPluginAsyncTypebox<{ forgetCredentials: () => void }> = async (
  app,
  { forgetCredentials },
) => {
  app.get(
    '/admin/users/',
    {
      schema: {
        operationId: 'listUsers',
        summary: 'List users (admins)',
        description:
          `${ADMINS_ONLY} Every user, disabled ones too, by id; filter by \`role\`, \`disabled\` and \`search\`. ` +
          'A keyset page: follow `next` and `previous` (also in the `Link` header).',
        tags,
        security: AUTHENTICATED,
        querystring: UserListQueryV2,
        response: { 200: UserPageV2, 304: NotModified, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const { role, disabled, search } = request.query;
      const page = await listUsersByCursor(
        ctxOf(request),
        { role, disabled, search },
        keysetRequestOf(request),
      );
      return answerKeysetPage(request, reply, page, (row) => toUserV2(row, request), userTag);
    },
  );

  app.get(
    '/admin/users/:id/',
    {
      schema: {
        operationId: 'getUser',
        summary: 'Get a user (admins)',
        description: `${ADMINS_ONLY} Disabled users too.`,
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        response: { 200: UserV2, 304: NotModified, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const row = await getUser(ctxOf(request), request.params.id);
      return readWithEtag(reply, userEtag(row), () => toUserV2(row, request));
    },
  );

  app.patch(
    '/admin/users/:id/',
    {
      schema: {
        operationId: 'updateUser',
        summary: 'Disable or enable a user (admins)',
        description:
          `${ADMINS_ONLY} JSON merge patch (RFC 7396). \`disabled: true\` refuses every credential of the user ` +
          'from then on (403 `account_disabled`): at once on the instance that answers, on the others within ' +
          'moments; `disabled: false` accepts them again. An admin cannot disable themselves (409 ' +
          '`cannot_disable_self`), so that an admin is always left. Read-only fields may be sent back unchanged.',
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        body: UpdateUserBodyV2,
        response: { 200: UserV2, ...problemResponses(403, 409, 503) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const ctx = { ...ctxOf(request), forgetCredentials };
      await assertEchoedFieldsUnchanged(request.body, userReadOnlyFields, async () =>
        toUserV2(await getUser(ctx, id), request),
      );
      const row = await changeUser(ctx, id, { disabled: request.body.disabled });
      return withEtag(reply, userEtag(row), toUserV2(row, request));
    },
  );
};
