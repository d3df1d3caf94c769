import { type Attempt, time } from '../webhooks';

/** One attempt of a webhook delivery: when, what the receiver answered and how fast, or why there was no answer. */
export function AttemptDetails({ attempt }: { attempt: Attempt }) {
  return (
    <dl className="details">
      <dt>Sent</dt>
      <dd>{time(attempt.attempted_at)}</dd>
      <dt>Status code</dt>
      <dd>{attempt.status_code ?? 'No answer'}</dd>
      <dt>Duration</dt>
      <dd>{attempt.duration_ms} ms</dd>
      {attempt.error && (
        <>
          <dt>Error</dt>
          <dd className="break">{attempt.error}</dd>
        </>
      )}
      <dt>Response</dt>
      <dd>{attempt.response ? <pre className="excerpt">{attempt.response}</pre> : '(empty)'}</dd>
    </dl>
  );
}
