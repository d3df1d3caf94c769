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
