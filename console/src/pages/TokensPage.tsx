import type { paths } from '@orderly/client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { answer, api, body, cursorOf, fieldErrors, generalError, isAdminOnly } from '../api';
import { AdminOnly } from '../components/AdminOnly';
import { useAnnounce } from '../components/Announcer';
import { Combobox, type ComboboxOption } from '../components/Combobox';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { OneTimeSecret } from '../components/OneTimeSecret';
import { Pager } from '../components/Pager';
import { PageTitle } from '../components/PageTitle';
import { ProblemAlert } from '../components/ProblemAlert';
import { TableRegion } from '../components/TableRegion';
import { TextField } from '../components/TextField';
import { keys } from '../keys';
import { ADMIN } from '../paths';
import { useDebounced } from '../useDebounced';
import { userText } from './UsersPage';

type Token = paths['/api/v2/admin/tokens/{id}/']['get']['responses'][200]['content']['application/json'];
interface NewToken {
  user: number | undefined;
  name: string;
  expires: string;
}
/** A token just created, with its secret: kept in this page's state only, gone when the page is left. */
interface Minted {
  name: string;
  email: string;
  secret: string;
}

const PAGE_SIZE = 20;
const OPTIONS = 8;
const FIELDS = ['user', 'name', 'expires_at'];

const positive = (value: string | null) => (value && /^[1-9][0-9]*$/.test(value) ? Number(value) : undefined);
const time = (at: string | null) => (at ? new Date(at).toLocaleString() : '—');

/** The end of a YYYY-MM-DD day (the date input's value) in local time, as an RFC 3339 instant. */
function endOfDay(day: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1).toISOString();
}

function tokenState(token: Token): string {
  if (token.revoked_at) return `Revoked ${time(token.revoked_at)}`;
  if (token.expires_at && new Date(token.expires_at) <= new Date()) return 'Expired';
  return 'Active';
}

