import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { AUTHENTICATED } from '../auth/auth.plugin.js';
import {
  expectedVersions,
  NotModified,
  readPageWithVersion,
  readWithVersion,
  withVersion,
} from '../http/conditional.js';
import { ctxOf } from '../http/context.js';
import { collectionLd } from '../http/jsonld.js';
import { problemResponses } from '../http/problem.js';
import { assertEchoedFieldsUnchanged, refuseReadOnlyFields } from '../http/read-only.js';
import { API_V1, absoluteUrl } from '../http/urls.js';
import { notificationPageV1 } from '../notifications/notifications.routes.v1.js';
import { NotificationListQuery, NotificationPageV1 } from '../notifications/notifications.schemas.js';
import { listNotifications } from '../notifications/notifications.service.js';
import { pageLinks } from '../shared/pagination.js';
import { IdParams } from '../shared/schemas.js';
import { orderLdV1 } from './orders.jsonld.js';
import { ordersCtxOf } from './orders.request.js';
import type { OrderStatus } from './orders.rules.js';
import {
  CreateOrderBody,
  newOrderReadOnlyFields,
  OrderListQuery,
  OrderPageV1,
  OrderV1,
  orderReadOnlyFields,
  ReplaceOrderBody,
  UpdateOrderBody,
} from './orders.schemas.js';
import {
  createOrder,
  deleteOrder,
  getOrder,
  listOrders,
  type OrderRow,
  replaceOrder,
  transitionOrder,
  updateOrder,
} from './orders.service.js';

const orderPath = (id: number) => `${API_V1}/orders/${id}/`;

export function toOrderV1(row: OrderRow, request: FastifyRequest): OrderV1 {
  return {
    id: row.id,
    url: absoluteUrl(request, orderPath(row.id)),
    customer: row.customerId,
    customer_code: row.customerCode,
    item: row.item,
    item_id: row.itemId,
    quantity: row.quantity,
    price_per_unit: row.pricePerUnit,
    currency: row.currency,
    amount: row.amount,
    status: row.status,
    time_placed: row.timePlaced.toISOString(),
    owner: row.ownerId,
    updated_at: row.updatedAt.toISOString(),
  };
}

/** The writable fields of a v1 body, in domain terms (absent stays absent). */
function orderInput(body: {
  customer?: number;
  customer_code?: string;
  item?: string;
  quantity?: number;
  price_per_unit?: string;
  status?: OrderStatus;
}) {
  return {
    customerId: body.customer,
    customerCode: body.customer_code,
    item: body.item,
    quantity: body.quantity,
    pricePerUnit: body.price_per_unit,
    status: body.status,
  };
}

const tags = ['orders'];

