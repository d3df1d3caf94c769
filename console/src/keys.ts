/** TanStack Query keys, one root per resource, so that a change invalidates everything shown of it. */
export const keys = {
  me: ['me'] as const,
  signIn: ['sign-in'] as const,
  customers: ['customers'] as const,
  customerList: (filters: object) => ['customers', 'list', filters] as const,
  customer: (id: number) => ['customers', 'detail', id] as const,
  customerLabel: (id: number) => ['customers', 'label', id] as const,
  items: ['items'] as const,
  itemList: (filters: object) => ['items', 'list', filters] as const,
  itemLabel: (id: number) => ['items', 'label', id] as const,
  orders: ['orders'] as const,
  orderList: (filters: object) => ['orders', 'list', filters] as const,
  order: (id: number) => ['orders', 'detail', id] as const,
  notifications: ['notifications'] as const,
  orderNotifications: (id: number) => ['notifications', 'order', id] as const,
};
