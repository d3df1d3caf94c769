import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { api, body, cursorOf, generalError } from '../api';
import { Combobox } from '../components/Combobox';
import { Money } from '../components/Money';
import { Pager } from '../components/Pager';
import { PageTitle } from '../components/PageTitle';
import { ProblemAlert } from '../components/ProblemAlert';
import { TableRegion } from '../components/TableRegion';
import { keys } from '../keys';
import { customerText, itemText, useCustomerSearch, useItemSearch } from './PlaceOrderPage';

const PAGE_SIZE = 20;
const STATUSES = ['Pending', 'Closed', 'Cancelled'] as const;
type Status = (typeof STATUSES)[number];

/** The filters live in the page's query string, so that a filtered list can be reloaded and shared. */
const FILTERS = ['status', 'customer', 'item', 'from', 'to', 'cursor'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

/** Local midnight of a YYYY-MM-DD day (the date inputs' value), plus `days`, as an RFC 3339 instant. */
function dayStart(day: string, days = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days).toISOString();
}

const positive = (value: string | undefined) =>
  value && /^[1-9][0-9]*$/.test(value) ? Number(value) : undefined;

/** The filters of a page address's query string. */
export function filtersOf(search: string): Filters {
  const params = new URLSearchParams(search);
  const filters: Filters = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

/** The list the filters ask for: the page's own query, and what the console fetches as it starts (preload.ts). */
export function orderListQuery(filters: Filters) {
  const customerId = positive(filters.customer);
  const itemId = positive(filters.item);
  const status = STATUSES.find((known) => known === filters.status) as Status | undefined;
  const query = {
    limit: PAGE_SIZE,
    count: false,
    ...(status ? { status } : {}),
    ...(customerId ? { customer: customerId } : {}),
    ...(itemId ? { item: itemId } : {}),
    ...(filters.from ? { placed_after: dayStart(filters.from) } : {}),
    ...(filters.to ? { placed_before: dayStart(filters.to, 1) } : {}),
    ...(filters.cursor ? { cursor: filters.cursor } : {}),
  };
  return queryOptions({
    queryKey: keys.orderList(query),
    queryFn: () => body(api.GET('/api/v2/orders/', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

function useFilters(): [Filters, (changes: Filters) => void] {
  const [, navigate] = useLocation();
  const filters = filtersOf(useSearch());
  const update = (changes: Filters) => {
    // Any other filter starts again from the first page.
    const next = { ...filters, cursor: undefined, ...changes };
    const query = new URLSearchParams();
    for (const name of FILTERS) {
      const value = next[name];
      if (value) query.set(name, value);
    }
    const text = query.toString();
    navigate(text ? `/orders?${text}` : '/orders', { replace: true });
  };
  return [filters, update];
}

/** Shows the chosen customer's or item's name for an id taken from the URL. */
function useLabel(kind: 'customer' | 'item', id: number | undefined) {
  return useQuery({
    queryKey: kind === 'customer' ? keys.customerLabel(id ?? 0) : keys.itemLabel(id ?? 0),
    queryFn: async () =>
      kind === 'customer'
        ? customerText(await body(api.GET('/api/v2/customers/{id}/', { params: { path: { id: id ?? 0 } } })))
        : itemText(await body(api.GET('/api/v2/items/{id}/', { params: { path: { id: id ?? 0 } } }))),
    enabled: id !== undefined,
  });
}

export function OrdersPage() {
  const [filters, update] = useFilters();
  const customerId = positive(filters.customer);
  const itemId = positive(filters.item);
  const status = STATUSES.find((known) => known === filters.status) as Status | undefined;
  const page = useQuery(orderListQuery(filters));
  const orders = page.data?.results ?? [];

  const [customerQuery, setCustomerQuery] = useState<string>();
  const [itemQuery, setItemQuery] = useState<string>();
  const customerLabel = useLabel('customer', customerId);
  const itemLabel = useLabel('item', itemId);
  // The filters' pickers search once someone types in them, not with every load of the list.
  const customers = useCustomerSearch(customerQuery ?? '', customerQuery !== undefined);
  const items = useItemSearch(itemQuery ?? '', itemQuery !== undefined);

  return (
    <>
      <PageTitle>Orders</PageTitle>
      <form className="filters" aria-label="Filter orders" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select
            id="filter-status"
            value={status ?? ''}
            onChange={(event) => update({ status: event.target.value || undefined })}
          >
            <option value="">Any</option>
            {STATUSES.map((known) => (
              <option key={known}>{known}</option>
            ))}
          </select>
        </div>
        <Combobox
          id="filter-customer"
          label="Customer"
          query={customerQuery ?? customerLabel.data ?? ''}
          onQueryChange={(typed) => {
            setCustomerQuery(typed);
            if (typed === '') update({ customer: undefined });
          }}
          searching={customers.isFetching}
          options={(customers.data?.results ?? []).map((found) => ({
            key: String(found.id),
            text: customerText(found),
            content: customerText(found),
          }))}
          onSelect={(option) => {
            setCustomerQuery(undefined);
            update({ customer: option.key });
          }}
          help="Empty: every customer."
        />
        <Combobox
          id="filter-item"
          label="Item"
          query={itemQuery ?? itemLabel.data ?? ''}
          onQueryChange={(typed) => {
            setItemQuery(typed);
            if (typed === '') update({ item: undefined });
          }}
          searching={items.isFetching}
          options={(items.data?.results ?? []).map((found) => ({
            key: String(found.id),
            text: itemText(found),
            content: itemText(found),
          }))}
          onSelect={(option) => {
            setItemQuery(undefined);
            update({ item: option.key });
          }}
          help="Empty: every item."
        />
        <div className="field">
          <label htmlFor="filter-from">Placed from</label>
          <input
            id="filter-from"
            type="date"
            value={filters.from ?? ''}
            onChange={(event) => update({ from: event.target.value || undefined })}
          />
        </div>
        <div className="field">
          <label htmlFor="filter-to">Placed until</label>
          <input
            id="filter-to"
            type="date"
            value={filters.to ?? ''}
            onChange={(event) => update({ to: event.target.value || undefined })}
          />
        </div>
      </form>
      <ProblemAlert message={generalError(page.error)} />
      {page.isSuccess && orders.length === 0 && <p>No orders match these filters.</p>}
      {orders.length > 0 && (
        <TableRegion label="Orders list" busy={page.isPlaceholderData}>
          <table>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Placed</th>
                <th scope="col">Customer</th>
                <th scope="col">Item</th>
                <th scope="col" className="number">
                  Quantity
                </th>
                <th scope="col" className="number">
                  Total
                </th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((order) => (
                <tr key={order.id}>
                  <td>
                    <Link href={`/orders/${order.id}`}>Order {order.id}</Link>
                  </td>
                  <td>{new Date(order.placed_at).toLocaleString()}</td>
                  <td>{order.customer.name}</td>
                  <td>{order.item_name}</td>
                  <td className="number">{order.quantity}</td>
                  <td className="number">
                    <Money amount={order.total} currency={order.currency} />
                  </td>
                  <td>{order.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pager
        label="Order pages"
        hasPrevious={Boolean(page.data?.previous)}
        hasNext={Boolean(page.data?.next)}
        onPrevious={() => update({ ...filters, cursor: cursorOf(page.data?.previous) })}
        onNext={() => update({ ...filters, cursor: cursorOf(page.data?.next) })}
      />
    </>
  );
}
