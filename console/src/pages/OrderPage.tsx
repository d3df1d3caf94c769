import type { paths } from '@orderly/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { ApiError, answer, api, body, etagOf, generalError, newIdempotencyKey } from '../api';
import { useAnnounce } from '../components/Announcer';
import { Money } from '../components/Money';
import { PageTitle } from '../components/PageTitle';
import { ProblemAlert } from '../components/ProblemAlert';
import { TableRegion } from '../components/TableRegion';
import { keys } from '../keys';

type Me = Pick<paths['/api/v2/me/']['get']['responses'][200]['content']['application/json'], 'role'>;
type Action = 'close' | 'cancel' | 'delete';

const ACTION_LABELS: Record<Action, string> = {
  close: 'Close order',
  cancel: 'Cancel order',
  delete: 'Delete order',
};
const DONE: Record<Action, string> = { close: 'closed', cancel: 'cancelled', delete: 'deleted' };

/** What the order's status allows, as the API's rules say: Pending → Closed | Cancelled; a Closed sale stays. */
function actionsFor(status: 'Pending' | 'Closed' | 'Cancelled'): Action[] {
  if (status === 'Pending') return ['close', 'cancel', 'delete'];
  if (status === 'Cancelled') return ['delete'];
  return [];
}

/** Statuses the dispatcher has yet to settle, and those an admin may send again (the retry endpoint's). */
const IN_FLIGHT: readonly string[] = ['pending', 'sending'];
const RETRYABLE: readonly string[] = ['failed', 'unknown'];
const IN_FLIGHT_POLL_MS = 2_500;

const time = (at: string | null) => (at ? new Date(at).toLocaleString() : '—');

/** One order: its details, the actions its status allows (sent with If-Match), and its SMS notifications. */
export function OrderPage({ id, me }: { id: number; me: Me | undefined }) {
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [, navigate] = useLocation();
  const [conflict, setConflict] = useState(false);

  const order = useQuery({
    queryKey: keys.order(id),
    queryFn: async () => {
      const { data, response } = await answer(api.GET('/api/v2/orders/{id}/', { params: { path: { id } } }));
      return { order: data, etag: etagOf(response) };
    },
  });
  const notifications = useQuery({
    queryKey: keys.orderNotifications(id),
    queryFn: () =>
      body(
        api.GET('/api/v2/orders/{id}/notifications/', {
          params: { path: { id }, query: { limit: 100, count: false } },
        }),
      ),
    // The dispatcher settles a new notification within seconds: watch it until none is waiting or in flight.
    refetchInterval: (query) =>
      query.state.data?.results.some((notification) => IN_FLIGHT.includes(notification.status))
        ? IN_FLIGHT_POLL_MS
        : false,
  });

  const act = useMutation({
    mutationFn: async (action: Action) => {
      const params = { path: { id }, header: { 'if-match': order.data?.etag } };
      if (action === 'delete') return answer(api.DELETE('/api/v2/orders/{id}/', { params }));
      const path = action === 'close' ? '/api/v2/orders/{id}/close/' : '/api/v2/orders/{id}/cancel/';
      return answer(
        api.POST(path, {
          params: { ...params, header: { ...params.header, 'idempotency-key': newIdempotencyKey() } },
        }),
      );
    },
    onMutate: () => setConflict(false),
    onSuccess: async (_answer, action) => {
      await queryClient.invalidateQueries({ queryKey: keys.orders });
      await queryClient.invalidateQueries({ queryKey: keys.notifications });
      announce(`Order ${id} ${DONE[action]}.`);
      if (action === 'delete') navigate('/orders');
    },
    onError: async (error) => {
      if (!(error instanceof ApiError)) return;
      // Someone else changed it since this page read it: show theirs instead of overwriting it.
      if (error.status === 412) setConflict(true);
      if (error.status === 412 || error.status === 409) {
        await queryClient.invalidateQueries({ queryKey: keys.order(id) });
      }
    },
  });

  const retry = useMutation({
    mutationFn: (notification: number) =>
      answer(
        api.POST('/api/v2/notifications/{id}/retry/', {
          params: { path: { id: notification }, header: { 'idempotency-key': newIdempotencyKey() } },
        }),
      ),
    onSuccess: async (_answer, notification) => {
      await queryClient.invalidateQueries({ queryKey: keys.notifications });
      announce(`Notification ${notification} will be sent again.`);
    },
  });

  const shown = order.data?.order;
  if (!shown) {
    return (
      <>
        <PageTitle>{`Order ${id}`}</PageTitle>
        <ProblemAlert message={generalError(order.error)} />
        {order.isPending && <p>Loading…</p>}
      </>
    );
  }
  return (
    <>
      <PageTitle>{`Order ${shown.id}`}</PageTitle>
      {conflict && (
        <div role="alert" className="alert">
          Someone else changed this order; here is its current state.
        </div>
      )}
      <ProblemAlert message={conflict ? undefined : generalError(act.error)} />
      <dl className="details">
        <dt>Status</dt>
        <dd>{shown.status}</dd>
        <dt>Customer</dt>
        <dd>
          {shown.customer.name} ({shown.customer.code})
        </dd>
        <dt>Item</dt>
        <dd>
          {shown.item_name}
          {shown.item && ` (${shown.item.sku})`}
        </dd>
        <dt>Quantity</dt>
        <dd>{shown.quantity}</dd>
        <dt>Unit price</dt>
        <dd>
          <Money amount={shown.unit_price} currency={shown.currency} />
        </dd>
        <dt>Total</dt>
        <dd className="total">
          <Money amount={shown.total} currency={shown.currency} />
        </dd>
        <dt>Placed</dt>
        <dd>{time(shown.placed_at)}</dd>
        <dt>Last change</dt>
        <dd>{time(shown.updated_at)}</dd>
      </dl>
      {actionsFor(shown.status).length > 0 && (
        <div className="actions">
          {actionsFor(shown.status).map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'delete' ? 'danger-button' : undefined}
              disabled={act.isPending}
              onClick={() => act.mutate(action)}
            >
              {ACTION_LABELS[action]}
            </button>
          ))}
        </div>
      )}
      <section aria-labelledby="notifications-heading">
        <h2 id="notifications-heading">SMS notifications</h2>
        <ProblemAlert message={generalError(notifications.error) ?? generalError(retry.error)} />
        {notifications.data?.results.length === 0 && <p>None.</p>}
        {notifications.data && notifications.data.results.length > 0 && (
          <TableRegion label="SMS notifications list">
            <table>
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col">To</th>
                  <th scope="col">Status</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Created</th>
                  <th scope="col">Sent</th>
                  <th scope="col">Delivered</th>
                  {me?.role === 'admin' && <th scope="col">Action</th>}
                </tr>
              </thead>
              <tbody>
                {notifications.data.results.map((notification) => (
                  <tr key={notification.id}>
                    <td>{notification.event.replace('order_', 'Order ')}</td>
                    <td>{notification.recipient}</td>
                    <td>
                      {notification.status}
                      {notification.last_error && <span className="note"> — {notification.last_error}</span>}
                    </td>
                    <td>{notification.attempts}</td>
                    <td>{time(notification.created_at)}</td>
                    <td>{time(notification.sent_at)}</td>
                    <td>{time(notification.delivered_at)}</td>
                    {me?.role === 'admin' && (
                      <td>
                        {RETRYABLE.includes(notification.status) && (
                          <button
                            type="button"
                            disabled={retry.isPending}
                            onClick={() => retry.mutate(notification.id)}
                            aria-label={`Retry notification ${notification.id}`}
                          >
                            Retry
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>
    </>
  );
}
