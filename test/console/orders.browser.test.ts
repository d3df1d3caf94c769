/**
 * The console's order pages in Chromium against the built server, whose own dispatcher sends SMS to the fake
 * Africa's Talking on loopback: a new order's notification seen going out, a failed one retried by an admin,
 * and the orders list's filters and pages. Every page visited is checked with axe-core (no serious or
 * critical violation) and under the console's Content-Security-Policy (nothing refused).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumMissing, DESKTOP, PHONE, screenshot, skippedWithoutChromium } from '../helpers/browser.js';
import {
  type ConsoleUnderTest,
  callApiOk,
  openSignedIn as openSignedInAt,
  startConsole,
  type Visit,
  visit as visitIn,
} from '../helpers/console.js';
import { type FakeAfricasTalking, startFakeAfricasTalking } from '../helpers/fake-africastalking.js';

const emails = { admin: 'ops@example.com', staff: 'till@example.com', clerk: 'lists@example.com' };
let app: ConsoleUnderTest<keyof typeof emails>;
let fake: FakeAfricasTalking | undefined;
let origin: string;
let tokens: Record<keyof typeof emails, string>;
let item: { id: number; sku: string };

/** The API, as an internal system calls it with a token: the body of its 2xx answer. */
const callApi = async (token: string, method: string, path: string, body?: unknown) =>
  (await callApiOk(origin, token, method, path, body)).data;

const createCustomer = (token: string, first_name: string, second_name: string, phone: string) =>
  callApi(token, 'POST', '/api/v2/customers/', { first_name, second_name, phone }) as Promise<{
    id: number;
    name: string;
  }>;

const createItem = (sku: string, name: string) =>
  callApi(tokens.admin, 'POST', '/api/v2/items/', {
    sku,
    name,
    unit_price: '4.50',
    currency: 'KES',
  }) as Promise<{
    id: number;
    sku: string;
  }>;

const placeOrder = (token: string, customer: number, item: number) =>
  callApi(token, 'POST', '/api/v2/orders/', { customer, item, quantity: 1 }) as Promise<{ id: number }>;

const notificationsOf = async (order: number) =>
  (await callApi(tokens.admin, 'GET', `/api/v2/orders/${order}/notifications/`)).results as {
    id: number;
    status: string;
  }[];

beforeAll(async () => {
  if (chromiumMissing) return;
  fake = await startFakeAfricasTalking();
  app = await startConsole(
    {
      admin: { email: emails.admin, admin: true },
      staff: { email: emails.staff },
      clerk: { email: emails.clerk },
    },
    {
      // The dispatcher in the server process, sending to the fake gateway.
      DISPATCHER_IN_API: 'true',
      SMS_PROVIDER: 'africastalking',
      AT_USERNAME: fake.username,
      AT_API_KEY: fake.apiKey,
      AT_BASE_URL: fake.url,
    },
  );
  ({ origin, tokens } = app);
  item = await createItem('MAIZE-2KG', 'Maize flour 2kg');
});

afterAll(async () => {
  await app?.close();
  await fake?.close();
});

const visit = (viewport = DESKTOP) => visitIn(app.browser, viewport);
const openSignedIn = (v: Visit, token: string, path: string) => openSignedInAt(v, origin, token, path);

/** The status cell of the order page's notifications table (the first row: an order's placed SMS). */
const notificationStatus = (page: Page) =>
  page.getByRole('region', { name: 'SMS notifications list' }).locator('tbody tr td:nth-child(3)').first();

const failure = (page: Page) => `\npage: ${page.url()}\nserver output:\n${app.server.output()}`;

