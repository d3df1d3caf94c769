import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { answer, api, fieldErrors, generalError, isAdminOnly, isStale } from '../api';
import { AdminOnly } from '../components/AdminOnly';
import { useAnnounce } from '../components/Announcer';
import { AttemptDetails } from '../components/AttemptDetails';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { OneTimeSecret } from '../components/OneTimeSecret';
import { PageTitle } from '../components/PageTitle';
import { ProblemAlert } from '../components/ProblemAlert';
import { type WebhookDraft, WebhookFields } from '../components/WebhookFields';
import { keys } from '../keys';
import { ADMIN } from '../paths';
import {
  type Delivery,
  eventsText,
  lastAttempt,
  stateText,
  time,
  type Webhook,
  webhookQuery,
} from '../webhooks';

const FIELDS = ['url', 'description', 'events'];
type Draft = WebhookDraft;
const draftOf = (webhook: Webhook): Draft => ({
  url: webhook.url,
  description: webhook.description,
  events: [...webhook.events],
});

const CONFLICT =
  'Someone else changed this endpoint; the page now shows its current state. Make your changes again, then save.';

/** What the receiver answered to a test event, in one sentence (the status message says it too). */
function testSummary(delivery: Delivery): string {
  const attempt = lastAttempt(delivery);
  if (!attempt) return 'The test event was not sent.';
  const answered =
    attempt.status_code === null
      ? `no answer (${attempt.error ?? 'no reason given'})`
      : `${attempt.status_code} in ${attempt.duration_ms} ms`;
  return `${delivery.status === 'succeeded' ? 'Delivered' : 'Not delivered'}: the receiver answered ${answered}.`;
}

