import { expect } from 'vitest';
import type { Role } from '../../src/auth/actor.js';
import type { OpenTestApp } from './app.js';
import { createUserWithToken, customerBody, itemBody, orderBody, type TestUser } from './factories.js';
import { type ApiResponse, client } from './http.js';

export const CUSTOMERS = '/api/v1/customers/';
export const ORDERS = '/api/v1/orders/';
export const ITEMS = '/api/v1/items/';
export const customerUrl = (id: number | string) => `${CUSTOMERS}${id}/`;
export const orderUrl = (id: number | string) => `${ORDERS}${id}/`;
export const itemUrl = (id: number | string) => `${ITEMS}${id}/`;

/** A client for one caller (see `client`): every response is checked against the published contract. */
export type Api = ReturnType<typeof client>;

/** A new user of `role` with a real token, and a client that sends it. */
export async function signIn(t: OpenTestApp, role: Role = 'staff'): Promise<{ user: TestUser; api: Api }> {
  const user = await createUserWithToken(t.deps.database.db, role);
  return { user, api: client(t.app, user.token) };
}

/** A customer created over HTTP by `api` (asserted 201), as the API returned it. */
export async function postCustomer(api: Api, overrides: Record<string, unknown> = {}) {
  const response = await api.post(CUSTOMERS, customerBody(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.data;
}

/** An order for `customerId` placed over HTTP by `api` (asserted 201), as the API returned it. */
export async function postOrder(api: Api, customerId: number, overrides: Record<string, unknown> = {}) {
  const response = await api.post(ORDERS, orderBody(customerId, overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.data;
}

/** A catalogue item created over HTTP by `api`, an admin's (asserted 201), as the API returned it. */
export async function postItem(api: Api, overrides: Record<string, unknown> = {}) {
  const response = await api.post(ITEMS, itemBody(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.data;
}

/** A PATCH whose `payload` is sent byte for byte as application/merge-patch+json (RFC 7396). */
export const mergePatch = (api: Api, url: string, payload: string) =>
  api.send({ method: 'PATCH', url, headers: { 'content-type': 'application/merge-patch+json' }, payload });

/** Asserts a problem+json response with this status and error code (in the body and X-API-Error-Code). */
export function expectProblem(response: ApiResponse, status: number, error: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.data).toMatchObject({ status, error });
  expect(response.headers['x-api-error-code']).toBe(error);
}

/** The ids of a list page's results, in order. */
export const ids = (response: ApiResponse): number[] =>
  (response.data.results as { id: number }[]).map((row) => row.id);

export const V2 = '/api/v2/';
export const CUSTOMERS_V2 = '/api/v2/customers/';
export const ORDERS_V2 = '/api/v2/orders/';
export const NOTIFICATIONS_V2 = '/api/v2/notifications/';
export const ITEMS_V2 = '/api/v2/items/';
export const customerUrlV2 = (id: number | string) => `${CUSTOMERS_V2}${id}/`;
export const orderUrlV2 = (id: number | string) => `${ORDERS_V2}${id}/`;
export const itemUrlV2 = (id: number | string) => `${ITEMS_V2}${id}/`;

/** The path and query of an absolute link the API returned (a v2 `next`, `previous` or `url`). */
export const pathOf = (link: string): string => {
  const url = new URL(link);
  return url.pathname + url.search;
};

/** A customer created over HTTP by `api` through v2 (asserted 201), as the API returned it. */
export async function postCustomerV2(api: Api, overrides: Record<string, unknown> = {}) {
  const response = await api.post(CUSTOMERS_V2, customerBody(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.data;
}

/** A catalogue item created over HTTP through v2 by `api`, an admin's (asserted 201), as the API returned it. */
export async function postItemV2(api: Api, overrides: Record<string, unknown> = {}) {
  const response = await api.post(ITEMS_V2, itemBody(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.data;
}

/** The links of an RFC 8288 Link header, by relation. */
export function linksOf(response: ApiResponse): Record<string, string> {
  const header = String(response.headers.link ?? '');
  return Object.fromEntries(
    [...header.matchAll(/<([^>]*)>\s*;\s*rel="([^"]+)"/g)].map(([, url, rel]) => [
      rel as string,
      url as string,
    ]),
  );
}

/**
 * Every page of a v2 list, following `next` from `url` (or `previous` with `backwards`), with `between`
 * run after each page (e.g. to insert rows while the walk goes on). Asserts each page's Link header.
 */
export async function walkPages(
  api: Api,
  url: string,
  options: { backwards?: boolean; between?: () => Promise<void> } = {},
): Promise<ApiResponse[]> {
  const pages: ApiResponse[] = [];
  let next: string | null = url;
  while (next) {
    const page: ApiResponse = await api.get(next);
    expect(page.statusCode, page.body).toBe(200);
    const links = linksOf(page);
    expect(links.next ?? null).toBe(page.data.next);
    expect(links.prev ?? null).toBe(page.data.previous);
    pages.push(page);
    next = options.backwards ? page.data.previous : page.data.next;
    if (next) next = pathOf(next);
    await options.between?.();
    if (pages.length > 10_000) throw new Error('walkPages: no end in sight');
  }
  return pages;
}