describe.skipIf(chromiumMissing)(
  `order pages in Chromium${skippedWithoutChromium}`,
  { timeout: 120_000 },
  () => {
    test('when an order is placed, then its page shows the SMS going from not yet sent to sent, without a reload', async () => {
      // Arrange: the gateway takes 4 s to answer, so the page first sees the message in flight.
      const phone = '+254711200001';
      fake?.behaveFor(phone, { kind: 'slow', ms: 4_000 });
      await createCustomer(tokens.staff, 'Neema', 'Wambui', phone);
      const v = await visit(PHONE);
      const notificationRequests: string[] = [];
      v.page.on('request', (request) => {
        if (request.url().includes('/notifications/')) notificationRequests.push(request.url());
      });
      await openSignedIn(v, tokens.staff, '/console/orders/new');

      // Act
      await v.page.getByRole('combobox', { name: 'Customer' }).fill('Neema');
      await v.page.getByRole('option', { name: /Neema Wambui/ }).click();
      await v.page.getByRole('combobox', { name: 'Item' }).fill('MAIZE');
      await v.page.getByRole('option', { name: /MAIZE-2KG/ }).click();
      await v.page.getByRole('button', { name: 'Place order' }).click();
      await v.page.waitForURL(/\/console\/orders\/\d+$/);
      const status = notificationStatus(v.page);
      await status.waitFor();
      const first = await status.textContent();
      await v.check();
      await status.filter({ hasText: /^sent/ }).waitFor({ timeout: 15_000 });

      // Assert
      expect(first, failure(v.page)).toMatch(/^(pending|sending)/);
      const row = v.page.getByRole('region', { name: 'SMS notifications list' }).locator('tbody tr').first();
      expect(await row.textContent()).toContain(phone);
      expect(fake?.received.filter((sms) => sms.to === phone)).toHaveLength(1);
      // Settled: the page stops asking.
      const asked = notificationRequests.length;
      await v.page.waitForTimeout(3_500);
      expect(notificationRequests.length).toBe(asked);
      await v.check();
      await v.finish('orders-notification-sent');
    });

    test('when an SMS failed for good, then an admin (not staff) retries it from the order page and it is sent', async () => {
      // Arrange: the gateway refuses this number as invalid, which is final.
      const phone = '+254711200002';
      fake?.behaveFor(phone, { kind: 'recipient', statusCode: 403, status: 'InvalidPhoneNumber' });
      const customer = await createCustomer(tokens.staff, 'Imani', 'Chebet', phone);
      const order = await placeOrder(tokens.staff, customer.id, item.id);
      await expect
        .poll(async () => (await notificationsOf(order.id))[0]?.status, { timeout: 15_000, interval: 200 })
        .toBe('failed');
      fake?.behaveFor(phone, undefined);
      const staff = await visit(PHONE);
      const admin = await visit(PHONE);
      await openSignedIn(staff, tokens.staff, `/console/orders/${order.id}`);
      await notificationStatus(staff.page)
        .filter({ hasText: /^failed/ })
        .waitFor();
      const staffRetry = await staff.page.getByRole('button', { name: 'Retry' }).count();
      await staff.check();
      await openSignedIn(admin, tokens.admin, `/console/orders/${order.id}`);
      await notificationStatus(admin.page)
        .filter({ hasText: /^failed/ })
        .waitFor();
      await admin.check();

      // Act
      await admin.page.getByRole('button', { name: 'Retry' }).click();
      const toast = admin.page.locator('.status[role="status"]').filter({ hasText: 'will be sent again' });
      await toast.waitFor();
      await notificationStatus(admin.page).filter({ hasText: /^sent/ }).waitFor({ timeout: 15_000 });

      // Assert
      expect(staffRetry).toBe(0);
      expect(await admin.page.getByRole('button', { name: 'Retry' }).count()).toBe(0);
      const [retried] = await notificationsOf(order.id);
      expect(retried?.status).toBe('sent');
      expect(fake?.received.filter((sms) => sms.to === phone)).toHaveLength(2);
      // The status message, at the bottom of a phone screen, leaves the table's last row uncovered.
      await admin.page.evaluate(() => {
        const { scrollTo, document } = globalThis as unknown as {
          scrollTo: (x: number, y: number) => void;
          document: { body: { scrollHeight: number } };
        };
        scrollTo(0, document.body.scrollHeight);
      });
      const toastBox = await admin.page.locator('.toast').boundingBox();
      const lastRow = await admin.page
        .getByRole('region', { name: 'SMS notifications list' })
        .locator('tbody tr')
        .last()
        .boundingBox();
      expect(toastBox && lastRow && lastRow.y + lastRow.height <= toastBox.y, failure(admin.page)).toBe(true);
      await screenshot(admin.page, 'orders-notification-retried-toast');
      await admin.check();
      await admin.page.getByRole('button', { name: 'Dismiss' }).click();
      expect(await admin.page.locator('.status[role="status"]').textContent()).toBe('');
      await staff.finish('orders-notification-failed-staff');
      await admin.finish('orders-notification-retried');
    });

    test('when the orders list is filtered through its form, then the URL and the rows follow, a reload keeps them, and pages turn', async () => {
      // Arrange: 31 orders of one user (the list shows 20 a page), 2 of them cancelled.
      const amani = await createCustomer(tokens.clerk, 'Amani', 'Listed', '+254711200003');
      const baraka = await createCustomer(tokens.clerk, 'Baraka', 'Listed', '+254711200004');
      const rice = await createItem('RICE-5KG', 'Rice 5kg');
      const beans = await createItem('BEANS-2KG', 'Beans 2kg');
      for (let i = 0; i < 24; i++) await placeOrder(tokens.clerk, amani.id, rice.id);
      const amaniBeans = [];
      for (let i = 0; i < 4; i++) amaniBeans.push(await placeOrder(tokens.clerk, amani.id, beans.id));
      for (let i = 0; i < 3; i++) await placeOrder(tokens.clerk, baraka.id, rice.id);
      for (const order of amaniBeans.slice(0, 2)) {
        await callApi(tokens.clerk, 'POST', `/api/v2/orders/${order.id}/cancel/`);
      }
      const cancelled = amaniBeans.slice(0, 2).map((order) => `Order ${order.id}`);
      const v = await visit();
      const rows = v.page.locator('table tbody tr');
      const rowLinks = () => rows.locator('td:first-child').allTextContents();
      const url = () => new URL(v.page.url()).searchParams;
      const today = new Date();
      const day = (offset: number) => {
        const at = new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset);
        return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
      };
      await openSignedIn(v, tokens.clerk, '/console/orders');
      await expect.poll(() => rows.count()).toBe(20);
      await v.check();

      // Act: customer and item through the comboboxes.
      await v.page.getByRole('combobox', { name: 'Customer' }).fill('Amani');
      await v.page.getByRole('option', { name: /Amani Listed/ }).click();
      await expect.poll(() => url().get('customer')).toBe(String(amani.id));
      await v.page.getByRole('combobox', { name: 'Item' }).fill('RICE');
      await v.page.getByRole('option', { name: /RICE-5KG/ }).click();
      await expect.poll(() => url().get('item')).toBe(String(rice.id));
      // The previous rows stay on screen until the filtered ones arrive.
      const onlyAmaniRice = async () =>
        (await rows.allTextContents()).every(
          (text) => text.includes('Amani Listed') && text.includes('Rice 5kg'),
        );
      await expect.poll(onlyAmaniRice).toBe(true);
      await expect.poll(() => rows.count()).toBe(20);
      const firstPage = await rowLinks();
      await v.check();

      // Act: the next page and back.
      await v.page.getByRole('button', { name: 'Next page' }).click();
      await expect.poll(() => rows.count()).toBe(4);
      const secondPage = await rowLinks();
      const secondPageUrl = url();
      await v.check();
      await v.page.getByRole('button', { name: 'Previous page' }).click();
      await expect.poll(() => rows.count()).toBe(20);
      const backAgain = await rowLinks();

      // Assert
      expect(await onlyAmaniRice()).toBe(true);
      expect(secondPage.filter((link) => firstPage.includes(link))).toEqual([]);
      expect(secondPageUrl.get('cursor')).toBeTruthy();
      expect(secondPageUrl.get('customer')).toBe(String(amani.id));
      expect(secondPageUrl.get('item')).toBe(String(rice.id));
      expect(backAgain).toEqual(firstPage);
      expect(await v.page.getByRole('button', { name: 'Previous page' }).isDisabled()).toBe(true);

      // Act: another item, a status and today's dates, then a reload.
      await v.page.getByRole('combobox', { name: 'Item' }).fill('BEANS');
      await v.page.getByRole('option', { name: /BEANS-2KG/ }).click();
      await v.page.getByLabel('Status').selectOption('Cancelled');
      await v.page.getByLabel('Placed from').fill(day(0));
      await v.page.getByLabel('Placed until').fill(day(0));
      await expect.poll(() => url().get('to')).toBe(day(0));
      await expect.poll(async () => (await rowLinks()).sort()).toEqual([...cancelled].sort());
      const filteredUrl = v.page.url();
      await v.page.reload();
      await v.page.getByRole('heading', { level: 1 }).waitFor();
      await expect.poll(() => rows.count()).toBe(2);

      // Assert
      expect(Object.fromEntries(new URL(filteredUrl).searchParams)).toEqual({
        status: 'Cancelled',
        customer: String(amani.id),
        item: String(beans.id),
        from: day(0),
        to: day(0),
      });
      expect(v.page.url()).toBe(filteredUrl);
      expect((await rowLinks()).sort()).toEqual([...cancelled].sort());
      expect(await v.page.getByLabel('Status').inputValue()).toBe('Cancelled');
      await expect
        .poll(() => v.page.getByRole('combobox', { name: 'Customer' }).inputValue())
        .toContain('Amani Listed');
      await expect
        .poll(() => v.page.getByRole('combobox', { name: 'Item' }).inputValue())
        .toContain('BEANS-2KG');
      expect(await v.page.getByLabel('Placed from').inputValue()).toBe(day(0));
      await v.check();
      await screenshot(v.page, 'orders-list-filtered');

      // Act: a range that starts tomorrow.
      await v.page.getByLabel('Placed from').fill(day(1));
      await v.page.getByLabel('Placed until').fill(day(1));
      await v.page.getByText('No orders match these filters.').waitFor();

      // Assert
      expect(url().get('from')).toBe(day(1));
      await v.check();
      await v.finish('orders-list-empty-range');
    });
  },
);
