import type { FastifyRequest } from 'fastify';
import type { LdNode } from '../http/jsonld.js';
import { API_V1, absoluteUrl } from '../http/urls.js';
import type { OrderStatus } from './orders.rules.js';
import type { OrderV1, OrderV2 } from './orders.schemas.js';

/** schema.org's OrderStatus values (terms of the API's context) for our statuses. */
const orderStatusLd: Record<OrderStatus, string> = {
  Pending: 'OrderProcessing',
  Closed: 'OrderDelivered',
  Cancelled: 'OrderCancelled',
};

/** An amount of money as a schema.org PriceSpecification: the decimal string stays a string. */
const priceLd = (price: string, currency: string): LdNode => ({
  '@type': 'PriceSpecification',
  price,
  priceCurrency: currency,
});

/** The parts of an order every version represents, in schema.org terms. */
interface OrderFacts {
  url: string;
  id: number;
  placedAt: string;
  updatedAt: string;
  status: OrderStatus;
  customer: LdNode;
  product: LdNode;
  quantity: number;
  unitPrice: string;
  total: string;
  currency: string;
}

/** An order as a schema.org Order: one OrderItem with its quantity and unit price, and the total due. */
export function orderLd(order: OrderFacts): LdNode {
  return {
    '@id': order.url,
    '@type': 'Order',
    orderNumber: String(order.id),
    orderDate: order.placedAt,
    dateModified: order.updatedAt,
    orderStatus: orderStatusLd[order.status],
    customer: order.customer,
    orderedItem: {
      '@type': 'OrderItem',
      orderQuantity: order.quantity,
      orderedItem: order.product,
      priceSpecification: priceLd(order.unitPrice, order.currency),
    },
    totalPaymentDue: priceLd(order.total, order.currency),
  };
}

/** A v1 order (which names its customer and item by id) as JSON-LD. */
export function orderLdV1(order: OrderV1, request: FastifyRequest): LdNode {
  return orderLd({
    url: order.url,
    id: order.id,
    placedAt: order.time_placed,
    updatedAt: order.updated_at,
    status: order.status,
    customer: {
      '@id': absoluteUrl(request, `${API_V1}/customers/${order.customer}/`),
      '@type': 'Person',
      identifier: order.customer_code,
    },
    product: {
      ...(order.item_id === null ? {} : { '@id': absoluteUrl(request, `${API_V1}/items/${order.item_id}/`) }),
      '@type': 'Product',
      name: order.item,
    },
    quantity: order.quantity,
    unitPrice: order.price_per_unit,
    total: order.amount,
    currency: order.currency,
  });
}

/** A v2 order (customer and item inline, each with its URL) as JSON-LD. */
export function orderLdV2(order: OrderV2): LdNode {
  return orderLd({
    url: order.url,
    id: order.id,
    placedAt: order.placed_at,
    updatedAt: order.updated_at,
    status: order.status,
    customer: {
      '@id': order.customer.url,
      '@type': 'Person',
      identifier: order.customer.code,
      name: order.customer.name,
    },
    product:
      order.item === null
        ? { '@type': 'Product', name: order.item_name }
        : { '@id': order.item.url, '@type': 'Product', sku: order.item.sku, name: order.item_name },
    quantity: order.quantity,
    unitPrice: order.unit_price,
    total: order.total,
    currency: order.currency,
  });
}
