/**
 * The console's webhook pages as an admin uses them: the built server process on a real port, Debian's
 * Chromium, and a webhook receiver in a network namespace of its own (a private address allowed by
 * WEBHOOK_ALLOWED_NETWORKS, as an internal receiver is) that verifies every delivery with the
 * `standardwebhooks` package. Every page visited is checked with axe-core and under the console's CSP.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumMissing, PHONE, skippedWithoutChromium } from '../helpers/browser.js';
import {
  type ConsoleUnderTest,
  callApi as callApiAt,
  openSignedIn as openSignedInAt,
  startConsole,
  type Visit,
  visit as visitIn,
} from '../helpers/console.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';

/** Where no one listens: creating, disabling and deleting an endpoint sends nothing to it. */
const SILENT_NETWORK = '10.99.0.0/16';
const SILENT_URL = 'http://10.99.0.7/hooks/orderly';

const emails = { admin: 'hooks@example.com' };
let app: ConsoleUnderTest<keyof typeof emails>;
let receiver: WebhookReceiver;
let origin: string;
let tokens: Record<keyof typeof emails, string>;

beforeAll(async () => {
  if (chromiumMissing) return;
  receiver = await startWebhookReceiver();
  app = await startConsole(
    { admin: { email: emails.admin, admin: true } },
    {
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_ALLOWED_NETWORKS: `${SILENT_NETWORK},${receiver.network}`,
      WEBHOOK_TIMEOUT_MS: '2000',
    },
  );
  ({ origin, tokens } = app);
});

afterAll(async () => {
  await app?.close();
  await receiver?.close();
});

const callApi = (token: string, method: string, path: string, body?: unknown) =>
  callApiAt(origin, token, method, path, body);
const visit = (viewport?: { width: number; height: number }) => visitIn(app.browser, viewport);
const openSignedIn = (v: Visit, path: string) => openSignedInAt(v, origin, tokens.admin, path);
const failure = (page: Page) => `\npage: ${page.url()}\nserver output:\n${app.server.output()}`;

/** What the live region (the Announcer) says, once it says `text`. */
async function announced(page: Page, text: string | RegExp) {
  await page.locator('.status[role="status"]').filter({ hasText: text }).waitFor();
}

/** The id of the endpoint whose page the browser is on. */
const endpointId = (page: Page) => Number(new URL(page.url()).pathname.split('/')[4]);

