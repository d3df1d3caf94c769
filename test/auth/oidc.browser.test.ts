/**
 * The OpenID Connect sign-in end to end, as a person does it: a real headless Chromium, the built server process
 * on a real port, and the real test provider, with nothing in between but HTTP, redirects and cookies.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CUSTOMERS } from '../helpers/api.js';
import {
  chromiumMissing,
  launchChromium,
  loopbackContext,
  screenshot,
  seriousAxeViolations,
  skippedWithoutChromium,
  watchPage,
} from '../helpers/browser.js';
import { startTestIdp, type TestIdp } from '../helpers/idp.js';
import { AUTHENTICATE, CALLBACK, ME, oidcEnv } from '../helpers/oidc.js';
import { freePort, processDatabase, type ServerProcess, startServer } from '../helpers/processes.js';

/** The JSON document the page shows: Chromium puts a JSON response's text in one `<pre>` (its pretty-printer is a separate, empty container). */
async function shownJson(page: Page) {
  return JSON.parse((await page.locator('body > pre').first().textContent()) ?? '');
}

let idp: TestIdp | undefined;
let server: ServerProcess | undefined;
let browser: Browser | undefined;
let drop = async () => {};
/** `http://127.0.0.1:<port>`: the server's PUBLIC_URL, so its redirects, cookies and Origin checks are about this site. */
let origin: string;

