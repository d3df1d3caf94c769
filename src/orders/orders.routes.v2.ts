import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AUTHENTICATED } from '../auth/auth.plugin.js';
import { customerPathV2 } from '../customers/customers.routes.v2.js';
import { fullName } from '../customers/customers.rules.js';
import {
  etagOfVersions,
  expectedVersionsOf,
  NotModified,
  readWithEtag,
  withEtag,
} from '../http/conditional.js';
import { ctxOf } from '../http/context.js';
import { answerKeysetPage, keysetRequestOf } from '../http/cursor-pages.js';
import { collectionLd } from '../http/jsonld.js';
import { problemResponses, withFieldNames } from '../http/problem.js';
import { assertEchoedFieldsUnchanged, refuseReadOnlyFields } from '../http/read-only.js';
import { API_V2, absoluteUrl, type LinkBase } from '../http/urls.js';
import { itemPathV2 } from '../items/items.routes.v2.js';
import { toNotificationV2 } from '../notifications/notifications.routes.v2.js';
import { NotificationListQueryV2, NotificationPageV2 } from '../notifications/notifications.schemas.js';
import { listNotificationsByCursor } from '../notifications/notifications.service.js';
import { parseOrdering } from '../shared/pagination.js';
import { IdParams } from '../shared/schemas.js';
import { orderLdV2 } from './orders.jsonld.js';
import { ordersCtxOf } from './orders.request.js';
import {
  CreateOrderBodyV2,
  OrderListQueryV2,
  OrderPageV2,
  OrderV2,
  orderReadOnlyFieldsV2,
  orderSortFieldsV2,
  UpdateOrderBodyV2,
} from './orders.schemas.js';
import {
  createOrder,
  deleteOrder,
  getOrder,
  getOrderView,
  listOrderViewsByCursor,
  type OrderView,
  transitionOrder,
  updateOrder,
} from './orders.service.js';

export const orderPathV2 = (id: number) => `${API_V2}/orders/${id}/`;

/** The domain names fields as v1 does; v2 names these differently. */
const fieldNamesV2 = { item: 'item_name', price_per_unit: 'unit_price', item_id: 'item' };

export function toOrderV2(view: OrderView, base: LinkBase): OrderV2 {
  return {
    id: view.id,
    url: absoluteUrl(base, orderPathV2(view.id)),
    customer: {
      id: view.customerId,
      url: absoluteUrl(base, customerPathV2(view.customerId)),
      code: view.customerCode,
      name: fullName({ firstName: view.customerFirstName, secondName: view.customerSecondName }),
    },
    item:
      view.itemId === null
        ? null
        : {
            id: view.itemId,
            url: absoluteUrl(base, itemPathV2(view.itemId)),
            sku: view.itemSku ?? '',
            name: view.itemName ?? '',
          },
    item_name: view.item,
    quantity: view.quantity,
    unit_price: view.pricePerUnit,
    total: view.amount,
    currency: view.currency,
    status: view.status,
    placed_at: view.timePlaced.toISOString(),
    updated_at: view.updatedAt.toISOString(),
    owner: view.ownerId,
  };
}

/**
 * A v2 order shows its customer's name and its item's SKU and name: its ETag moves with their versions too
 * (`"order.customer.item"`), so a 304 never hides a renamed customer.
 */
export const etagOfOrderV2 = (view: OrderView): string =>
  etagOfVersions([view.version, view.customerVersion, view.itemVersion]);

/** `ordering` in v2 field names → the same ordering in the domain's (400 for an unknown field). */
function domainOrdering(ordering: string | undefined): string | undefined {
  if (ordering === undefined) return undefined;
  const fields = Object.keys(orderSortFieldsV2) as (keyof typeof orderSortFieldsV2)[];
  return parseOrdering(ordering, fields, [])
    .map((key) => `${key.descending ? '-' : ''}${orderSortFieldsV2[key.field]}`)
    .join(',');
}

/**
 * If-Match on a v2 order names its composite ETag: the change may apply to the order's version that ETag was
 * made from (the domain still checks that version in the change's own statement).
 */
const expectedOrderVersions = (request: FastifyRequest, id: number) =>
  expectedVersionsOf(request, async () => {
    const current = await getOrderView(ctxOf(request), id);
    return { version: current.version, etag: etagOfOrderV2(current) };
  });

/** The order as v2 shows it after a change, read in the change's transaction when it has one. */
async function answerOrder(request: FastifyRequest, reply: FastifyReply, id: number) {
  const view = await getOrderView(ctxOf(request), id);
  return withEtag(reply, etagOfOrderV2(view), toOrderV2(view, request));
}

const tags = ['orders'];

