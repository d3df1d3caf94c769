/**
 * The staff console as people use it: the built server process on a real port, Debian's Chromium, and
 * nothing in between but HTTP. Every page visited is checked with axe-core (no serious or critical
 * violation) and under the console's Content-Security-Policy (nothing refused).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumMissing, DESKTOP, PHONE, skippedWithoutChromium } from '../helpers/browser.js';
import {
  type ConsoleUnderTest,
  callApiOk,
  openSignedIn as openSignedInAt,
  signInWithToken,
  startConsole,
  type Visit,
  visit as visitIn,
} from '../helpers/console.js';

const emails = { admin: 'boss@example.com', staff: 'counter@example.com', other: 'phone@example.com' };
let app: ConsoleUnderTest<keyof typeof emails>;
let origin: string;
let tokens: Record<keyof typeof emails, string>;
let item: { id: number; sku: string };

/** The API, as an internal system calls it with a token. */
const callApi = (
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => callApiOk(origin, token, method, path, body, headers);

const createCustomer = async (token: string, first_name: string, second_name: string) =>
  (await callApi(token, 'POST', '/api/v2/customers/', { first_name, second_name, phone: '+254712345678' }))
    .data as { id: number; name: string; code: string };

beforeAll(async () => {
  if (chromiumMissing) return;
  app = await startConsole({
    admin: { email: emails.admin, admin: true },
    staff: { email: emails.staff },
    other: { email: emails.other },
  });
  ({ origin, tokens } = app);
  item = (
    await callApi(tokens.admin, 'POST', '/api/v2/items/', {
      sku: 'SUGAR-1KG',
      name: 'Sugar 1kg',
      unit_price: '12.35',
      currency: 'KES',
    })
  ).data;
});

afterAll(async () => {
  await app?.close();
});

const visit = (viewport = DESKTOP) => visitIn(app.browser, viewport);
const openSignedIn = (v: Visit, token: string, path: string) => openSignedInAt(v, origin, token, path);
const failure = (page: Page) => `\npage: ${page.url()}\nserver output:\n${app.server.output()}`;

describe.skipIf(chromiumMissing)(
  `staff console in Chromium${skippedWithoutChromium}`,
  { timeout: 120_000 },
  () => {
    test('when someone without a session opens a page, then they sign in with a token and land back on it', async () => {
      // Arrange
      const v = await visit(PHONE);
      const path = '/console/orders/new';

      // Act: no session yet.
      await v.page.goto(`${origin}${path}`);
      await v.page.waitForURL(`${origin}/console/sign-in?next=${encodeURIComponent(path)}`);
      await v.page.getByRole('heading', { name: 'Sign in to Orderly' }).waitFor();
      await v.check();
      await v.page.getByLabel('API token').fill('oly_not-a-real-token');
      await v.page.getByRole('button', { name: 'Sign in', exact: true }).click();
      const refused = v.page.getByRole('alert');
      await refused.waitFor();
      const refusal = await refused.textContent();
      await v.check();
      await signInWithToken(v, tokens.staff, path);

      // Assert
      expect(refusal, failure(v.page)).toMatch(/token/i);
      await expect(v.page.getByText(emails.staff).textContent()).resolves.toContain(emails.staff);
      expect(await v.page.locator('header').textContent()).toContain('(staff)');
      const stored = await v.page.evaluate(() => {
        const { localStorage, sessionStorage } = globalThis as unknown as Record<string, object>;
        return JSON.stringify({ ...localStorage, ...sessionStorage });
      });
      expect(stored).not.toContain('oly_');
      const cookies = await v.context.cookies(origin);
      expect(cookies.find((cookie) => cookie.name === 'orderly_session')).toMatchObject({ httpOnly: true });
      await v.check();
      await v.finish('console-sign-in');
    });

    test('when a customer is created with a local phone number, then the API’s message shows at the field; with the country code it is created', async () => {
      // Arrange
      const v = await visit();
      await openSignedIn(v, tokens.staff, '/console/customers/new');
      await v.page.getByLabel('First name').fill('Achieng');
      await v.page.getByLabel('Second name').fill('Odhiambo');

      // Act
      await v.page.getByLabel('Phone').fill('0712 345 678');
      await v.page.getByRole('button', { name: 'Create customer' }).click();
      const phoneError = v.page.locator('#customer-phone-error');
      await phoneError.waitFor();

      // Assert
      expect(await phoneError.textContent()).not.toBe('');
      expect(await v.page.getByLabel('Phone').getAttribute('aria-invalid')).toBe('true');
      expect(await v.page.getByLabel('Phone').getAttribute('aria-describedby')).toContain(
        'customer-phone-error',
      );
      await v.check();

      // Act
      await v.page.getByLabel('Phone').fill('+254712345678');
      await v.page.getByRole('button', { name: 'Create customer' }).click();
      await v.page.waitForURL(`${origin}/console/customers`);
      await v.page.getByRole('link', { name: 'Achieng Odhiambo' }).waitFor();

      // Assert
      await v.check();
      await v.finish('console-customer-created');
    });

    test('when an order is placed by searching the customer and picking the item, then the total is exact and the order page shows it', async () => {
      // Arrange
      const customer = await createCustomer(tokens.staff, 'Wanjiru', 'Kamau');
      const v = await visit(PHONE);
      await openSignedIn(v, tokens.staff, '/console/orders/new');

      // Act: the customer by keyboard, the item by pointer.
      const customerBox = v.page.getByRole('combobox', { name: 'Customer' });
      await customerBox.fill('Wanjiru');
      // Until the search answers, the list may still show the customers of the empty search before it.
      await expect
        .poll(() => v.page.getByRole('option').allTextContents())
        .toEqual([expect.stringMatching(/Wanjiru Kamau/)]);
      await v.check();
      await customerBox.press('ArrowDown');
      expect(await customerBox.getAttribute('aria-activedescendant')).toBe(
        `order-customer-option-${customer.id}`,
      );
      await customerBox.press('Enter');
      const itemBox = v.page.getByRole('combobox', { name: 'Item' });
      await itemBox.fill('SUGAR');
      await v.page.getByRole('option', { name: /SUGAR-1KG/ }).click();
      await v.page.getByLabel('Quantity').fill('3');
      const total = await v.page.locator('output').textContent();
      await v.check();
      await v.page.getByRole('button', { name: 'Place order' }).click();
      await v.page.waitForURL(/\/console\/orders\/\d+$/);
      await v.page.getByText('Pending').waitFor();

      // Assert
      expect(await customerBox.isVisible().catch(() => false)).toBe(false);
      expect(total).toBe('KES 37.05');
      expect(await v.page.locator('.details').textContent()).toContain('KES 37.05');
      const id = Number(/\/orders\/(\d+)$/.exec(v.page.url())?.[1]);
      const { data: order } = await callApi(tokens.staff, 'GET', `/api/v2/orders/${id}/`);
      expect(order).toMatchObject({
        customer: { id: customer.id },
        item: { id: item.id },
        quantity: 3,
        total: '37.05',
      });
      await v.check();
      await v.finish('console-order-placed');
    });

    test('when "Place order" is double-clicked, then exactly one order is placed', async () => {
      // Arrange
      const customer = await createCustomer(tokens.staff, 'Baraka', 'Mwangi');
      const v = await visit();
      await openSignedIn(v, tokens.staff, '/console/orders/new');
      await v.page.getByRole('combobox', { name: 'Customer' }).fill('Baraka');
      await v.page.getByRole('option', { name: /Baraka Mwangi/ }).click();
      await v.page.getByRole('combobox', { name: 'Item' }).fill('Sugar');
      await v.page.getByRole('option', { name: /SUGAR-1KG/ }).click();

      // Act
      await v.page.getByRole('button', { name: 'Place order' }).dblclick();
      await v.page.waitForURL(/\/console\/orders\/\d+$/);

      // Assert
      const { data } = await callApi(
        tokens.staff,
        'GET',
        `/api/v2/orders/?customer=${customer.id}&count=true`,
      );
      expect(data.count).toBe(1);
      await v.check();
      await v.finish('console-order-double-click');
    });

    test('when the order changed after the page read it, then Close shows the conflict and the current order instead of overwriting it', async () => {
      // Arrange
      const customer = await createCustomer(tokens.staff, 'Zawadi', 'Njeri');
      const { data: order } = await callApi(tokens.staff, 'POST', '/api/v2/orders/', {
        customer: customer.id,
        item: item.id,
        quantity: 2,
      });
      const v = await visit();
      await openSignedIn(v, tokens.staff, `/console/orders/${order.id}`);
      await v.page.getByRole('button', { name: 'Close order' }).waitFor();
      await callApi(tokens.staff, 'PATCH', `/api/v2/orders/${order.id}/`, { quantity: 5 });

      // Act
      await v.page.getByRole('button', { name: 'Close order' }).click();
      await v.page.getByText('Someone else changed this order; here is its current state.').waitFor();
      await v.page.locator('.details').getByText('KES 61.75').waitFor();

      // Assert
      const { data: current } = await callApi(tokens.staff, 'GET', `/api/v2/orders/${order.id}/`);
      expect(current).toMatchObject({ status: 'Pending', quantity: 5 });
      await v.check();
      await v.finish('console-order-conflict');
    });

    test('when a staff member signs in, then they see neither another user’s customers nor the admin links; an admin sees the links', async () => {
      // Arrange
      const theirs = await createCustomer(tokens.other, 'Otieno', 'Private');
      const mine = await createCustomer(tokens.staff, 'Kiprono', 'Visible');
      const staff = await visit();
      const admin = await visit(PHONE);

      // Act
      await openSignedIn(staff, tokens.staff, '/console/customers');
      await staff.page.getByRole('link', { name: mine.name }).waitFor();
      // The navigation is complete once the header knows who is signed in (pages load alongside).
      await staff.page.getByRole('banner').getByText(emails.staff).waitFor();
      const staffNav = await staff.page.getByRole('navigation', { name: 'Main' }).textContent();
      const list = await staff.page.locator('main').textContent();
      await staff.check();
      await openSignedIn(admin, tokens.admin, '/console/customers');
      await admin.page.getByRole('link', { name: theirs.name }).waitFor();
      await admin.page.getByRole('banner').getByText(emails.admin).waitFor();
      const adminNav = await admin.page.getByRole('navigation', { name: 'Main' }).textContent();
      await admin.check();

      // Assert
      expect(list).not.toContain(theirs.name);
      expect(staffNav).not.toMatch(/Catalogue|Users|API tokens|API versions/);
      expect(adminNav).toMatch(/Catalogue.*Users.*API tokens.*API versions/);
      await staff.finish('console-staff-customers');
      await admin.finish('console-admin-customers');
    });

    test('when someone signs out, then they land on sign-in and the old session cookie no longer works', async () => {
      // Arrange
      const v = await visit();
      await openSignedIn(v, tokens.staff, '/console/orders');
      const session = (await v.context.cookies(origin)).find((cookie) => cookie.name === 'orderly_session');

      // Act
      await v.page.getByRole('button', { name: 'Sign out' }).click();
      await v.page.waitForURL(`${origin}/console/sign-in`);
      await v.check();
      if (session) await v.context.addCookies([session]);
      await v.page.goto(`${origin}/console/customers`);

      // Assert
      await v.page.waitForURL(`${origin}/console/sign-in?next=${encodeURIComponent('/console/customers')}`);
      expect(session).toBeDefined();
      await v.check();
      await v.finish('console-signed-out');
    });
  },
);