beforeAll(async () => {
  if (chromiumMissing) return;
  const database = await processDatabase();
  drop = database.drop;
  idp = await startTestIdp();
  idp.setAccount('ada', { email: 'ada@example.com', email_verified: true, name: 'Ada' });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  await idp.setRedirectUris([`${origin}${CALLBACK}`], [`${origin}/api/v1/`, `${origin}/console/sign-in`]);
  server = await startServer({
    ...database.env,
    ...oidcEnv(idp, { PUBLIC_URL: origin, PORT: String(port) }),
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await idp?.close();
  await drop();
});

describe('browser sign-in in a real browser', () => {
  test.skipIf(chromiumMissing)(
    `when a person signs in at the provider in Chromium, then they land on next with a session and can create a customer with its CSRF token${
      skippedWithoutChromium
    }`,
    { timeout: 60_000 },
    async () => {
      // Arrange
      const context = await (browser as Browser).newContext({ viewport: { width: 1000, height: 700 } });
      // Only the API and the provider, both on loopback: the provider's pages @import a web font that must not stall them.
      await context.route(
        (url) => url.hostname !== '127.0.0.1',
        (route) => route.abort(),
      );
      const page = await context.newPage();
      const failure = () => `\npage: ${page.url()}\nserver output:\n${server?.output()}`;

      try {
        // Act: our redirect to the provider, its login form, then its consent form.
        await page.goto(`${origin}${AUTHENTICATE}?next=${encodeURIComponent(ME)}`);
        expect(new URL(page.url()).origin, failure()).toBe(idp?.issuer);
        const loginForm = page.locator('form:has(input[name=prompt][value=login])');
        await loginForm.locator('input[name=login]').fill('ada');
        await loginForm.locator('input[name=password]').fill('any password');
        await loginForm.locator('button[type=submit]').click();
        // Playwright waits for the consent page's form to appear before clicking it.
        await page.locator('form:has(input[name=prompt][value=consent]) button[type=submit]').click();
        await page.waitForURL(`${origin}${ME}`);

        // Assert: signed in with a session, on `next`.
        const me = await shownJson(page);
        expect(me, failure()).toMatchObject({
          email: 'ada@example.com',
          role: 'staff',
          auth_method: 'session',
        });
        const cookies = await context.cookies(origin);
        const session = cookies.find((cookie) => cookie.name === 'orderly_session');
        expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
        expect(cookies.find((cookie) => cookie.name === 'orderly_login')).toBeUndefined();

        // Act: a script of one of our pages (Swagger UI's; a JSON response's policy allows no requests)
        // creates a customer with the session cookie and the CSRF token it can read.
        await page.goto(`${origin}/api/v1/swagger-docs/`);
        const created = await page.evaluate(async (path) => {
          const { document } = globalThis as unknown as { document: { cookie: string } };
          const csrf = /(?:^|;\s*)orderly_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
          const response = await fetch(path, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf) },
            body: JSON.stringify({ first_name: 'Grace', second_name: 'Hopper', phone: '+254712345678' }),
          });
          return {
            status: response.status,
            location: response.headers.get('location'),
            body: (await response.json()) as { id: number; url: string; [field: string]: unknown },
            csrf,
          };
        }, CUSTOMERS);

        // Assert: the session's CSRF token was readable, and the customer is theirs.
        expect(created.csrf).toBe(me.session.csrf_token);
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        expect(created.body).toMatchObject({
          first_name: 'Grace',
          second_name: 'Hopper',
          phone: '+254712345678',
          owner: me.id,
          url: `${origin}${CUSTOMERS}${created.body.id}/`,
        });
        expect(created.location).toBe(created.body.url);

        // Act: the browser opens the customer's URL with the same session.
        const shown = await page.goto(created.body.url);

        // Assert
        expect(shown?.status()).toBe(200);
        expect(await shownJson(page)).toMatchObject({
          id: created.body.id,
          first_name: 'Grace',
          owner: me.id,
        });
        await screenshot(page, 'oidc-browser-login');
      } finally {
        await context.close();
      }
    },
  );

  test.skipIf(chromiumMissing)(
    'when a person signs in to the console with the provider, then they land on the page they opened, and sign out through the provider back to sign-in',
    { timeout: 60_000 },
    async () => {
      // Arrange
      const context = await loopbackContext(browser as Browser);
      const page = await context.newPage();
      const watched = watchPage(page);
      const violations: string[] = [];

      try {
        // Act: a console page without a session leads to sign-in, which offers the provider.
        await page.goto(`${origin}/console/customers`);
        const button = page.getByRole('link', {
          name: `Sign in with ${new URL(String(idp?.issuer)).hostname}`,
        });
        await button.waitFor();
        violations.push(...(await seriousAxeViolations(page)));
        await button.click();
        const loginForm = page.locator('form:has(input[name=prompt][value=login])');
        await loginForm.locator('input[name=login]').fill('grace');
        await loginForm.locator('input[name=password]').fill('any password');
        await loginForm.locator('button[type=submit]').click();
        await page.locator('form:has(input[name=prompt][value=consent]) button[type=submit]').click();

        // Assert: back on the page first opened, signed in as the provider's person.
        await page.waitForURL(`${origin}/console/customers`);
        await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
        await page.getByText('grace@example.com').waitFor();
        violations.push(...(await seriousAxeViolations(page)));
        await screenshot(page, 'console-oidc-signed-in');

        // Act: sign out; the provider asks to confirm its own logout, then sends the browser back.
        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.waitForURL((url) => url.origin === idp?.issuer);
        await page.locator('button[name=logout][value=yes]').click();

        // Assert
        await page.waitForURL((url) => url.href.startsWith(`${origin}/console/sign-in`));
        await page.getByRole('heading', { level: 1, name: 'Sign in to Orderly' }).waitFor();
        const session = (await context.cookies(origin)).find((cookie) => cookie.name === 'orderly_session');
        expect(session).toBeUndefined();
        expect(violations).toEqual([]);
        expect(watched.refused).toEqual([]);
        expect(watched.errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  test.skipIf(chromiumMissing)(
    'when the docs pages open in a browser under their security policies, then both render and nothing is refused',
    { timeout: 60_000 },
    async () => {
      // Arrange
      const context = await (browser as Browser).newContext();
      await context.route(
        (url) => url.hostname !== '127.0.0.1',
        (route) => route.abort(),
      );
      const page = await context.newPage();
      const refused: string[] = [];
      page.on('console', (message) => {
        const text = message.text();
        // Redoc's footer logo comes from its CDN: blocked by design, the docs work offline.
        if (/Content Security Policy|Refused to/i.test(text) && !/cdn\.redoc\.ly/.test(text))
          refused.push(text);
      });

      try {
        // Act
        await page.goto(`${origin}/api/v1/swagger-docs/`);
        await page.locator('.swagger-ui .info .title').first().waitFor();
        const swaggerTitle = await page.locator('.swagger-ui .info .title').first().textContent();
        await page.goto(`${origin}/api/v1/docs/`);
        await page
          .getByRole('heading', { name: /Orderly API/ })
          .first()
          .waitFor();

        // Assert
        expect(swaggerTitle).toMatch(/Orderly API/);
        expect(refused).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
