import { orderStatuses } from '../db/schema.js';
import { AppError } from '../shared/errors.js';

export type OrderStatus = (typeof orderStatuses)[number];
export { orderStatuses };

/** The whole status machine: Pending → Closed | Cancelled; Closed and Cancelled are final. */
const nextStatuses: Record<OrderStatus, readonly OrderStatus[]> = {
  Pending: ['Closed', 'Cancelled'],
  Closed: [],
  Cancelled: [],
};

export const isFinal = (status: OrderStatus) => nextStatuses[status].length === 0;

/** Statuses from which `to` can be reached in one step. */
export const statusesLeadingTo = (to: OrderStatus) =>
  orderStatuses.filter((from) => nextStatuses[from].includes(to));

export function invalidTransition(id: number, from: OrderStatus, to: OrderStatus): AppError {
  const allowed = nextStatuses[from];
  return new AppError(
    'invalid_transition',
    `Order ${id} is ${from}; it cannot become ${to}.` +
      (allowed.length > 0 ? ` Allowed: ${allowed.join(', ')}.` : ` ${from} is final.`),
    { current_status: from, requested_status: to, allowed_statuses: [...allowed] },
  );
}

/** Throws unless `from → to` is a permitted step (staying in the same status is always permitted). */
export function assertTransition(id: number, from: OrderStatus, to: OrderStatus): void {
  if (from !== to && !nextStatuses[from].includes(to)) throw invalidTransition(id, from, to);
}

export function orderFinal(id: number, status: OrderStatus): AppError {
  return new AppError('order_final', `Order ${id} is ${status}; only Pending orders can be changed.`, {
    current_status: status,
  });
}

/** Orders that may be deleted: a Closed order is a completed sale and stays on the books. */
export const deletableStatuses: readonly OrderStatus[] = ['Pending', 'Cancelled'];

export function orderNotDeletable(id: number, status: OrderStatus): AppError {
  return new AppError('order_final', `Order ${id} is ${status}: a completed sale stays on the books.`, {
    current_status: status,
  });
}
