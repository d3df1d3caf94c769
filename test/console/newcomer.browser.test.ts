/**
 * What the README promises a newcomer: the server started on an empty database prints a token and the
 * console's address; with nothing else, they sign in, add an item to the empty catalogue, add a customer,
 * place an order by picking the item, and see its SMS, without reading any API documentation.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumMissing, launchChromium, PHONE, skippedWithoutChromium } from '../helpers/browser.js';
import { signInWithToken, visit } from '../helpers/console.js';
import { freePort, processDatabase, type ServerProcess, startServer } from '../helpers/processes.js';

const PRINTED = /Its API token \(shown once\):\n\n {2}(oly_\S+)\n\nOpen the staff console at (\S+) and paste/;

let server: ServerProcess | undefined;
let browser: Browser | undefined;
let drop = async () => {};
let port: number;

beforeAll(async () => {
  if (chromiumMissing) return;
  const database = await processDatabase();
  drop = database.drop;
  port = await freePort();
  // As `npm start` on a fresh clone: no PUBLIC_URL, the console's address printed with the port.
  server = await startServer({ ...database.env, PORT: String(port) });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await drop();
});

describe.skipIf(chromiumMissing)(`a newcomer${skippedWithoutChromium}`, { timeout: 120_000 }, () => {
  test('when someone opens the printed address with the printed token, then they can add an item and a customer and place an order that sends an SMS', async () => {
    // Arrange: what the first start printed.
    const printed = PRINTED.exec(server?.output() ?? '');
    expect(printed, server?.output()).not.toBeNull();
    const [, token = '', address = ''] = printed ?? [];
    expect(address).toBe(`http://localhost:${port}/console/`);
    const v = await visit(browser as Browser, PHONE);
    const { page } = v;

    // Act: the printed address, then the token on the sign-in page it leads to.
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForURL(/\/console\/sign-in\?next=/);
    await v.check();
    await signInWithToken(v, token, '/console/orders/new');
    // Assert: where the first customer and item come from, said where they are missing.
    await page.getByText('You have no customers yet: add one under Customers first.').waitFor();
    await page
      .getByText('The catalogue has no items on sale yet: an admin adds them under Catalogue.')
      .waitFor();
    await v.check();

    // Act: an item, a customer, then the order, all through the console's own links and forms.
    await page.getByRole('link', { name: 'Catalogue' }).click();
    await page.getByRole('link', { name: 'New item' }).click();
    await page.getByLabel('SKU').fill('MAIZE-2KG');
    await page.getByLabel('Name').fill('Maize flour 2kg');
    await page.getByLabel('Unit price').fill('210.00');
    await v.check();
    await page.getByRole('button', { name: 'Create item' }).click();
    await page.getByRole('heading', { level: 1, name: 'Catalogue' }).waitFor();
    await page.getByRole('link', { name: 'Customers', exact: true }).click();
    await page.getByRole('link', { name: 'New customer' }).click();
    await page.getByLabel('First name').fill('Amina');
    await page.getByLabel('Second name').fill('Otieno');
    await page.getByLabel('Phone').fill('+254712345678');
    await page.getByRole('button', { name: 'Create customer' }).click();
    await page.getByRole('link', { name: 'Amina Otieno' }).waitFor();
    await page.getByRole('link', { name: 'Place order' }).click();
    await page.getByRole('combobox', { name: 'Customer' }).fill('Amina');
    await page.getByRole('option', { name: /Amina Otieno/ }).click();
    await page.getByRole('combobox', { name: 'Item' }).fill('maize');
    await page.getByRole('option', { name: /MAIZE-2KG/ }).click();
    await page.getByLabel('Quantity').fill('2');
    await page.getByText('KES 420.00').first().waitFor();
    await v.check();
    await page.getByRole('button', { name: 'Place order' }).click();

    // Assert: the order's page, its total, and its SMS with a status.
    await page.waitForURL(/\/console\/orders\/\d+$/);
    await page.getByRole('heading', { level: 1, name: /^Order \d+$/ }).waitFor();
    const sms = page.getByRole('region', { name: 'SMS notifications list' }).locator('tbody tr');
    await sms.first().waitFor();
    const smsStatus = await sms.first().locator('td:nth-child(3)').textContent();
    await v.check();
    expect(await page.locator('main').textContent()).toContain('KES 420.00');
    expect(smsStatus).toMatch(/^(pending|sending|sent)$/);
    await v.finish('console-newcomer-order');
  });
});
