import { ALL_EVENTS, EVENT_TYPES } from '../webhooks';
import { CheckboxGroup } from './CheckboxGroup';
import { TextField } from './TextField';

/** What an endpoint's forms edit, new or not: where events go, for whom, and which ones. */
export interface WebhookDraft {
  url: string;
  description: string;
  events: string[];
}

/** The URL, description and events fields of an endpoint, with the API's `details` next to each. */
export function WebhookFields({
  draft,
  change,
  errors,
}: {
  draft: WebhookDraft;
  change: (changes: Partial<WebhookDraft>) => void;
  errors: Record<string, string>;
}) {
  return (
    <>
      <TextField
        id="webhook-url"
        label="URL"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        value={draft.url}
        onChange={(url) => change({ url })}
        help="Where events are sent, e.g. https://invoicing.internal.example/hooks/orderly."
        error={errors.url}
      />
      <TextField
        id="webhook-description"
        label="Description (optional)"
        autoComplete="off"
        value={draft.description}
        onChange={(description) => change({ description })}
        help="Which system receives them, and who looks after it."
        error={errors.description}
      />
      <CheckboxGroup
        id="webhook-events"
        legend="Events"
        options={EVENT_TYPES}
        value={draft.events}
        onChange={(events) => change({ events })}
        everything={{ value: ALL_EVENTS, label: 'All events, those added later included' }}
        help="The changes this endpoint receives."
        error={errors.events}
      />
    </>
  );
}
