import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AUTHENTICATED } from '../auth/auth.plugin.js';
import { expectedVersions, NotModified, readWithVersion, withVersion } from '../http/conditional.js';
import { ctxOf } from '../http/context.js';
import { answerKeysetPage, keysetRequestOf } from '../http/cursor-pages.js';
import { collectionLd } from '../http/jsonld.js';
import { problemResponses } from '../http/problem.js';
import { assertEchoedFieldsUnchanged, refuseReadOnlyFields } from '../http/read-only.js';
import { API_V2, absoluteUrl, type LinkBase } from '../http/urls.js';
import { IdParams } from '../shared/schemas.js';
import { itemLd } from './items.jsonld.js';
import { ADMINS_ONLY, activeFilters, itemInput, itemsCtxOf } from './items.request.js';
import {
  CreateItemBody,
  ItemListQueryV2,
  ItemPageV2,
  ItemV2,
  itemReadOnlyFields,
  ReplaceItemBody,
  UpdateItemBody,
} from './items.schemas.js';
import {
  createItem,
  deleteItem,
  getItem,
  type ItemRow,
  listItemsByCursor,
  updateItem,
} from './items.service.js';

/** Where a catalogue item is in v2 (an order links its item there too). */
export const itemPathV2 = (id: number) => `${API_V2}/items/${id}/`;

export function toItemV2(row: ItemRow, base: LinkBase): ItemV2 {
  return {
    id: row.id,
    url: absoluteUrl(base, itemPathV2(row.id)),
    sku: row.sku,
    name: row.name,
    description: row.description,
    unit_price: row.unitPrice,
    currency: row.currency,
    active: row.active,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

const tags = ['items'];

/** The catalogue in v2: v1's items with v2 links and keyset pages. Same service functions. */
export const itemsRoutesV2: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/items/',
    {
      config: { jsonLd: collectionLd(itemLd) },
      schema: {
        operationId: 'listItems',
        summary: 'List catalogue items',
        description:
          'The business’s catalogue, the same for every signed-in user. Archived items (`active: false`) are ' +
          'left out unless `active=false` or `active=all`. Sorted by name, then id, unless `ordering` says ' +
          'otherwise. A keyset page: follow `next` and `previous` (also in the `Link` header).',
        tags,
        security: AUTHENTICATED,
        querystring: ItemListQueryV2,
        response: { 200: ItemPageV2, 304: NotModified, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const { active = 'true', search, ordering } = request.query;
      const page = await listItemsByCursor(
        ctxOf(request),
        { active: activeFilters[active], search, ordering },
        keysetRequestOf(request),
      );
      return answerKeysetPage(request, reply, page, (row) => toItemV2(row, request));
    },
  );

  app.post(
    '/items/',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'createItem',
        summary: 'Add an item to the catalogue',
        description: `${ADMINS_ONLY} A SKU another item has, in any case, is 409 \`sku_taken\`.`,
        tags,
        security: AUTHENTICATED,
        body: CreateItemBody,
        response: { 201: ItemV2, ...problemResponses(403, 409, 503) },
      },
    },
    async (request, reply) => {
      refuseReadOnlyFields(request.body, itemReadOnlyFields);
      const { sku, name, unit_price } = request.body;
      const row = await createItem(itemsCtxOf(request), {
        ...itemInput(request.body),
        sku,
        name,
        unitPrice: unit_price,
      });
      const item = withVersion(reply, row.version, toItemV2(row, request));
      reply.code(201).header('location', item.url);
      return item;
    },
  );

  app.get(
    '/items/:id/',
    {
      config: { jsonLd: itemLd },
      schema: {
        operationId: 'getItem',
        summary: 'Get a catalogue item',
        description: 'Archived items too.',
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        response: { 200: ItemV2, 304: NotModified, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const row = await getItem(ctxOf(request), request.params.id);
      return readWithVersion(reply, row.version, () => toItemV2(row, request));
    },
  );

  for (const [method, body, operationId, summary, description] of [
    [
      'PUT',
      ReplaceItemBody,
      'replaceItem',
      'Replace a catalogue item',
      'Every writable field is required (`description` may be null).',
    ],
    [
      'PATCH',
      UpdateItemBody,
      'updateItem',
      'Change some fields of a catalogue item',
      'JSON merge patch (RFC 7396); `active: false` archives the item.',
    ],
  ] as const) {
    app.route({
      method,
      url: '/items/:id/',
      config: { ifMatch: true },
      schema: {
        operationId,
        summary,
        description:
          `${ADMINS_ONLY} ${description} Orders placed already keep the name, price and currency they copied. ` +
          'Read-only fields may be sent back unchanged.',
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        body,
        response: { 200: ItemV2, ...problemResponses(403, 409, 503) },
      },
      handler: async (request, reply) => {
        const { id } = request.params;
        const expected = expectedVersions(request);
        await assertEchoedFieldsUnchanged(request.body, itemReadOnlyFields, async () =>
          toItemV2(await getItem(ctxOf(request), id), request),
        );
        const row = await updateItem(ctxOf(request), id, itemInput(request.body), expected);
        return withVersion(reply, row.version, toItemV2(row, request));
      },
    });
  }

  app.delete(
    '/items/:id/',
    {
      config: { ifMatch: true },
      schema: {
        operationId: 'deleteItem',
        summary: 'Delete a catalogue item no order names',
        description:
          `${ADMINS_ONLY} An item that orders name stays: 409 \`item_in_use\` with their \`order_count\`; ` +
          'archive it instead (`active: false`).',
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        response: { 204: { type: 'null', description: 'Deleted.' }, ...problemResponses(403, 409, 503) },
      },
    },
    async (request, reply) => {
      await deleteItem(ctxOf(request), request.params.id, expectedVersions(request));
      return reply.code(204).send(null);
    },
  );
};
