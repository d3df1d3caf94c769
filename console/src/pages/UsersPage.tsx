import type { paths } from '@orderly/client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { answer, api, body, cursorOf, generalError, isAdminOnly } from '../api';
import { AdminOnly } from '../components/AdminOnly';
import { useAnnounce } from '../components/Announcer';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Pager } from '../components/Pager';
import { PageTitle } from '../components/PageTitle';
import { ProblemAlert } from '../components/ProblemAlert';
import { SelectField } from '../components/SelectField';
import { TableRegion } from '../components/TableRegion';
import { TextField } from '../components/TextField';
import { keys } from '../keys';
import { ADMIN } from '../paths';
import { useDebounced } from '../useDebounced';

type User = paths['/api/v2/admin/users/{id}/']['get']['responses'][200]['content']['application/json'];

const PAGE_SIZE = 20;
const ROLES = [
  { value: '', label: 'Any' },
  { value: 'admin', label: 'Admin' },
  { value: 'staff', label: 'Staff' },
] as const;
const STATES = [
  { value: '', label: 'Any' },
  { value: 'false', label: 'Enabled' },
  { value: 'true', label: 'Disabled' },
] as const;
type Role = (typeof ROLES)[number]['value'];
type State = (typeof STATES)[number]['value'];

export const userText = (user: Pick<User, 'email' | 'name'>) =>
  user.name ? `${user.name} (${user.email})` : user.email;

/** The users who may sign in: searched, filtered by role and state; disabling one refuses all their credentials. */
export function UsersPage() {
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role>('');
  const [disabled, setDisabled] = useState<State>('');
  const [cursor, setCursor] = useState<string | undefined>();
  const [confirming, setConfirming] = useState<User>();
  const settled = useDebounced(search.trim());
  const filters = {
    search: settled || undefined,
    role: role || undefined,
    disabled: disabled === '' ? undefined : disabled === 'true',
    cursor,
  };
  const page = useQuery({
    queryKey: keys.userList(filters),
    queryFn: () =>
      body(
        api.GET('/api/v2/admin/users/', {
          params: { query: { limit: PAGE_SIZE, count: false, ...filters } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const users = page.data?.results ?? [];

  const toggle = useMutation({
    mutationFn: (user: User) =>
      answer(
        api.PATCH('/api/v2/admin/users/{id}/', {
          params: { path: { id: user.id } },
          body: { disabled: !user.disabled },
        }),
      ),
    onSuccess: async ({ data }) => {
      await queryClient.invalidateQueries({ queryKey: keys.users });
      announce(data.disabled ? `${data.email} disabled.` : `${data.email} enabled again.`);
    },
    onSettled: () => setConfirming(undefined),
  });

  const restart = () => setCursor(undefined);
  if (isAdminOnly(page.error)) return <AdminOnly title="Users" />;
  return (
    <>
      <PageTitle>Users</PageTitle>
      <search className="filters">
        <TextField
          id="user-search"
          label="Search users"
          type="search"
          value={search}
          onChange={(value) => {
            setSearch(value);
            restart();
          }}
          help="Part of an email or a name."
        />
        <SelectField
          id="user-role"
          label="Role"
          value={role}
          onChange={(value) => {
            setRole(value);
            restart();
          }}
          options={ROLES}
        />
        <SelectField
          id="user-state"
          label="State"
          value={disabled}
          onChange={(value) => {
            setDisabled(value);
            restart();
          }}
          options={STATES}
        />
      </search>
      <ProblemAlert message={generalError(page.error) ?? generalError(toggle.error)} />
      {page.isSuccess && users.length === 0 && <p>No users match.</p>}
      {users.length > 0 && (
        <TableRegion label="Users list" busy={page.isPlaceholderData}>
          <table>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">State</th>
                <th scope="col">Since</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <td>{user.email}</td>
                  <td>{user.name ?? '—'}</td>
                  <td>{user.role}</td>
                  <td>{user.disabled ? 'Disabled' : 'Enabled'}</td>
                  <td>{new Date(user.created_at).toLocaleDateString()}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className={user.disabled ? undefined : 'danger-button'}
                      aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.email}`}
                      onClick={() => {
                        toggle.reset();
                        setConfirming(user);
                      }}
                    >
                      {user.disabled ? 'Enable' : 'Disable'}
                    </button>{' '}
                    <Link href={`${ADMIN.tokens}?user=${user.id}`} aria-label={`API tokens of ${user.email}`}>
                      API tokens
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pager
        label="User pages"
        hasPrevious={Boolean(page.data?.previous)}
        hasNext={Boolean(page.data?.next)}
        onPrevious={() => setCursor(cursorOf(page.data?.previous))}
        onNext={() => setCursor(cursorOf(page.data?.next))}
      />
      <ConfirmDialog
        id="confirm-user"
        open={confirming !== undefined}
        title={confirming?.disabled ? 'Enable this user?' : 'Disable this user?'}
        confirmLabel={confirming?.disabled ? 'Enable user' : 'Disable user'}
        busy={toggle.isPending}
        onConfirm={() => confirming && toggle.mutate(confirming)}
        onCancel={() => setConfirming(undefined)}
      >
        <p>
          {confirming &&
            (confirming.disabled
              ? `${userText(confirming)} will be able to sign in again, and their API tokens will work again.`
              : `${userText(confirming)} will be refused at once: their sessions and API tokens stop working until they are enabled again.`)}
        </p>
      </ConfirmDialog>
    </>
  );
}
