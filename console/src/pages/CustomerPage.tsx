import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useLocation } from 'wouter';
import { ApiError, answer, api, etagOf, fieldErrors, generalError, newIdempotencyKey } from '../api';
import { useAnnounce } from '../components/Announcer';
import { PageTitle } from '../components/PageTitle';
import { ProblemAlert } from '../components/ProblemAlert';
import { TextField } from '../components/TextField';
import { keys } from '../keys';
import { useDraft } from '../useDraft';

const FIELDS = ['first_name', 'second_name', 'phone', 'code'] as const;
type Draft = Record<(typeof FIELDS)[number], string>;
const EMPTY: Draft = { first_name: '', second_name: '', phone: '', code: '' };

/** A new customer (without `id`), or one to edit or delete. */
export function CustomerPage({ id }: { id?: number }) {
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [, navigate] = useLocation();
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);

  const existing = useQuery({
    queryKey: keys.customer(id ?? 0),
    queryFn: async () => {
      const { data, response } = await answer(
        api.GET('/api/v2/customers/{id}/', { params: { path: { id: id ?? 0 } } }),
      );
      return { customer: data, etag: etagOf(response) };
    },
    enabled: id !== undefined,
  });
  const loaded = existing.data?.customer;
  const { draft, field: draftField } = useDraft(
    'customer',
    EMPTY,
    loaded,
    ({ first_name, second_name, phone, code }) => ({
      first_name,
      second_name,
      phone,
      code,
    }),
  );

  const save = useMutation({
    mutationFn: async (values: Draft) => {
      if (id === undefined) {
        const { code, ...required } = values;
        return answer(
          api.POST('/api/v2/customers/', {
            params: { header: { 'idempotency-key': idempotencyKey } },
            body: code.trim() === '' ? required : values,
          }),
        );
      }
      return answer(
        api.PATCH('/api/v2/customers/{id}/', {
          params: { path: { id }, header: { 'if-match': existing.data?.etag } },
          body: values,
        }),
      );
    },
    onSuccess: async ({ data }) => {
      await queryClient.invalidateQueries({ queryKey: keys.customers });
      setIdempotencyKey(newIdempotencyKey());
      announce(`Customer ${data.name} (${data.code}) saved.`);
      navigate('/customers');
    },
    onError: async (error) => {
      // Someone else changed it: show theirs, to edit again.
      if (error instanceof ApiError && error.status === 412) {
        await queryClient.invalidateQueries({ queryKey: keys.customer(id ?? 0) });
      }
    },
  });

  const remove = useMutation({
    mutationFn: () =>
      answer(
        api.DELETE('/api/v2/customers/{id}/', {
          params: { path: { id: id ?? 0 }, header: { 'if-match': existing.data?.etag } },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.customers });
      announce(`Customer ${loaded?.name ?? ''} deleted.`);
      navigate('/customers');
    },
  });

  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!save.isPending) save.mutate(draft);
  };
  const field = (name: keyof Draft) => draftField(name, errors);

  if (id !== undefined && !loaded) {
    return (
      <>
        <PageTitle>Customer</PageTitle>
        <ProblemAlert message={generalError(existing.error)} />
        {existing.isPending && <p>Loading…</p>}
      </>
    );
  }
  const conflict = save.error instanceof ApiError && save.error.status === 412;
  return (
    <>
      <PageTitle>{loaded ? `Customer ${loaded.name}` : 'New customer'}</PageTitle>
      <form onSubmit={submit} noValidate className="form">
        <TextField {...field('first_name')} label="First name" autoComplete="off" />
        <TextField {...field('second_name')} label="Second name" autoComplete="off" />
        <TextField
          {...field('phone')}
          label="Phone"
          type="tel"
          autoComplete="off"
          help="With the country code, e.g. +254712345678."
        />
        <TextField
          {...field('code')}
          label="Code"
          autoComplete="off"
          help={
            loaded
              ? '5 letters or digits.'
              : '5 letters or digits. Leave it empty and the server chooses one.'
          }
        />
        <ProblemAlert
          message={
            conflict
              ? 'Someone else changed this customer; the form now shows its current state. Make your changes again, then save.'
              : generalError(save.error, FIELDS)
          }
        />
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : loaded ? 'Save customer' : 'Create customer'}
        </button>
      </form>
      {loaded && (
        <section className="danger" aria-labelledby="delete-customer">
          <h2 id="delete-customer">Delete this customer</h2>
          <ProblemAlert message={generalError(remove.error)} />
          <button
            type="button"
            className="danger-button"
            onClick={() => remove.mutate()}
            disabled={remove.isPending}
          >
            Delete customer
          </button>
        </section>
      )}
    </>
  );
}
