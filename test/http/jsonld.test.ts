import jsonld from 'jsonld';
import { describe, expect, test } from 'vitest';
import {
  CUSTOMERS,
  customerUrl,
  expectProblem,
  ORDERS,
  orderUrl,
  postCustomer,
  postOrder,
  signIn,
} from '../helpers/api.js';
import { type OpenTestApp, useTestApp } from '../helpers/app.js';
import type { ApiResponse } from '../helpers/http.js';

const t = useTestApp();

const LD = { accept: 'application/ld+json' };
const SCHEMA = 'https://schema.org/';
const HYDRA = 'http://www.w3.org/ns/hydra/core#';

/**
 * A JSON-LD processor that fetches nothing from the internet: the context URL our documents name is
 * answered by the app itself, and any other URL fails the test.
 */
function loaderFor(app: OpenTestApp['app']) {
  return async (url: string) => {
    const { pathname, origin } = new URL(url);
    if (origin !== 'http://localhost') throw new Error(`The processor tried to load ${url}`);
    const response = await app.inject({ method: 'GET', url: pathname });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/ld\+json/);
    return { contextUrl: undefined, documentUrl: url, document: response.json() };
  };
}

/** The expanded form of a JSON-LD response (one node per top-level object). */
async function expand(response: ApiResponse) {
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/ld\+json/);
  return jsonld.expand(response.json(), { documentLoader: loaderFor(t.app) as never });
}

/** The single IRI or literal value of `property` on an expanded node. */
function single(node: Record<string, unknown>, property: string): unknown {
  const values = node[property] as { '@id'?: string; '@value'?: unknown }[] | undefined;
  expect(values, `${property} in ${JSON.stringify(node)}`).toHaveLength(1);
  const [value] = values as { '@id'?: string; '@value'?: unknown }[];
  return value?.['@id'] ?? value?.['@value'];
}

const nodeOf = (node: Record<string, unknown>, property: string) =>
  (node[property] as Record<string, unknown>[])[0] as Record<string, unknown>;

