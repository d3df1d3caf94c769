/**
 * The console's admin pages as an admin uses them, and as a staff user cannot: the built server process on a
 * real port, Debian's Chromium, nothing in between but HTTP. Every page visited is checked with axe-core (no
 * serious or critical violation) and under the console's Content-Security-Policy (nothing refused).
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

const emails = { admin: 'chief@example.com', staff: 'till@example.com', leaver: 'leaver@example.com' };
let app: ConsoleUnderTest<keyof typeof emails>;
let origin: string;
let tokens: Record<keyof typeof emails, string>;

beforeAll(async () => {
  if (chromiumMissing) return;
  app = await startConsole(
    {
      admin: { email: emails.admin, admin: true },
      staff: { email: emails.staff },
      leaver: { email: emails.leaver },
    },
    // v1 counts as deprecated, so that its callers are listed.
    { API_V1_DEPRECATED_AT: '2026-01-01T00:00:00Z' },
  );
  ({ origin, tokens } = app);
});

afterAll(async () => {
  await app?.close();
});

/** The API as an internal system calls it with a token: the status and the parsed body. */
const callApi = (
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => callApiAt(origin, token, method, path, body, headers);
const visit = (viewport?: { width: number; height: number }) => visitIn(app.browser, viewport);
const openSignedIn = (v: Visit, token: string, path: string) => openSignedInAt(v, origin, token, path);
const failure = (page: Page) => `\npage: ${page.url()}\nserver output:\n${app.server.output()}`;

/** What the live region (the Announcer) says, once it says `text`. */
async function announced(page: Page, text: string | RegExp) {
  await page.locator('.status[role="status"]').filter({ hasText: text }).waitFor();
}

/** The SKUs the Place-order item picker offers for `typed`. */
async function itemOptions(page: Page, typed: string): Promise<string[]> {
  const box = page.getByRole('combobox', { name: 'Item' });
  await box.fill(typed);
  await page.locator('#order-item-state').filter({ hasText: /match/ }).waitFor();
  return page.getByRole('option').allTextContents();
}

describe.skipIf(chromiumMissing)(
  `console admin pages in Chromium${skippedWithoutChromium}`,
  { timeout: 120_000 },
  () => {
    test('when an admin creates an item and archives it, then it leaves the Place-order item picker', async () => {
      // Arrange
      const v = await visit(PHONE);
      await openSignedIn(v, tokens.admin, '/console/admin/catalogue');
      await v.check();

      // Act: a new item, with a price the API refuses first.
      await v.page.getByRole('link', { name: 'New item' }).click();
      await v.page.getByLabel('SKU').fill('RICE-5KG');
      await v.page.getByLabel('Name').fill('Rice 5kg');
      await v.page.getByLabel('Unit price').fill('12,50');
      await v.page.getByLabel('Currency').fill('KES');
      await v.page.getByRole('button', { name: 'Create item' }).click();
      await v.page.locator('#item-unit-price-error').waitFor();
      await v.check();

      // Assert: the API's message about the field, next to it.
      expect(await v.page.getByLabel('Unit price').getAttribute('aria-invalid')).toBe('true');

      // Act: a good price; then the item is on sale.
      await v.page.getByLabel('Unit price').fill('12.50');
      await v.page.getByRole('button', { name: 'Create item' }).click();
      await v.page.waitForURL(`${origin}/console/admin/catalogue`, { timeout: 10_000 });
      await announced(v.page, 'Item RICE-5KG saved.');
      await v.page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Place order' })
        .click();
      expect(await itemOptions(v.page, 'Rice'), failure(v.page)).toEqual([
        expect.stringContaining('RICE-5KG'),
      ]);

      // Act: someone else renames it while the admin looks at it, then the admin archives it.
      await v.page.goto(`${origin}/console/admin/catalogue`);
      await v.page.getByRole('link', { name: 'Rice 5kg' }).click();
      await v.page.getByRole('heading', { name: 'Item RICE-5KG', level: 1 }).waitFor();
      await v.check();
      const id = Number(new URL(v.page.url()).pathname.split('/').pop());
      const renamed = await callApi(tokens.admin, 'PATCH', `/api/v2/items/${id}/`, { name: 'Rice, 5 kg' });
      expect(renamed.status).toBe(200);
      await v.page.getByRole('button', { name: 'Archive item' }).click();

      // Assert: a 412 is shown as someone else's change, with theirs on the page.
      await v.page.getByRole('alert').filter({ hasText: 'Someone else changed this item' }).waitFor();
      await expect(v.page.getByLabel('Name').inputValue()).resolves.toBe('Rice, 5 kg');

      // Act: archive the current version.
      await v.page.getByRole('button', { name: 'Archive item' }).click();
      await announced(v.page, 'Item RICE-5KG archived');
      await v.page.getByText('Archived (cannot be ordered)').waitFor();
      await v.check();

      // Assert: listed as archived; gone from the Place-order picker.
      await v.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalogue' }).click();
      await v.page.getByLabel('Show').selectOption('false');
      await v.page.getByRole('link', { name: 'Rice, 5 kg' }).waitFor();
      await v.page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Place order' })
        .click();
      expect(await itemOptions(v.page, 'Rice'), failure(v.page)).toEqual([]);
      await expect(v.page.locator('#order-item-state').textContent()).resolves.toBe('No matches.');
      await v.check();
      await v.finish('admin-catalogue-archive');
    });

    test('when an admin creates a token for a staff user, then its secret is shown once, works, and stops when revoked', async () => {
      // Arrange
      const v = await visit();
      await v.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      await openSignedIn(v, tokens.admin, '/console/admin/users');
      await v.page.getByRole('searchbox', { name: 'Search users' }).fill('till@');
      await v.page.getByRole('link', { name: `API tokens of ${emails.staff}` }).click();
      await v.page.getByRole('heading', { name: 'API tokens', level: 1 }).waitFor();
      await expect.poll(() => v.page.getByRole('combobox', { name: 'User' }).inputValue()).toBe(emails.staff);
      await v.check();

      // Act
      await v.page.getByLabel('Name').fill('Stock sync');
      await v.page.getByRole('button', { name: 'Create token' }).click();
      const secretField = v.page.getByRole('textbox', { name: 'API token' });
      await secretField.waitFor();
      const secret = await secretField.inputValue();
      await v.check();
      await v.page.getByRole('button', { name: 'Copy' }).click();
      await announced(v.page, 'Copied.');

      // Assert: shown read-only with its warning, copied, kept in no storage; it acts as the staff user.
      expect(await secretField.getAttribute('readonly')).not.toBeNull();
      await v.page.getByText('it will not be shown again').waitFor();
      const copied = await v.page.evaluate(() => {
        const { navigator } = globalThis as unknown as {
          navigator: { clipboard: { readText(): Promise<string> } };
        };
        return navigator.clipboard.readText();
      });
      expect(copied).toBe(secret);
      const stored = await v.page.evaluate(() => {
        const { localStorage, sessionStorage } = globalThis as unknown as Record<string, object>;
        return JSON.stringify({ ...localStorage, ...sessionStorage });
      });
      expect(stored).not.toContain(secret);
      const me = await callApi(secret, 'GET', '/api/v2/me/');
      expect(me).toMatchObject({ status: 200, data: { email: emails.staff, auth_method: 'api_token' } });

      // Act: the page again.
      await v.page.reload();
      await v.page.getByRole('cell', { name: 'Stock sync', exact: true }).waitFor();

      // Assert: listed, never shown again.
      expect(await v.page.getByRole('textbox', { name: 'API token' }).count()).toBe(0);
      expect(await v.page.content()).not.toContain(secret);

      // Act: revoke it, through the confirmation.
      await v.page.getByRole('button', { name: `Revoke Stock sync of ${emails.staff}` }).click();
      const dialog = v.page.getByRole('dialog', { name: 'Revoke this token?' });
      await dialog.waitFor();
      await v.check();
      await dialog.getByRole('button', { name: 'Revoke token' }).click();
      await announced(v.page, `Token Stock sync of ${emails.staff} revoked.`);

      // Assert
      await v.page
        .getByRole('row', { name: /Stock sync/ })
        .getByText(/^Revoked/)
        .waitFor();
      expect((await callApi(secret, 'GET', '/api/v2/me/')).status).toBe(401);
      await v.finish('admin-tokens');
    });

    test('when an admin disables a staff user after confirming, then their token is refused; not themselves', async () => {
      // Arrange
      expect((await callApi(tokens.leaver, 'GET', '/api/v2/me/')).status).toBe(200);
      const v = await visit(PHONE);
      await openSignedIn(v, tokens.admin, '/console/admin/users');
      await v.page.getByLabel('Role').selectOption('staff');
      await v.page.getByRole('searchbox', { name: 'Search users' }).fill('leaver');
      await v.page.getByRole('row', { name: /leaver@example\.com/ }).waitFor();
      await v.check();

      // Act: the confirmation can be cancelled; then confirmed.
      await v.page.getByRole('button', { name: `Disable ${emails.leaver}` }).click();
      const dialog = v.page.getByRole('dialog', { name: 'Disable this user?' });
      await dialog.waitFor();
      await v.check();
      await v.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect((await callApi(tokens.leaver, 'GET', '/api/v2/me/')).status).toBe(200);
      await v.page.getByRole('button', { name: `Disable ${emails.leaver}` }).click();
      await dialog.getByRole('button', { name: 'Disable user' }).click();
      await announced(v.page, `${emails.leaver} disabled.`);

      // Assert
      await v.page
        .getByRole('row', { name: /leaver@example\.com/ })
        .getByText('Disabled')
        .waitFor();
      const refused = await callApi(tokens.leaver, 'GET', '/api/v2/me/');
      expect(refused).toMatchObject({ status: 403, data: { error: 'account_disabled' } });

      // Act: the admin tries to disable themselves.
      await v.page.getByLabel('Role').selectOption('admin');
      await v.page.getByRole('searchbox', { name: 'Search users' }).fill('chief');
      await v.page.getByRole('button', { name: `Disable ${emails.admin}` }).click();
      await dialog.getByRole('button', { name: 'Disable user' }).click();

      // Assert: the API's 409, as it said it.
      const alert = v.page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent(), failure(v.page)).toMatch(/disable/i);
      expect((await callApi(tokens.admin, 'GET', '/api/v2/me/')).status).toBe(200);
      await v.check();
      await v.finish('admin-users-disable');
    });

    test('when an admin opens API versions, then the callers of the deprecated v1 are listed', async () => {
      // Arrange: the staff user still calls v1.
      expect((await callApi(tokens.staff, 'GET', '/api/v1/customers/')).status).toBe(200);
      const v = await visit(PHONE);

      // Act
      await openSignedIn(v, tokens.admin, '/console/admin/versions');

      // Assert
      const row = v.page.getByRole('row', { name: new RegExp(emails.staff.replace('.', '\\.')) });
      await row.waitFor();
      expect(await row.textContent()).toContain('/api/v1/customers/');
      await v.check();
      await v.finish('admin-versions');
    });

    test('when a staff user types an admin address, then they see no admin data and no admin links', async () => {
      // Arrange
      const v = await visit();
      const admin = await callApi(tokens.staff, 'GET', '/api/v2/admin/users/?limit=20&count=false');
      expect(admin).toMatchObject({ status: 403, data: { error: 'admin_only' } });

      // Act
      await openSignedIn(v, tokens.staff, '/console/admin/users');

      // Assert
      await v.page.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
      const nav = v.page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Orders' }).waitFor();
      for (const name of ['Catalogue', 'Users', 'API tokens', 'API versions', 'Webhooks']) {
        expect(await nav.getByRole('link', { name }).count()).toBe(0);
      }
      expect(await v.page.getByRole('table').count()).toBe(0);
      expect(await v.page.content()).not.toContain(emails.admin);
      await v.check();
      await v.finish('admin-refused-to-staff');
    });
  },
);
