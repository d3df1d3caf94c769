import { randomInt } from 'node:crypto';

// Letters and digits that cannot be misread for one another (no I/1, O/0).
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function generateCustomerCode(): string {
  return Array.from({ length: 5 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** Codes are case-insensitive and stored upper-case; an absent code stays absent. */
export function normaliseCode(code: string): string;
export function normaliseCode(code: string | undefined): string | undefined;
export function normaliseCode(code: string | undefined): string | undefined {
  return code?.toUpperCase();
}

/** How a customer is named where one name is shown (an order's customer, in v2). */
export const fullName = (customer: { firstName: string; secondName: string }): string =>
  `${customer.firstName} ${customer.secondName}`;
