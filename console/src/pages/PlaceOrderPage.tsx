import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { answer, api, body, fieldErrors, generalError, newIdempotencyKey } from '../api';
import { useAnnounce } from '../components/Announcer';
import { Combobox } from '../components/Combobox';
import { PageTitle } from '../components/PageTitle';
import { ProblemAlert } from '../components/ProblemAlert';
import { TextField } from '../components/TextField';
import { keys } from '../keys';
import { orderTotal } from '../money';
import { useDebounced } from '../useDebounced';

type Customer = { id: number; code: string; name: string; phone: string };
type Item = { id: number; sku: string; name: string; unit_price: string; currency: string };
interface NewOrder {
  customer: number | undefined;
  item: number | undefined;
  quantity: number;
  unit_price: string;
}

const OPTIONS = 8;
const FIELDS = ['customer', 'customer_code', 'item', 'item_name', 'quantity', 'unit_price', 'currency'];

/** The customer picker: searches the caller's customers by name, code or phone. */
export function useCustomerSearch(query: string, enabled = true) {
  const search = useDebounced(query.trim());
  return useQuery({
    enabled,
    queryKey: keys.customerList({ search, limit: OPTIONS }),
    queryFn: () =>
      body(
        api.GET('/api/v2/customers/', {
          params: { query: { limit: OPTIONS, count: false, ...(search ? { search } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The item picker: searches the active catalogue. */
export function useItemSearch(query: string, enabled = true) {
  const search = useDebounced(query.trim());
  return useQuery({
    enabled,
    queryKey: keys.itemList({ search, active: 'true', limit: OPTIONS }),
    queryFn: () =>
      body(
        api.GET('/api/v2/items/', {
          params: { query: { limit: OPTIONS, count: false, active: 'true', ...(search ? { search } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export const customerText = (customer: Customer) => `${customer.name} (${customer.code})`;
export const itemText = (item: Item) => `${item.sku} · ${item.name}`;

/** Place an order: the customer and the item by searching, the quantity, the price; the exact total as typed. */
export function PlaceOrderPage() {
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [, navigate] = useLocation();
  const [customerQuery, setCustomerQuery] = useState('');
  const [customer, setCustomer] = useState<Customer>();
  const [itemQuery, setItemQuery] = useState('');
  const [item, setItem] = useState<Item>();
  const [quantity, setQuantity] = useState('1');
  const [unitPrice, setUnitPrice] = useState('');
  // One key per order being placed: a double click or a retry after a lost answer places it once.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const inFlight = useRef(false);

  const customers = useCustomerSearch(customerQuery);
  const items = useItemSearch(itemQuery);
  // What a newcomer meets first on an empty database: say where the first customer and item come from.
  const noCustomers = customerQuery.trim() === '' && customers.data?.results.length === 0;
  const catalogueEmpty = itemQuery.trim() === '' && items.data?.results.length === 0;

  const place = useMutation({
    mutationFn: (order: NewOrder) =>
      answer(
        api.POST('/api/v2/orders/', {
          params: { header: { 'idempotency-key': idempotencyKey } },
          body: {
            ...(order.customer === undefined ? {} : { customer: order.customer }),
            ...(order.item === undefined ? {} : { item: order.item }),
            quantity: order.quantity,
            unit_price: order.unit_price,
          },
        }),
      ),
    onSuccess: async ({ data }) => {
      setIdempotencyKey(newIdempotencyKey());
      await queryClient.invalidateQueries({ queryKey: keys.orders });
      announce(`Order ${data.id} placed: ${data.currency} ${data.total}.`);
      navigate(`/orders/${data.id}`);
    },
    onSettled: () => {
      inFlight.current = false;
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    place.mutate({
      customer: customer?.id,
      item: item?.id,
      quantity: Number(quantity.trim()),
      unit_price: unitPrice.trim(),
    });
  };

  const errors = fieldErrors(place.error);
  const total = orderTotal(quantity, unitPrice);
  const currency = item?.currency ?? '';

  return (
    <>
      <PageTitle>Place an order</PageTitle>
      <form onSubmit={submit} noValidate className="form">
        <Combobox
          id="order-customer"
          label="Customer"
          query={customerQuery}
          onQueryChange={(query) => {
            setCustomerQuery(query);
            setCustomer(undefined);
          }}
          searching={customers.isFetching}
          options={(customers.data?.results ?? []).map((found) => ({
            key: String(found.id),
            text: customerText(found),
            content: (
              <>
                <span className="option-main">{found.name}</span>{' '}
                <span className="option-meta">
                  {found.code} · {found.phone}
                </span>
              </>
            ),
          }))}
          onSelect={(option) => {
            const chosen = customers.data?.results.find((found) => String(found.id) === option.key);
            setCustomer(chosen);
            setCustomerQuery(option.text);
          }}
          help={
            noCustomers
              ? 'You have no customers yet: add one under Customers first.'
              : 'Type a name, code or phone number, then choose.'
          }
          error={errors.customer ?? errors.customer_code}
        />
        <Combobox
          id="order-item"
          label="Item"
          query={itemQuery}
          onQueryChange={(query) => {
            setItemQuery(query);
            setItem(undefined);
          }}
          searching={items.isFetching}
          options={(items.data?.results ?? []).map((found) => ({
            key: String(found.id),
            text: itemText(found),
            content: (
              <>
                <span className="option-meta">{found.sku}</span>{' '}
                <span className="option-main">{found.name}</span>{' '}
                <span className="option-price">
                  {found.currency} {found.unit_price}
                </span>
              </>
            ),
          }))}
          onSelect={(option) => {
            const chosen = items.data?.results.find((found) => String(found.id) === option.key);
            setItem(chosen);
            setItemQuery(option.text);
            if (chosen) setUnitPrice(chosen.unit_price);
          }}
          help={
            catalogueEmpty
              ? 'The catalogue has no items on sale yet: an admin adds them under Catalogue.'
              : 'Type a SKU or a name, then choose. Only items on sale are listed.'
          }
          error={errors.item ?? errors.item_name}
        />
        <TextField
          id="order-quantity"
          label="Quantity"
          inputMode="numeric"
          autoComplete="off"
          value={quantity}
          onChange={setQuantity}
          error={errors.quantity}
        />
        <TextField
          id="order-unit-price"
          label={currency ? `Unit price (${currency})` : 'Unit price'}
          inputMode="decimal"
          autoComplete="off"
          value={unitPrice}
          onChange={setUnitPrice}
          help="The item's price; change it for this order only."
          error={errors.unit_price ?? errors.currency}
        />
        <p className="total">
          Total:{' '}
          <output htmlFor="order-quantity order-unit-price" aria-live="polite">
            {total ? `${currency} ${total}`.trim() : '—'}
          </output>
        </p>
        <ProblemAlert message={generalError(place.error, FIELDS)} />
        <button type="submit" disabled={place.isPending}>
          {place.isPending ? 'Placing order…' : 'Place order'}
        </button>
      </form>
    </>
  );
}