/** Orders in v2: money with its currency, customer and item inline; the same order service as v1. */
export const ordersRoutesV2: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/orders/',
    {
      config: { jsonLd: collectionLd(orderLdV2) },
      schema: {
        operationId: 'listOrders',
        summary: 'List orders',
        description:
          'Newest first by default. Staff see their own orders; admins see all and may filter by `owner`. ' +
          'A keyset page: follow `next` and `previous` (also in the `Link` header); deep pages cost what the first does.',
        tags,
        security: AUTHENTICATED,
        querystring: OrderListQueryV2,
        response: { 200: OrderPageV2, 304: NotModified, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const { owner, customer, customer_code, item, placed_after, placed_before, status, ordering } =
        request.query;
      const page = await listOrderViewsByCursor(
        ctxOf(request),
        {
          status,
          customerId: customer,
          customerCode: customer_code,
          itemId: item,
          placedAfter: placed_after === undefined ? undefined : new Date(placed_after),
          placedBefore: placed_before === undefined ? undefined : new Date(placed_before),
          ownerId: owner,
          ordering: domainOrdering(ordering),
        },
        keysetRequestOf(request),
      );
      return answerKeysetPage(request, reply, page, (row) => toOrderV2(row, request), etagOfOrderV2);
    },
  );

  app.post(
    '/orders/',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'createOrder',
        summary: 'Place an order',
        description:
          'For a customer the caller can see, named by `customer`, `customer_code` or both; of a catalogue ' +
          'item (`item`), whose name, price and currency it copies (`unit_price` overrides the price), or of an ' +
          'item as free text (`item_name`) priced by `unit_price` in `currency` (default: the server’s ' +
          'DEFAULT_CURRENCY). An archived item is 409 `item_archived`; an unknown one 404.',
        tags,
        security: AUTHENTICATED,
        body: CreateOrderBodyV2,
        response: { 201: OrderV2, ...problemResponses(403, 409, 503) },
      },
    },
    async (request, reply) => {
      refuseReadOnlyFields(
        request.body,
        orderReadOnlyFieldsV2.filter((field) => field !== 'currency'),
      );
      const { customer, customer_code, item, item_name, quantity, unit_price, currency } = request.body;
      const row = await withFieldNames(fieldNamesV2, () =>
        createOrder(ordersCtxOf(request), {
          customerId: customer,
          customerCode: customer_code,
          itemId: item,
          item: item_name,
          quantity,
          pricePerUnit: unit_price,
          currency,
        }),
      );
      const order = await answerOrder(request, reply, row.id);
      reply.code(201).header('location', order.url);
      return order;
    },
  );

  app.get(
    '/orders/:id/',
    {
      config: { jsonLd: orderLdV2 },
      schema: {
        operationId: 'getOrder',
        summary: 'Get an order',
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        response: { 200: OrderV2, 304: NotModified, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const view = await getOrderView(ctxOf(request), request.params.id);
      return readWithEtag(reply, etagOfOrderV2(view), () => toOrderV2(view, request));
    },
  );

  app.patch(
    '/orders/:id/',
    {
      config: { ifMatch: true },
      schema: {
        operationId: 'updateOrder',
        summary: 'Change some fields of an order (JSON merge patch)',
        description:
          'Only Pending orders change. Close or cancel with the actions. An order keeps its catalogue item ' +
          '(`item`, sent back as its id or null) and the name it took from it. Read-only fields may be sent back unchanged.',
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        body: UpdateOrderBodyV2,
        response: { 200: OrderV2, ...problemResponses(403, 409, 503) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const expected = await expectedOrderVersions(request, id);
      // `item` is shown as an object and may be sent back as its id (as `customer` is), never changed.
      await assertEchoedFieldsUnchanged(request.body, [...orderReadOnlyFieldsV2, 'item'], async () => {
        const current = toOrderV2(await getOrderView(ctxOf(request), id), request);
        return { ...current, item: current.item?.id ?? null };
      });
      const { customer, customer_code, item_name, quantity, unit_price } = request.body;
      const changes = {
        customerId: customer,
        customerCode: customer_code,
        item: item_name,
        quantity,
        pricePerUnit: unit_price,
      };
      await withFieldNames(fieldNamesV2, () => updateOrder(ordersCtxOf(request), id, changes, expected));
      return answerOrder(request, reply, id);
    },
  );

  app.delete(
    '/orders/:id/',
    {
      config: { ifMatch: true },
      schema: {
        operationId: 'deleteOrder',
        summary: 'Delete a Pending or Cancelled order',
        description:
          'A Closed order is a completed sale and stays on the books: 409 `order_final`. SMS of the order ' +
          'not yet sent are cancelled (status `cancelled`); those sent stay listed under `/notifications/`.',
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        response: { 204: { type: 'null', description: 'Deleted.' }, ...problemResponses(403, 409, 503) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await deleteOrder(ctxOf(request), id, await expectedOrderVersions(request, id));
      return reply.code(204).send(null);
    },
  );

  for (const [action, status] of [
    ['close', 'Closed'],
    ['cancel', 'Cancelled'],
  ] as const) {
    app.post(
      `/orders/:id/${action}/`,
      {
        config: { ifMatch: true, idempotent: true },
        schema: {
          operationId: `${action}Order`,
          summary: `${status === 'Closed' ? 'Close' : 'Cancel'} a Pending order`,
          description: `Pending → ${status}. Any other current status is 409 \`invalid_transition\`.`,
          tags,
          security: AUTHENTICATED,
          params: IdParams,
          response: { 200: OrderV2, ...problemResponses(403, 409, 503) },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const expected = await expectedOrderVersions(request, id);
        await transitionOrder(ordersCtxOf(request), id, status, expected);
        return answerOrder(request, reply, id);
      },
    );
  }

  app.get(
    '/orders/:id/notifications/',
    {
      schema: {
        operationId: 'listOrderNotifications',
        summary: 'List the notifications of an order',
        description: 'Newest first, a keyset page like every v2 list.',
        tags: ['notifications'],
        security: AUTHENTICATED,
        params: IdParams,
        querystring: NotificationListQueryV2,
        response: { 200: NotificationPageV2, 304: NotModified, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const order = await getOrder(ctx, request.params.id);
      const page = await listNotificationsByCursor(
        ctx,
        { status: request.query.status, orderId: order.id },
        keysetRequestOf(request),
      );
      return answerKeysetPage(request, reply, page, (row) => toNotificationV2(row, request));
    },
  );
};
