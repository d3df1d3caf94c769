import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/auth/actor.js';
import { createToken } from '../../src/auth/tokens.service.js';
import { createUser } from '../../src/auth/users.service.js';
import type { Database } from '../../src/db/client.js';

export interface TestUser {
  id: number;
  email: string;
  token: string;
  tokenId: number;
}

/** A new user with a real API token minted by the service. */
export async function createUserWithToken(db: Database, role: Role = 'staff'): Promise<TestUser> {
  const user = await createUser(db, { email: `${role}-${randomUUID()}@example.test`, role });
  const { token, row } = await createToken(db, { userId: user.id, name: 'test' });
  return { id: user.id, email: user.email, token, tokenId: row.id };
}

let phoneCounter = 0;
/** A valid Kenyan mobile number, different on each call. */
export function uniquePhone(): string {
  phoneCounter += 1;
  return `+2547${String(10_000_000 + ((process.pid * 7919 + phoneCounter) % 89_999_999)).padStart(8, '0')}`;
}

export function customerBody(overrides: Record<string, unknown> = {}) {
  return { first_name: 'Amina', second_name: 'Otieno', phone: uniquePhone(), ...overrides };
}

export function orderBody(customer: number, overrides: Record<string, unknown> = {}) {
  return { customer, item: 'Maize flour 2kg', quantity: 3, price_per_unit: '12.50', ...overrides };
}

/** A SKU no other call returns (SKUs are unique across the whole catalogue). */
export function uniqueSku(prefix = 'SKU'): string {
  return `${prefix}-${randomUUID().slice(0, 13)}`;
}

export function itemBody(overrides: Record<string, unknown> = {}) {
  return { sku: uniqueSku(), name: 'Maize flour 2kg', unit_price: '210.00', ...overrides };
}