describe.skipIf(chromiumMissing)(
  `console webhook pages in Chromium${skippedWithoutChromium}`,
  { timeout: 120_000 },
  () => {
    test('when an admin creates an endpoint, then its secret is shown once; disabled, it is listed so; then deleted', async () => {
      // Arrange
      const v = await visit(PHONE);
      await openSignedIn(v, '/console/admin/webhooks');
      await v.page.getByText('No webhook endpoints yet.').waitFor();
      await v.check();

      // Act: a loopback URL and no events first, which the API refuses.
      await v.page.getByLabel('URL').fill('http://127.0.0.1:9/hooks');
      await v.page.getByRole('button', { name: 'Create endpoint' }).click();
      await v.page.locator('#webhook-url-error').waitFor();
      await v.check();

      // Assert: each of the problem's details next to its field.
      expect(await v.page.getByLabel('URL').getAttribute('aria-invalid'), failure(v.page)).toBe('true');
      expect(await v.page.locator('#webhook-url-error').textContent()).toMatch(/loopback/i);
      const events = v.page.getByRole('group', { name: 'Events' });
      expect(await events.locator('#webhook-events-error').textContent()).not.toBe('');

      // Act: an allowed URL, two events.
      await v.page.getByLabel('URL').fill(SILENT_URL);
      await v.page.getByLabel('Description (optional)').fill('Invoicing');
      await events.getByLabel('order.placed').check();
      await events.getByLabel('order.cancelled').check();
      await v.page.getByRole('button', { name: 'Create endpoint' }).click();
      const secretField = v.page.getByRole('textbox', { name: 'Signing secret' });
      await secretField.waitFor();
      const secret = await secretField.inputValue();
      await v.check();

      // Assert: the secret, read-only, focused, with its warning; the endpoint as the API has it.
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32,}$/);
      expect(await secretField.getAttribute('readonly')).not.toBeNull();
      const focused = () =>
        v.page.evaluate(
          () =>
            (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document
              .activeElement?.id,
        );
      await expect.poll(focused).toBe('created-secret');
      await v.page.getByText('you will not see it again').waitFor();
      const row = v.page.getByRole('row', { name: /10\.99\.0\.7/ });
      await row.getByRole('cell', { name: 'Enabled' }).waitFor();
      expect(await row.getByRole('cell', { name: 'order.placed, order.cancelled' }).count()).toBe(1);

      // Act: the page again.
      await v.page.reload();
      await row.waitFor();

      // Assert: never shown again.
      expect(await v.page.getByRole('textbox', { name: 'Signing secret' }).count()).toBe(0);
      expect(await v.page.content()).not.toContain(secret);

      // Act: disable it on its page.
      await row.getByRole('link', { name: SILENT_URL, exact: true }).click();
      await v.page.getByRole('heading', { name: 'Webhook endpoint', level: 1 }).waitFor();
      const id = endpointId(v.page);
      await v.check();
      await v.page.getByRole('button', { name: 'Disable endpoint' }).click();
      await announced(v.page, `Webhook endpoint ${SILENT_URL} disabled`);
      await v.page.getByRole('button', { name: 'Enable endpoint' }).waitFor();
      await v.check();

      // Assert: listed as disabled, as the API says.
      await v.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
      await row.getByRole('cell', { name: /^Disabled/ }).waitFor();
      const disabled = await callApi(tokens.admin, 'GET', `/api/v2/webhooks/${id}/`);
      expect(disabled, failure(v.page)).toMatchObject({ status: 200, data: { enabled: false } });

      // Act: delete it, through the confirmation.
      await row.getByRole('link', { name: SILENT_URL, exact: true }).click();
      await v.page.getByRole('button', { name: 'Delete endpoint' }).click();
      const dialog = v.page.getByRole('dialog', { name: 'Delete this endpoint?' });
      await dialog.waitFor();
      await v.check();
      await dialog.getByRole('button', { name: 'Delete endpoint' }).click();

      // Assert: back on the list, without it; gone from the API.
      await v.page.waitForURL(`${origin}/console/admin/webhooks`);
      await announced(v.page, `Webhook endpoint ${SILENT_URL} deleted.`);
      await v.page.getByText('No webhook endpoints yet.').waitFor();
      expect((await callApi(tokens.admin, 'GET', `/api/v2/webhooks/${id}/`)).status).toBe(404);
      await v.check();
      await v.finish('admin-webhooks');
    });

    test('when an admin tests an endpoint, rotates its secret and retries a delivery, then the receiver verifies each and the console shows its answers', async () => {
      // Arrange: an endpoint for the receiver, its secret given to the receiver.
      await receiver.reset();
      const created = await callApi(tokens.admin, 'POST', '/api/v2/webhooks/', {
        url: receiver.url('/orderly'),
        description: 'Stock',
        events: ['*'],
      });
      expect(created.status).toBe(201);
      const { id, secret } = created.data as { id: number; secret: string };
      await receiver.setSecrets([secret]);
      await receiver.answer({ status: 202, body: 'queued for stock' });
      const v = await visit();
      await openSignedIn(v, `/console/admin/webhooks/${id}`);
      await v.check();

      const testing = v.page.getByRole('region', { name: 'Test' });

      // Act: a test event.
      await testing.getByRole('button', { name: 'Send test event' }).click();

      // Assert: what the receiver answered, which it verified with the secret.
      await testing.getByText('Delivered: the receiver answered 202 in').waitFor();
      await testing.getByText('queued for stock').waitFor();
      const [test] = await receiver.waitFor(1);
      expect(test, failure(v.page)).toMatchObject({ verified: true, verifiedWith: [0] });
      expect(JSON.parse(test?.body ?? '{}')).toMatchObject({ type: 'webhook.test' });
      await v.check();

      // Act: rotate the secret, through the confirmation.
      await v.page.getByRole('button', { name: 'Rotate secret' }).click();
      const dialog = v.page.getByRole('dialog', { name: 'Rotate the signing secret?' });
      await dialog.waitFor();
      await v.check();
      await dialog.getByRole('button', { name: 'Rotate secret' }).click();
      const newSecretField = v.page.getByRole('textbox', { name: 'New signing secret' });
      await newSecretField.waitFor();
      const newSecret = await newSecretField.inputValue();

      // Assert: a new secret, shown once, and until when the old one still signs.
      expect(newSecret).toMatch(/^whsec_/);
      expect(newSecret).not.toBe(secret);
      await v.page
        .getByText(/The old secret still signs every delivery, next to the new one, until/)
        .waitFor();
      await v.check();

      // Act: the receiver now knows only the new secret and refuses the next one; its deliveries page.
      await receiver.setSecrets([newSecret]);
      await receiver.answer({ status: 503, body: 'stock is down' });
      await testing.getByRole('button', { name: 'Send test event' }).click();
      await testing.getByText('Not delivered: the receiver answered 503 in').waitFor();
      await v.page.getByRole('link', { name: 'Deliveries to this endpoint' }).click();
      await v.page.getByRole('heading', { name: 'Webhook deliveries', level: 1 }).waitFor();
      const failed = v.page.getByRole('region', { name: /webhook\.test · Failed/ });
      await failed.getByText('stock is down').waitFor();
      await v.check();

      // Act: the receiver is back; retry the failed delivery.
      const messageId = (await failed.locator('code').textContent()) ?? '';
      await receiver.answer({ status: 200, body: 'ok' });
      await failed.getByRole('button', { name: `Retry webhook.test ${messageId}` }).click();
      await announced(v.page, `${messageId} delivered: the receiver answered 200.`);

      // Assert: sent again with the same webhook-id, verified with the new secret; the console shows it.
      const all = await receiver.waitFor(3);
      expect(all.map((request) => request.headers['webhook-id'])).toEqual([
        expect.any(String),
        messageId,
        messageId,
      ]);
      expect(all[2], failure(v.page)).toMatchObject({ verified: true, status: 200 });
      await v.page
        .getByRole('region', { name: /webhook\.test · Delivered/ })
        .filter({ hasText: messageId })
        .waitFor();
      await v.check();
      await v.finish('admin-webhooks-test-rotate-retry');
    });
  },
);