/** The user picker: searches users by email or name. */
function useUserOptions(query: string) {
  const search = useDebounced(query.trim());
  const found = useQuery({
    queryKey: keys.userList({ search, limit: OPTIONS }),
    queryFn: () =>
      body(
        api.GET('/api/v2/admin/users/', {
          params: { query: { limit: OPTIONS, count: false, ...(search ? { search } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const options: ComboboxOption[] = (found.data?.results ?? []).map((user) => ({
    key: String(user.id),
    text: userText(user),
    content: (
      <>
        <span className="option-main">{user.email}</span>{' '}
        <span className="option-meta">
          {user.name ?? ''} · {user.role}
          {user.disabled ? ' · disabled' : ''}
        </span>
      </>
    ),
  }));
  return { options, searching: found.isFetching };
}

function useUserLabel(id: number | undefined) {
  return useQuery({
    queryKey: keys.userLabel(id ?? 0),
    queryFn: async () =>
      userText(await body(api.GET('/api/v2/admin/users/{id}/', { params: { path: { id: id ?? 0 } } }))),
    enabled: id !== undefined,
  });
}

/** API tokens: those of one user or everyone's, a new one for a user (its secret shown once), revoking one. */
export function TokensPage() {
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [, navigate] = useLocation();
  const userFilter = positive(new URLSearchParams(useSearch()).get('user'));
  const [cursor, setCursor] = useState<string | undefined>();
  const [filterQuery, setFilterQuery] = useState<string>();
  const filterLabel = useUserLabel(userFilter);
  const filterOptions = useUserOptions(filterQuery ?? '');

  // The new token's user: the filtered one until another is chosen (null: the field was cleared).
  const [owner, setOwner] = useState<{ id: number; text: string } | null>();
  const [ownerQuery, setOwnerQuery] = useState<string>();
  const ownerOptions = useUserOptions(ownerQuery ?? '');
  const ownerId = owner === undefined ? userFilter : owner?.id;
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [minted, setMinted] = useState<Minted>();
  const [revoking, setRevoking] = useState<Token>();

  const filters = { user: userFilter, cursor };
  const page = useQuery({
    queryKey: keys.tokenList(filters),
    queryFn: () =>
      body(
        api.GET('/api/v2/admin/tokens/', {
          params: { query: { limit: PAGE_SIZE, count: false, ...filters } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const tokens = page.data?.results ?? [];

  const create = useMutation({
    // The answer holds the secret: dropped from the mutation cache as soon as this page is left.
    gcTime: 0,
    mutationFn: async (values: NewToken) => {
      const expiresAt = endOfDay(values.expires);
      const { data } = await answer(
        api.POST('/api/v2/admin/tokens/', {
          body: {
            user: values.user ?? 0,
            name: values.name,
            ...(expiresAt ? { expires_at: expiresAt } : {}),
          },
        }),
      );
      return data;
    },
    onSuccess: async (data) => {
      setMinted({ name: data.name, email: data.user.email, secret: data.token });
      setName('');
      setExpires('');
      announce(`Token ${data.name} created for ${data.user.email}. Copy it now: it will not be shown again.`);
      await queryClient.invalidateQueries({ queryKey: keys.tokens });
    },
  });

  const revoke = useMutation({
    mutationFn: (token: Token) =>
      answer(api.POST('/api/v2/admin/tokens/{id}/revoke/', { params: { path: { id: token.id } } })),
    onSuccess: async ({ data }) => {
      await queryClient.invalidateQueries({ queryKey: keys.tokens });
      announce(`Token ${data.name} of ${data.user.email} revoked.`);
    },
    onSettled: () => setRevoking(undefined),
  });

  const filterBy = (user: number | undefined) => {
    setCursor(undefined);
    navigate(user ? `${ADMIN.tokens}?user=${user}` : ADMIN.tokens, { replace: true });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    setMinted(undefined);
    create.mutate({ user: ownerId, name, expires });
  };
  const errors = fieldErrors(create.error);

  if (isAdminOnly(page.error)) return <AdminOnly title="API tokens" />;
  return (
    <>
      <PageTitle>API tokens</PageTitle>
      {minted && (
        <OneTimeSecret
          id="minted"
          heading={`Token “${minted.name}” for ${minted.email}`}
          label="API token"
          secret={minted.secret}
          doneLabel="Done: hide the token"
          onDone={() => {
            setMinted(undefined);
            create.reset();
          }}
        >
          <p>Copy it now: it will not be shown again. Whoever holds it acts as {minted.email}.</p>
        </OneTimeSecret>
      )}
      <section aria-labelledby="new-token-heading">
        <h2 id="new-token-heading">New token</h2>
        <form onSubmit={submit} noValidate className="form">
          <Combobox
            id="token-user"
            label="User"
            query={ownerQuery ?? owner?.text ?? (owner === undefined ? (filterLabel.data ?? '') : '')}
            onQueryChange={(typed) => {
              setOwnerQuery(typed);
              setOwner(null);
            }}
            searching={ownerOptions.searching}
            options={ownerOptions.options}
            onSelect={(option) => {
              setOwner({ id: Number(option.key), text: option.text });
              setOwnerQuery(undefined);
            }}
            help="Type an email or a name, then choose. The token acts as this user."
            error={errors.user}
          />
          <TextField
            id="token-name"
            label="Name"
            autoComplete="off"
            value={name}
            onChange={setName}
            help="What the token is for, e.g. Nightly export."
            error={errors.name}
          />
          <TextField
            id="token-expires"
            label="Expires (optional)"
            type="date"
            value={expires}
            onChange={setExpires}
            help="It stops working at the end of this day (your time). Empty: it never expires."
            error={errors.expires_at}
          />
          <ProblemAlert message={generalError(create.error, FIELDS)} />
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create token'}
          </button>
        </form>
      </section>
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Tokens</h2>
        <search className="filters">
          <Combobox
            id="filter-user"
            label="Tokens of"
            query={filterQuery ?? filterLabel.data ?? ''}
            onQueryChange={(typed) => {
              setFilterQuery(typed);
              if (typed === '') filterBy(undefined);
            }}
            searching={filterOptions.searching}
            options={filterOptions.options}
            onSelect={(option) => {
              setFilterQuery(undefined);
              filterBy(Number(option.key));
            }}
            help="Empty: everyone's tokens."
          />
        </search>
        <ProblemAlert message={generalError(page.error) ?? generalError(revoke.error)} />
        {page.isSuccess && tokens.length === 0 && <p>No tokens.</p>}
        {tokens.length > 0 && (
          <TableRegion label="Tokens list" busy={page.isPlaceholderData}>
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">User</th>
                  <th scope="col">State</th>
                  <th scope="col">Created</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id}>
                    <td>{token.name || '(no name)'}</td>
                    <td>{token.user.email}</td>
                    <td>{tokenState(token)}</td>
                    <td>{time(token.created_at)}</td>
                    <td>{token.expires_at ? time(token.expires_at) : 'Never'}</td>
                    <td>{time(token.last_used_at)}</td>
                    <td>
                      {!token.revoked_at && (
                        <button
                          type="button"
                          className="danger-button"
                          aria-label={`Revoke ${token.name || 'token'} of ${token.user.email}`}
                          onClick={() => {
                            revoke.reset();
                            setRevoking(token);
                          }}
                        >
                          Revoke
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
        <Pager
          label="Token pages"
          hasPrevious={Boolean(page.data?.previous)}
          hasNext={Boolean(page.data?.next)}
          onPrevious={() => setCursor(cursorOf(page.data?.previous))}
          onNext={() => setCursor(cursorOf(page.data?.next))}
        />
      </section>
      <ConfirmDialog
        id="confirm-revoke"
        open={revoking !== undefined}
        title="Revoke this token?"
        confirmLabel="Revoke token"
        busy={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onCancel={() => setRevoking(undefined)}
      >
        <p>
          {revoking &&
            `“${revoking.name || 'token'}” of ${revoking.user.email} stops working at once, for good. Whatever uses it needs a new token.`}
        </p>
      </ConfirmDialog>
    </>
  );
}