describe('JSON-LD on request', () => {
  test('when a customer is read with Accept: application/ld+json, then it expands to a schema.org Person with its URL as @id', async () => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomer(api, { first_name: 'Amina', second_name: 'Otieno' });

    // Act
    const response = await api.get(customerUrl(customer.id), { headers: LD });

    // Assert
    const [person] = await expand(response);
    expect(person?.['@id']).toBe(customer.url);
    expect(person?.['@type']).toEqual([`${SCHEMA}Person`]);
    expect(single(person as never, `${SCHEMA}givenName`)).toBe('Amina');
    expect(single(person as never, `${SCHEMA}familyName`)).toBe('Otieno');
    expect(single(person as never, `${SCHEMA}telephone`)).toBe(customer.phone);
    expect(single(person as never, `${SCHEMA}identifier`)).toBe(customer.code);
    expect(response.headers.vary).toMatch(/Accept/);
  });

  test('when an order is read as JSON-LD, then it is a schema.org Order with its status IRI, customer, OrderItem and prices', async () => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomer(api);
    const order = await postOrder(api, customer.id, {
      item: 'Rice 5kg',
      quantity: 3,
      price_per_unit: '12.50',
    });
    const cancelled = await postOrder(api, customer.id);
    await api.post(`${orderUrl(cancelled.id)}cancel/`);

    // Act
    const pending = await expand(await api.get(orderUrl(order.id), { headers: LD }));
    const [gone] = await expand(await api.get(orderUrl(cancelled.id), { headers: LD }));

    // Assert
    const [node] = pending as Record<string, unknown>[];
    expect(node?.['@id']).toBe(order.url);
    expect(node?.['@type']).toEqual([`${SCHEMA}Order`]);
    expect(single(node as never, `${SCHEMA}orderNumber`)).toBe(String(order.id));
    expect(single(node as never, `${SCHEMA}orderStatus`)).toBe(`${SCHEMA}OrderProcessing`);
    expect(single(gone as never, `${SCHEMA}orderStatus`)).toBe(`${SCHEMA}OrderCancelled`);
    expect(nodeOf(node as never, `${SCHEMA}customer`)['@id']).toBe(customer.url);
    const item = nodeOf(node as never, `${SCHEMA}orderedItem`);
    expect(item['@type']).toEqual([`${SCHEMA}OrderItem`]);
    expect(single(item, `${SCHEMA}orderQuantity`)).toBe(3);
    expect(single(nodeOf(item, `${SCHEMA}orderedItem`), `${SCHEMA}name`)).toBe('Rice 5kg');
    const price = nodeOf(item, `${SCHEMA}priceSpecification`);
    expect(price['@type']).toEqual([`${SCHEMA}PriceSpecification`]);
    expect(single(price, `${SCHEMA}price`)).toBe('12.50');
    expect(single(price, `${SCHEMA}priceCurrency`)).toBe('KES');
    expect(single(nodeOf(node as never, `${SCHEMA}totalPaymentDue`), `${SCHEMA}price`)).toBe('37.50');
  });

  test('when a list is read as JSON-LD, then it is a Hydra collection of its members with the page links', async () => {
    // Arrange
    const { api } = await signIn(t);
    const first = await postCustomer(api);
    const second = await postCustomer(api);

    // Act
    const response = await api.get(`${CUSTOMERS}?limit=1`, { headers: LD });

    // Assert
    const [collection] = (await expand(response)) as Record<string, unknown>[];
    expect(collection?.['@type']).toEqual([`${HYDRA}Collection`]);
    expect(single(collection as never, `${HYDRA}totalItems`)).toBe(2);
    const members = collection?.[`${HYDRA}member`] as Record<string, unknown>[];
    expect(members.map((member) => member['@id'])).toEqual([first.url]);
    expect(members[0]?.['@type']).toEqual([`${SCHEMA}Person`]);
    const view = nodeOf(collection as never, `${HYDRA}view`);
    expect(view['@type']).toEqual([`${HYDRA}PartialCollectionView`]);
    expect(single(view, `${HYDRA}next`)).toBe(response.json().view.next);
    expect(response.json().view.next).toContain('offset=1');
    expect(second.url).not.toBe(first.url);
  });

  test('when catalogue items are read as JSON-LD, then each is a schema.org Product with an Offer, and an order links its Product', async () => {
    // Arrange
    const { api: admin } = await signIn(t, 'admin');
    const { api } = await signIn(t);
    const created = await admin.post('/api/v1/items/', {
      sku: 'RICE-5',
      name: 'Rice 5kg',
      unit_price: '9.90',
      currency: 'USD',
    });
    expect(created.statusCode, created.body).toBe(201);
    const archived = await admin.post('/api/v1/items/', {
      sku: 'OLD-1',
      name: 'Paraffin',
      unit_price: '1.00',
    });
    await admin.patch(`/api/v1/items/${archived.data.id}/`, { active: false });
    const customer = await postCustomer(api);
    const order = await postOrder(api, customer.id, {
      item: undefined,
      price_per_unit: undefined,
      item_id: created.data.id,
    });

    // Act
    const [product] = await expand(await api.get(`/api/v1/items/${created.data.id}/`, { headers: LD }));
    const [gone] = await expand(await api.get(`/api/v1/items/${archived.data.id}/`, { headers: LD }));
    const [ordered] = await expand(await api.get(orderUrl(order.id), { headers: LD }));
    const [productV2] = await expand(await api.get(`/api/v2/items/${created.data.id}/`, { headers: LD }));
    const [orderedV2] = await expand(await api.get(`/api/v2/orders/${order.id}/`, { headers: LD }));

    // Assert
    expect(product?.['@id']).toBe(created.data.url);
    expect(product?.['@type']).toEqual([`${SCHEMA}Product`]);
    expect(single(product as never, `${SCHEMA}sku`)).toBe('RICE-5');
    const offer = nodeOf(product as never, `${SCHEMA}offers`);
    expect(offer['@type']).toEqual([`${SCHEMA}Offer`]);
    expect(single(offer, `${SCHEMA}price`)).toBe('9.90');
    expect(single(offer, `${SCHEMA}priceCurrency`)).toBe('USD');
    expect(single(offer, `${SCHEMA}availability`)).toBe(`${SCHEMA}InStock`);
    expect(single(nodeOf(gone as never, `${SCHEMA}offers`), `${SCHEMA}availability`)).toBe(
      `${SCHEMA}Discontinued`,
    );
    const line = nodeOf(ordered as never, `${SCHEMA}orderedItem`);
    expect(nodeOf(line, `${SCHEMA}orderedItem`)['@id']).toBe(created.data.url);
    expect(single(nodeOf(line, `${SCHEMA}priceSpecification`), `${SCHEMA}priceCurrency`)).toBe('USD');
    expect(productV2?.['@id']).toBe(`http://localhost/api/v2/items/${created.data.id}/`);
    expect(single(nodeOf(productV2 as never, `${SCHEMA}offers`), `${SCHEMA}price`)).toBe('9.90');
    const lineV2 = nodeOf(orderedV2 as never, `${SCHEMA}orderedItem`);
    expect(nodeOf(lineV2, `${SCHEMA}orderedItem`)['@id']).toBe(productV2?.['@id']);
    expect(single(nodeOf(lineV2, `${SCHEMA}orderedItem`), `${SCHEMA}sku`)).toBe('RICE-5');
  });

  test('when v2 orders are read as JSON-LD, then each Order has its v2 @id and its customer inline, and the page links to the next by cursor', async () => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomer(api, { first_name: 'Efua', second_name: 'Mensah' });
    const first = await postOrder(api, customer.id, { item: 'Tea leaves 500g', price_per_unit: '4.20' });
    await postOrder(api, customer.id);

    // Act
    const [order] = await expand(await api.get(`/api/v2/orders/${first.id}/`, { headers: LD }));
    const page = await api.get('/api/v2/orders/?limit=1', { headers: LD });
    const counted = await api.get('/api/v2/orders/?limit=1&count=true', { headers: LD });

    // Assert
    expect(order?.['@id']).toBe(`http://localhost/api/v2/orders/${first.id}/`);
    expect(order?.['@type']).toEqual([`${SCHEMA}Order`]);
    const person = nodeOf(order as never, `${SCHEMA}customer`);
    expect(person['@id']).toBe(`http://localhost/api/v2/customers/${customer.id}/`);
    expect(single(person, `${SCHEMA}name`)).toBe('Efua Mensah');
    const line = nodeOf(order as never, `${SCHEMA}orderedItem`);
    expect(single(nodeOf(line, `${SCHEMA}orderedItem`), `${SCHEMA}name`)).toBe('Tea leaves 500g');
    const [collection] = (await expand(page)) as Record<string, unknown>[];
    expect(collection?.[`${HYDRA}totalItems`]).toBeUndefined();
    const next = single(nodeOf(collection as never, `${HYDRA}view`), `${HYDRA}next`) as string;
    expect(new URL(next).searchParams.get('cursor')).toBeTruthy();
    const [withCount] = (await expand(counted)) as Record<string, unknown>[];
    expect(single(withCount as never, `${HYDRA}totalItems`)).toBe(2);
  });

  test('when the same resource is read as JSON and as JSON-LD, then the ETags differ and each revalidates with 304', async () => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomer(api);
    const asJson = await api.get(customerUrl(customer.id));
    const asLd = await api.get(customerUrl(customer.id), { headers: LD });

    // Act
    const ldAgain = await api.get(customerUrl(customer.id), {
      headers: { ...LD, 'if-none-match': asLd.headers.etag as string },
    });
    const jsonWithLdTag = await api.get(customerUrl(customer.id), {
      headers: { 'if-none-match': asLd.headers.etag as string },
    });
    const listAsLd = await api.get(ORDERS, { headers: LD });
    const listAsJson = await api.get(ORDERS);

    // Assert
    expect(asJson.headers.etag).not.toBe(asLd.headers.etag);
    expect(ldAgain.statusCode).toBe(304);
    expect(jsonWithLdTag.statusCode).toBe(200);
    expect(listAsLd.headers.etag).not.toBe(listAsJson.headers.etag);
  });

  test('when a change names the ETag of the JSON-LD representation in If-Match, then it applies to that version', async () => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomer(api);
    const asLd = await api.get(customerUrl(customer.id), { headers: LD });

    // Act
    const response = await api.patch(
      customerUrl(customer.id),
      { first_name: 'Baraka' },
      {
        headers: { 'if-match': asLd.headers.etag as string },
      },
    );

    // Assert
    expect(response.statusCode, response.body).toBe(200);
  });

  test('when JSON is preferred or anything is accepted, then JSON; when only other types are, then 406', async () => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomer(api);

    // Act
    const preferJson = await api.get(customerUrl(customer.id), {
      headers: { accept: 'application/json, application/ld+json;q=0.5' },
    });
    const any = await api.get(customerUrl(customer.id), { headers: { accept: '*/*' } });
    const xml = await api.get(customerUrl(customer.id), { headers: { accept: 'application/xml' } });
    const ldOnNotifications = await api.get('/api/v1/notifications/', { headers: LD });

    // Assert
    expect(preferJson.headers['content-type']).toMatch(/^application\/json/);
    expect(any.headers['content-type']).toMatch(/^application\/json/);
    expectProblem(xml, 406, 'not_acceptable');
    expectProblem(ldOnNotifications, 406, 'not_acceptable');
  });

  test('when the context is fetched, then it is JSON-LD served by the API itself, cacheable', async () => {
    // Act
    const response = await t.app.inject({ method: 'GET', url: '/api/contexts/orderly.jsonld' });

    // Assert
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/ld\+json/);
    expect(response.headers['cache-control']).toContain('max-age=');
    expect(response.json()['@context'].Order).toBe('schema:Order');
  });
});