export const ordersRoutesV1: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/orders/',
    {
      config: { jsonLd: collectionLd(orderLdV1) },
      schema: {
        operationId: 'listOrders',
        summary: 'List orders',
        description:
          'Newest first by default. Staff see their own orders; admins see all and may filter by `owner`. ' +
          '`item_id` lists the orders of one catalogue item.',
        tags,
        security: AUTHENTICATED,
        querystring: OrderListQuery,
        response: { 200: OrderPageV1, 304: NotModified, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const {
        limit,
        offset,
        owner,
        customer,
        customer_code,
        item_id,
        placed_after,
        placed_before,
        status,
        ordering,
      } = request.query;
      const page = await listOrders(
        ctxOf(request),
        {
          status,
          customerId: customer,
          customerCode: customer_code,
          itemId: item_id,
          placedAfter: placed_after === undefined ? undefined : new Date(placed_after),
          placedBefore: placed_before === undefined ? undefined : new Date(placed_before),
          ownerId: owner,
          ordering,
        },
        { limit, offset },
      );
      return readPageWithVersion(reply, page, () => ({
        count: page.count,
        ...pageLinks(absoluteUrl(request, request.url), { limit, offset }, page.count),
        results: page.rows.map((row) => toOrderV1(row, request)),
      }));
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
          'item (`item_id`), whose name, price and currency it copies, or of an `item` priced by hand.',
        tags,
        security: AUTHENTICATED,
        body: CreateOrderBody,
        response: { 201: OrderV1, ...problemResponses(403, 409, 503) },
      },
    },
    async (request, reply) => {
      refuseReadOnlyFields(request.body, newOrderReadOnlyFields);
      const row = await createOrder(ordersCtxOf(request), {
        ...orderInput(request.body),
        itemId: request.body.item_id,
        quantity: request.body.quantity,
      });
      const order = withVersion(reply, row.version, toOrderV1(row, request));
      reply.code(201).header('location', order.url);
      return order;
    },
  );

  app.get(
    '/orders/:id/',
    {
      config: { jsonLd: orderLdV1 },
      schema: {
        operationId: 'getOrder',
        summary: 'Get an order',
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        response: { 200: OrderV1, 304: NotModified, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const row = await getOrder(ctxOf(request), request.params.id);
      return readWithVersion(reply, row.version, () => toOrderV1(row, request));
    },
  );

  for (const [method, body, operationId, summary, change] of [
    ['PUT', ReplaceOrderBody, 'replaceOrder', 'Replace an order', replaceOrder],
    [
      'PATCH',
      UpdateOrderBody,
      'updateOrder',
      'Change some fields of an order (JSON merge patch)',
      updateOrder,
    ],
  ] as const) {
    app.route({
      method,
      url: '/orders/:id/',
      config: { ifMatch: true },
      schema: {
        operationId,
        summary,
        description:
          'Only Pending orders change; `status` may move Pending → Closed | Cancelled. ' +
          'An order keeps its catalogue item (`item_id`) and the name it took from it; its quantity and price may change. ' +
          'Read-only fields may be sent back unchanged.',
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        body,
        response: { 200: OrderV1, ...problemResponses(403, 409, 503) },
      },
      handler: async (request, reply) => {
        const { id } = request.params;
        const expected = expectedVersions(request);
        await assertEchoedFieldsUnchanged(request.body, orderReadOnlyFields, async () =>
          toOrderV1(await getOrder(ctxOf(request), id), request),
        );
        const row = await change(ordersCtxOf(request), id, orderInput(request.body), expected);
        return withVersion(reply, row.version, toOrderV1(row, request));
      },
    });
  }

  app.delete(
    '/orders/:id/',
    {
      config: { ifMatch: true },
      schema: {
        operationId: 'deleteOrder',
        summary: 'Delete a Pending or Cancelled order',
        description:
          'A Closed order is a completed sale and stays on the books: 409 `order_final`. SMS of the order ' +
          'not yet sent are cancelled (status `cancelled`); those sent stay listed under `/notifications/` ' +
          'with the id of the deleted order.',
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        response: { 204: { type: 'null', description: 'Deleted.' }, ...problemResponses(403, 409, 503) },
      },
    },
    async (request, reply) => {
      await deleteOrder(ctxOf(request), request.params.id, expectedVersions(request));
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
          response: { 200: OrderV1, ...problemResponses(403, 409, 503) },
        },
      },
      async (request, reply) => {
        const expected = expectedVersions(request);
        const row = await transitionOrder(ordersCtxOf(request), request.params.id, status, expected);
        return withVersion(reply, row.version, toOrderV1(row, request));
      },
    );
  }

  app.get(
    '/orders/:id/notifications/',
    {
      schema: {
        operationId: 'listOrderNotifications',
        summary: 'List the notifications of an order',
        tags: ['notifications'],
        security: AUTHENTICATED,
        params: IdParams,
        querystring: NotificationListQuery,
        response: { 200: NotificationPageV1, 304: NotModified, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const { limit, offset, status } = request.query;
      const ctx = ctxOf(request);
      const order = await getOrder(ctx, request.params.id);
      const page = await listNotifications(ctx, { status, orderId: order.id }, { limit, offset });
      return notificationPageV1(request, reply, page, { limit, offset });
    },
  );
};
