import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { answer, api, body, cursorOf, fieldErrors, generalError, isAdminOnly } from '../api';
import { AdminOnly } from '../components/AdminOnly';
import { useAnnounce } from '../components/Announcer';
import { OneTimeSecret } from '../components/OneTimeSecret';
import { Pager } from '../components/Pager';
import { PageTitle } from '../components/PageTitle';
import { ProblemAlert } from '../components/ProblemAlert';
import { TableRegion } from '../components/TableRegion';
import { type WebhookDraft, WebhookFields } from '../components/WebhookFields';
import { keys } from '../keys';
import { ADMIN } from '../paths';
import { eventsText, stateText, time } from '../webhooks';

const PAGE_SIZE = 20;
const FIELDS = ['url', 'description', 'events', 'enabled'];

interface NewEndpoint extends WebhookDraft {
  enabled: boolean;
}
const EMPTY: NewEndpoint = { url: '', description: '', events: [], enabled: true };

/** An endpoint just created, with its signing secret: kept in this page's state only. */
interface Created {
  url: string;
  secret: string;
}

/** Webhook endpoints: where Orderly sends signed events, their state, and a new one (its secret shown once). */
export function WebhooksPage() {
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [cursor, setCursor] = useState<string | undefined>();
  const [draft, setDraft] = useState(EMPTY);
  const [created, setCreated] = useState<Created>();

  const filters = { cursor };
  const page = useQuery({
    queryKey: keys.webhookList(filters),
    queryFn: () =>
      body(
        api.GET('/api/v2/webhooks/', { params: { query: { limit: PAGE_SIZE, count: false, ...filters } } }),
      ),
    placeholderData: keepPreviousData,
  });
  const webhooks = page.data?.results ?? [];

  const create = useMutation({
    // The answer holds the secret: dropped from the mutation cache as soon as this page is left.
    gcTime: 0,
    mutationFn: async (values: NewEndpoint) => {
      const { data } = await answer(
        api.POST('/api/v2/webhooks/', {
          body: {
            url: values.url.trim(),
            description: values.description,
            events: values.events,
            enabled: values.enabled,
          },
        }),
      );
      return data;
    },
    onSuccess: async (data) => {
      setCreated({ url: data.url, secret: data.secret });
      setDraft(EMPTY);
      announce(
        `Webhook endpoint ${data.url} created. Copy its signing secret now: it will not be shown again.`,
      );
      await queryClient.invalidateQueries({ queryKey: keys.webhooks });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    setCreated(undefined);
    create.mutate(draft);
  };
  const errors = fieldErrors(create.error);
  const change = (changes: Partial<NewEndpoint>) => setDraft((current) => ({ ...current, ...changes }));

  if (isAdminOnly(page.error)) return <AdminOnly title="Webhooks" />;
  return (
    <>
      <PageTitle>Webhooks</PageTitle>
      <p>
        Orderly sends each change of orders, customers, items and notifications to these endpoints, signed as
        the Standard Webhooks specification describes, and retries until the receiver answers 2xx.
      </p>
      {created && (
        <OneTimeSecret
          id="created"
          heading={`Signing secret of ${created.url}`}
          label="Signing secret"
          secret={created.secret}
          doneLabel="Done: hide the secret"
          onDone={() => {
            setCreated(undefined);
            create.reset();
          }}
        >
          <p>
            Copy it now and give it to the receiver: you will not see it again. The receiver checks each
            delivery’s signature with it; if it is lost, rotate the secret on the endpoint’s page.
          </p>
        </OneTimeSecret>
      )}
      <section aria-labelledby="new-webhook-heading">
        <h2 id="new-webhook-heading">New endpoint</h2>
        <form onSubmit={submit} noValidate className="form">
          <WebhookFields draft={draft} change={change} errors={errors} />
          <div className="field checkbox">
            <input
              id="webhook-enabled"
              type="checkbox"
              checked={draft.enabled}
              onChange={(event) => change({ enabled: event.target.checked })}
            />
            <label htmlFor="webhook-enabled">Enabled: send events from now on</label>
          </div>
          <ProblemAlert message={generalError(create.error, FIELDS)} />
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create endpoint'}
          </button>
        </form>
      </section>
      <section aria-labelledby="webhooks-heading">
        <h2 id="webhooks-heading">Endpoints</h2>
        <ProblemAlert message={generalError(page.error)} />
        {page.isSuccess && webhooks.length === 0 && <p>No webhook endpoints yet.</p>}
        {webhooks.length > 0 && (
          <TableRegion label="Webhook endpoints list" busy={page.isPlaceholderData}>
            <table>
              <thead>
                <tr>
                  <th scope="col">URL</th>
                  <th scope="col">Description</th>
                  <th scope="col">Events</th>
                  <th scope="col">State</th>
                  <th scope="col">Failing since</th>
                  <th scope="col">Deliveries</th>
                </tr>
              </thead>
              <tbody>
                {webhooks.map((webhook) => (
                  <tr key={webhook.id}>
                    <td>
                      <Link href={`${ADMIN.webhooks}/${webhook.id}`}>{webhook.url}</Link>
                    </td>
                    <td>{webhook.description || '—'}</td>
                    <td className="wrap">{eventsText(webhook.events)}</td>
                    <td className="wrap">{stateText(webhook)}</td>
                    <td>{time(webhook.failing_since)}</td>
                    <td>
                      <Link
                        href={`${ADMIN.webhooks}/${webhook.id}/deliveries`}
                        aria-label={`Deliveries to ${webhook.url}`}
                      >
                        Deliveries
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
        <Pager
          label="Webhook endpoint pages"
          hasPrevious={Boolean(page.data?.previous)}
          hasNext={Boolean(page.data?.next)}
          onPrevious={() => setCursor(cursorOf(page.data?.previous))}
          onNext={() => setCursor(cursorOf(page.data?.next))}
        />
      </section>
    </>
  );
}
