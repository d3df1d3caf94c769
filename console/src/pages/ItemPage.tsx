import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useLocation } from 'wouter';
import {
  answer,
  api,
  etagOf,
  fieldErrors,
  generalError,
  isAdminOnly,
  isStale,
  newIdempotencyKey,
} from '../api';
import { AdminOnly } from '../components/AdminOnly';
import { useAnnounce } from '../components/Announcer';
import { PageTitle } from '../components/PageTitle';
import { ProblemAlert } from '../components/ProblemAlert';
import { TextAreaField } from '../components/TextAreaField';
import { TextField } from '../components/TextField';
import { keys } from '../keys';
import { ADMIN } from '../paths';
import { useDraft } from '../useDraft';

const FIELDS = ['sku', 'name', 'unit_price', 'currency', 'description'] as const;
type Draft = Record<(typeof FIELDS)[number], string>;
const EMPTY: Draft = { sku: '', name: '', unit_price: '', currency: '', description: '' };

const CONFLICT =
  'Someone else changed this item; the page now shows its current state. Make your changes again, then save.';

/** A new catalogue item (without `id`), or one to edit, archive or put back on sale. Writes are for admins. */
export function ItemPage({ id }: { id?: number }) {
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [, navigate] = useLocation();
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);

  const existing = useQuery({
    queryKey: keys.item(id ?? 0),
    queryFn: async () => {
      const { data, response } = await answer(
        api.GET('/api/v2/items/{id}/', { params: { path: { id: id ?? 0 } } }),
      );
      return { item: data, etag: etagOf(response) };
    },
    enabled: id !== undefined,
  });
  const loaded = existing.data?.item;
  const { draft, field: draftField } = useDraft(
    'item',
    EMPTY,
    loaded,
    ({ sku, name, unit_price, currency, description }) => ({
      sku,
      name,
      unit_price,
      currency,
      description: description ?? '',
    }),
  );

  // Someone else changed it: show theirs, to edit again.
  const reloadOnConflict = async (error: Error) => {
    if (isStale(error)) await queryClient.invalidateQueries({ queryKey: keys.item(id ?? 0) });
  };

  const save = useMutation({
    mutationFn: async (values: Draft) => {
      const fields = {
        sku: values.sku.trim(),
        name: values.name,
        unit_price: values.unit_price.trim(),
        description: values.description.trim() === '' ? null : values.description,
      };
      const currency = values.currency.trim();
      if (id === undefined) {
        return answer(
          api.POST('/api/v2/items/', {
            params: { header: { 'idempotency-key': idempotencyKey } },
            body: currency === '' ? fields : { ...fields, currency },
          }),
        );
      }
      return answer(
        api.PATCH('/api/v2/items/{id}/', {
          params: { path: { id }, header: { 'if-match': existing.data?.etag } },
          body: { ...fields, currency },
        }),
      );
    },
    onSuccess: async ({ data }) => {
      await queryClient.invalidateQueries({ queryKey: keys.items });
      setIdempotencyKey(newIdempotencyKey());
      announce(`Item ${data.sku} saved.`);
      navigate(ADMIN.catalogue);
    },
    onError: reloadOnConflict,
  });

  const archive = useMutation({
    mutationFn: (active: boolean) =>
      answer(
        api.PATCH('/api/v2/items/{id}/', {
          params: { path: { id: id ?? 0 }, header: { 'if-match': existing.data?.etag } },
          body: { active },
        }),
      ),
    onSuccess: async ({ data }) => {
      await queryClient.invalidateQueries({ queryKey: keys.items });
      announce(
        data.active
          ? `Item ${data.sku} is on sale again.`
          : `Item ${data.sku} archived: it can no longer be ordered.`,
      );
    },
    onError: reloadOnConflict,
  });

  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!save.isPending) save.mutate(draft);
  };
  const field = (name: keyof Draft) => draftField(name, errors);

  if (isAdminOnly(save.error) || isAdminOnly(archive.error)) return <AdminOnly title="Catalogue" />;
  if (id !== undefined && !loaded) {
    return (
      <>
        <PageTitle>Item</PageTitle>
        <ProblemAlert message={generalError(existing.error)} />
        {existing.isPending && <p>Loading…</p>}
      </>
    );
  }
  return (
    <>
      <PageTitle>{loaded ? `Item ${loaded.sku}` : 'New item'}</PageTitle>
      {loaded && (
        <p>
          State: <strong>{loaded.active ? 'On sale' : 'Archived (cannot be ordered)'}</strong>
        </p>
      )}
      <form onSubmit={submit} noValidate className="form">
        <TextField
          {...field('sku')}
          label="SKU"
          autoComplete="off"
          help="Up to 40 letters, digits, “.”, “_” or “-”; unique."
        />
        <TextField {...field('name')} label="Name" autoComplete="off" />
        <TextField
          {...field('unit_price')}
          label="Unit price"
          inputMode="decimal"
          autoComplete="off"
          help="A decimal with at most 2 decimals, e.g. 210.00."
        />
        <TextField
          {...field('currency')}
          label="Currency"
          autoComplete="off"
          maxLength={3}
          help={
            loaded
              ? 'ISO 4217 code in capitals, e.g. KES.'
              : 'ISO 4217 code in capitals, e.g. KES. Leave it empty for the default currency.'
          }
        />
        <TextAreaField {...field('description')} label="Description (optional)" rows={4} />
        <ProblemAlert message={isStale(save.error) ? CONFLICT : generalError(save.error, FIELDS)} />
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : loaded ? 'Save item' : 'Create item'}
        </button>
      </form>
      {loaded && (
        <section className="danger" aria-labelledby="item-state-heading">
          <h2 id="item-state-heading">
            {loaded.active ? 'Archive this item' : 'Put this item back on sale'}
          </h2>
          <p>
            {loaded.active
              ? 'An archived item can no longer be ordered and leaves the Place-order list; orders placed already keep it.'
              : 'It can be ordered again.'}
          </p>
          <ProblemAlert message={isStale(archive.error) ? CONFLICT : generalError(archive.error)} />
          <button
            type="button"
            className={loaded.active ? 'danger-button' : undefined}
            onClick={() => archive.mutate(!loaded.active)}
            disabled={archive.isPending}
          >
            {loaded.active ? 'Archive item' : 'Put back on sale'}
          </button>
        </section>
      )}
    </>
  );
}