/** One webhook endpoint: its state, editing it, enabling or disabling it, a test event, a new secret, deleting it. */
export function WebhookPage({ id }: { id: number }) {
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [, navigate] = useLocation();
  const [rotating, setRotating] = useState(false);
  const [deleting, setDeleting] = useState(false);

  const existing = useQuery(webhookQuery(id));
  const loaded = existing.data?.webhook;
  const etag = existing.data?.etag;
  const [draft, setDraft] = useState<Draft>({ url: '', description: '', events: [] });
  // A newly loaded endpoint (after a save, someone else's change) refills the form.
  useEffect(() => {
    if (loaded) setDraft(draftOf(loaded));
  }, [loaded]);
  // Someone else changed it: show theirs, to change again.
  const reloadOnConflict = async (error: Error) => {
    if (isStale(error)) await queryClient.invalidateQueries({ queryKey: keys.webhook(id) });
  };
  const patch = (changes: Partial<Draft & { enabled: boolean }>) =>
    answer(
      api.PATCH('/api/v2/webhooks/{id}/', {
        params: { path: { id }, header: { 'if-match': etag } },
        body: changes,
      }),
    );

  const save = useMutation({
    mutationFn: (values: Draft) =>
      patch({ url: values.url.trim(), description: values.description, events: values.events }),
    onSuccess: async ({ data }) => {
      await queryClient.invalidateQueries({ queryKey: keys.webhooks });
      announce(`Webhook endpoint ${data.url} saved.`);
    },
    onError: reloadOnConflict,
  });

  const toggle = useMutation({
    mutationFn: (enabled: boolean) => patch({ enabled }),
    onSuccess: async ({ data }) => {
      await queryClient.invalidateQueries({ queryKey: keys.webhooks });
      announce(
        data.enabled
          ? `Webhook endpoint ${data.url} enabled: events are sent to it again.`
          : `Webhook endpoint ${data.url} disabled: no events are sent to it.`,
      );
    },
    onError: reloadOnConflict,
  });

  const rotate = useMutation({
    // The answer holds the secret: dropped from the mutation cache as soon as this page is left.
    gcTime: 0,
    mutationFn: async () =>
      (await answer(api.POST('/api/v2/webhooks/{id}/rotate-secret/', { params: { path: { id } } }))).data,
    onSuccess: async () => {
      announce('New signing secret made. Copy it now: it will not be shown again.');
      await queryClient.invalidateQueries({ queryKey: keys.webhooks });
    },
    onSettled: () => setRotating(false),
  });

  const test = useMutation({
    mutationFn: async () =>
      (await answer(api.POST('/api/v2/webhooks/{id}/test/', { params: { path: { id } } }))).data,
    onSuccess: async (delivery) => {
      announce(`Test event: ${testSummary(delivery)}`);
      await queryClient.invalidateQueries({ queryKey: keys.webhookDeliveries(id) });
    },
  });

  const remove = useMutation({
    mutationFn: () =>
      answer(
        api.DELETE('/api/v2/webhooks/{id}/', { params: { path: { id }, header: { 'if-match': etag } } }),
      ),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: keys.webhook(id) });
      queryClient.removeQueries({ queryKey: keys.webhookDeliveries(id) });
      await queryClient.invalidateQueries({ queryKey: keys.webhooks });
      announce(`Webhook endpoint ${loaded?.url ?? ''} deleted.`);
      navigate(ADMIN.webhooks);
    },
    onError: reloadOnConflict,
    onSettled: () => setDeleting(false),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!save.isPending) save.mutate(draft);
  };
  const errors = fieldErrors(save.error);
  const problem = (error: Error | null, fields?: string[]) =>
    isStale(error) ? CONFLICT : generalError(error, fields);

  if (isAdminOnly(existing.error)) return <AdminOnly title="Webhook endpoint" />;
  if (!loaded) {
    return (
      <>
        <PageTitle>Webhook endpoint</PageTitle>
        <ProblemAlert message={generalError(existing.error)} />
        {existing.isPending && <p>Loading…</p>}
      </>
    );
  }
  const rotated = rotate.data;
  const tested = test.data && lastAttempt(test.data);
  return (
    <>
      <PageTitle>Webhook endpoint</PageTitle>
      <p>
        <Link href={ADMIN.webhooks}>All webhook endpoints</Link> ·{' '}
        <Link href={`${ADMIN.webhooks}/${id}/deliveries`}>Deliveries to this endpoint</Link>
      </p>
      <dl className="details">
        <dt>URL</dt>
        <dd className="break">{loaded.url}</dd>
        <dt>Events</dt>
        <dd>{eventsText(loaded.events)}</dd>
        <dt>State</dt>
        <dd>
          <strong>{stateText(loaded)}</strong>
        </dd>
        <dt>Failing since</dt>
        <dd>{loaded.failing_since ? time(loaded.failing_since) : 'Not failing'}</dd>
        {loaded.previous_secret_expires_at && new Date(loaded.previous_secret_expires_at) > new Date() && (
          <>
            <dt>Previous secret</dt>
            <dd>Still signs deliveries until {time(loaded.previous_secret_expires_at)}</dd>
          </>
        )}
        <dt>Created</dt>
        <dd>{time(loaded.created_at)}</dd>
      </dl>

      <section aria-labelledby="webhook-state-heading">
        <h2 id="webhook-state-heading">
          {loaded.enabled ? 'Disable this endpoint' : 'Enable this endpoint'}
        </h2>
        <p>
          {loaded.enabled
            ? 'No events are sent to a disabled endpoint, nor recorded for it, until it is enabled again.'
            : 'Events are sent to it again from now on; those of the time it was disabled are not.'}
        </p>
        <ProblemAlert message={problem(toggle.error)} />
        <button
          type="button"
          className={loaded.enabled ? 'danger-button' : undefined}
          onClick={() => toggle.mutate(!loaded.enabled)}
          disabled={toggle.isPending}
        >
          {loaded.enabled ? 'Disable endpoint' : 'Enable endpoint'}
        </button>
      </section>

      <section aria-labelledby="webhook-edit-heading">
        <h2 id="webhook-edit-heading">Change</h2>
        <form onSubmit={submit} noValidate className="form">
          <WebhookFields
            draft={draft}
            change={(changes) => setDraft((current) => ({ ...current, ...changes }))}
            errors={errors}
          />
          <ProblemAlert message={problem(save.error, FIELDS)} />
          <button type="submit" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save endpoint'}
          </button>
        </form>
      </section>

      <section aria-labelledby="webhook-test-heading">
        <h2 id="webhook-test-heading">Test</h2>
        <p>
          Sends a <code>webhook.test</code> event to this endpoint now, enabled or not, and shows what the
          receiver answered. It is not retried.
        </p>
        <ProblemAlert message={generalError(test.error)} />
        <button type="button" onClick={() => test.mutate()} disabled={test.isPending}>
          {test.isPending ? 'Sending…' : 'Send test event'}
        </button>
        {test.data && (
          <div className="test-result">
            <p>
              <strong>{testSummary(test.data)}</strong>
            </p>
            {tested && <AttemptDetails attempt={tested} />}
          </div>
        )}
      </section>

      <section aria-labelledby="webhook-secret-heading">
        <h2 id="webhook-secret-heading">Signing secret</h2>
        {rotated ? (
          <OneTimeSecret
            id="rotated"
            heading="New signing secret"
            label="New signing secret"
            secret={rotated.secret}
            doneLabel="Done: hide the secret"
            onDone={() => rotate.reset()}
          >
            <p>Copy it now and give it to the receiver: you will not see it again.</p>
            <p>
              {rotated.previous_secret_expires_at
                ? `The old secret still signs every delivery, next to the new one, until ${time(rotated.previous_secret_expires_at)}; after that only the new one does.`
                : 'Only the new secret signs deliveries from now on.'}
            </p>
          </OneTimeSecret>
        ) : (
          <p>
            A new secret replaces the current one. For a while, deliveries carry signatures with both, so the
            receiver can switch without refusing any.
          </p>
        )}
        <ProblemAlert message={generalError(rotate.error)} />
        <button
          type="button"
          onClick={() => {
            rotate.reset();
            setRotating(true);
          }}
        >
          Rotate secret
        </button>
      </section>

      <section className="danger" aria-labelledby="webhook-delete-heading">
        <h2 id="webhook-delete-heading">Delete this endpoint</h2>
        <ProblemAlert message={problem(remove.error)} />
        <button
          type="button"
          className="danger-button"
          onClick={() => {
            remove.reset();
            setDeleting(true);
          }}
        >
          Delete endpoint
        </button>
      </section>

      <ConfirmDialog
        id="confirm-rotate"
        open={rotating}
        title="Rotate the signing secret?"
        confirmLabel="Rotate secret"
        busy={rotate.isPending}
        onConfirm={() => rotate.mutate()}
        onCancel={() => setRotating(false)}
      >
        <p>
          A new secret is made and shown once. The current one keeps signing deliveries alongside it for a
          while (the page says until when), then stops: the receiver must have the new one by then.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        id="confirm-delete"
        open={deleting}
        title="Delete this endpoint?"
        confirmLabel="Delete endpoint"
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => setDeleting(false)}
      >
        <p>
          {`No more events are sent to ${loaded.url}, and the record of its deliveries is deleted with it. This cannot be undone.`}
        </p>
      </ConfirmDialog>
    </>
  );
}
