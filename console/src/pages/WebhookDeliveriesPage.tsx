import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { answer, api, body, cursorOf, generalError, isAdminOnly } from '../api';
import { AdminOnly } from '../components/AdminOnly';
import { useAnnounce } from '../components/Announcer';
import { Pager } from '../components/Pager';
import { PageTitle } from '../components/PageTitle';
import { ProblemAlert } from '../components/ProblemAlert';
import { TableRegion } from '../components/TableRegion';
import { keys } from '../keys';
import { ADMIN } from '../paths';
import { type Delivery, lastAttempt, stateText, time, webhookQuery } from '../webhooks';

const PAGE_SIZE = 20;

const STATUS: Record<Delivery['status'], string> = {
  pending: 'Pending: waiting for its next attempt',
  sending: 'Being sent',
  succeeded: 'Delivered',
  failed: 'Failed: no more automatic attempts',
};

/** The attempts of one delivery, oldest first: what each sent got back. */
function Attempts({ delivery }: { delivery: Delivery }) {
  if (delivery.attempts.length === 0) return <p>Not attempted yet.</p>;
  return (
    <TableRegion label={`Attempts of ${delivery.event.id}`}>
      <table>
        <thead>
          <tr>
            <th scope="col">Sent</th>
            <th scope="col" className="number">
              Status code
            </th>
            <th scope="col" className="number">
              Duration
            </th>
            <th scope="col">Error</th>
            <th scope="col">Response (first 1 KB)</th>
          </tr>
        </thead>
        <tbody>
          {delivery.attempts.map((attempt) => (
            <tr key={attempt.attempted_at}>
              <td>{time(attempt.attempted_at)}</td>
              <td className="number">{attempt.status_code ?? '—'}</td>
              <td className="number">{attempt.duration_ms} ms</td>
              <td className="wrap">{attempt.error ?? '—'}</td>
              <td className="wrap">
                {attempt.response ? <pre className="excerpt">{attempt.response}</pre> : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** The deliveries to one webhook endpoint, newest first, each with its attempts; any can be sent again now. */
export function WebhookDeliveriesPage({ id }: { id: number }) {
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [cursor, setCursor] = useState<string | undefined>();

  const endpoint = useQuery(webhookQuery(id));
  const webhook = endpoint.data?.webhook;
  const filters = { cursor };
  const page = useQuery({
    queryKey: keys.webhookDeliveryList(id, filters),
    queryFn: () =>
      body(
        api.GET('/api/v2/webhooks/{id}/deliveries/', {
          params: { path: { id }, query: { limit: PAGE_SIZE, count: false, ...filters } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const deliveries = page.data?.results ?? [];

  const retry = useMutation({
    mutationFn: async (delivery: Delivery) =>
      (
        await answer(
          api.POST('/api/v2/webhooks/deliveries/{id}/retry/', { params: { path: { id: delivery.id } } }),
        )
      ).data,
    onSuccess: async (delivery) => {
      const attempt = lastAttempt(delivery);
      const answered = attempt?.status_code ? `the receiver answered ${attempt.status_code}` : attempt?.error;
      announce(
        `${delivery.event.id} ${delivery.status === 'succeeded' ? 'delivered' : 'not delivered'}${answered ? `: ${answered}` : ''}.`,
      );
      await queryClient.invalidateQueries({ queryKey: keys.webhooks });
    },
  });

  if (isAdminOnly(page.error) || isAdminOnly(endpoint.error)) return <AdminOnly title="Webhook deliveries" />;
  return (
    <>
      <PageTitle>Webhook deliveries</PageTitle>
      <p>
        <Link href={ADMIN.webhooks}>All webhook endpoints</Link> ·{' '}
        <Link href={`${ADMIN.webhooks}/${id}`}>This endpoint</Link>
      </p>
      {webhook && (
        <dl className="details">
          <dt>Endpoint</dt>
          <dd className="break">{webhook.url}</dd>
          <dt>State</dt>
          <dd>{stateText(webhook)}</dd>
          <dt>Failing since</dt>
          <dd>{webhook.failing_since ? time(webhook.failing_since) : 'Not failing'}</dd>
        </dl>
      )}
      <p>
        Each event is one delivery with a stable <code>webhook-id</code>: the receiver deduplicates on it.
        Retry sends it once more now, with the same <code>webhook-id</code>.
      </p>
      <ProblemAlert message={generalError(endpoint.error) ?? generalError(page.error)} />
      {page.isSuccess && deliveries.length === 0 && <p>No deliveries yet.</p>}
      {deliveries.length > 0 && (
        <ul className="deliveries" aria-busy={page.isPlaceholderData}>
          {deliveries.map((delivery) => (
            <li key={delivery.id} className="delivery">
              <section aria-labelledby={`delivery-${delivery.id}`}>
                <h2 id={`delivery-${delivery.id}`}>
                  {delivery.event.type} · {STATUS[delivery.status]}
                </h2>
                <dl className="details">
                  <dt>webhook-id</dt>
                  <dd className="break">
                    <code>{delivery.event.id}</code>
                  </dd>
                  <dt>Attempts</dt>
                  <dd>{delivery.attempt_count}</dd>
                  <dt>Next attempt</dt>
                  <dd>{time(delivery.next_attempt_at)}</dd>
                  <dt>Delivered</dt>
                  <dd>{time(delivery.delivered_at)}</dd>
                  <dt>Created</dt>
                  <dd>{time(delivery.created_at)}</dd>
                </dl>
                <Attempts delivery={delivery} />
                {retry.variables?.id === delivery.id && <ProblemAlert message={generalError(retry.error)} />}
                <button
                  type="button"
                  aria-label={`Retry ${delivery.event.type} ${delivery.event.id}`}
                  onClick={() => retry.mutate(delivery)}
                  disabled={retry.isPending}
                >
                  {retry.isPending && retry.variables?.id === delivery.id ? 'Sending…' : 'Retry'}
                </button>
              </section>
            </li>
          ))}
        </ul>
      )}
      <Pager
        label="Delivery pages"
        hasPrevious={Boolean(page.data?.previous)}
        hasNext={Boolean(page.data?.next)}
        onPrevious={() => setCursor(cursorOf(page.data?.previous))}
        onNext={() => setCursor(cursorOf(page.data?.next))}
      />
    </>
  );
}
