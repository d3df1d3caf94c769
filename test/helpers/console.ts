/**
 * The staff console under test: the built server process on a real port with its own database and the
 * people a test file needs (made with the CLI, each with an API token), Chromium, and the steps every
 * console test takes (a visit checked with axe-core and under the CSP, signing in with a token).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  DESKTOP,
  launchChromium,
  loopbackContext,
  screenshot,
  seriousAxeViolations,
  watchPage,
} from './browser.js';
import { freePort, processDatabase, runCli, type ServerProcess, startServer } from './processes.js';

export interface ConsoleUnderTest<Person extends string> {
  origin: string;
  server: ServerProcess;
  browser: Browser;
  /** Each person's API token. */
  tokens: Record<Person, string>;
  close(): Promise<void>;
}

/**
 * Starts the console for `people` (email, and whether an admin); `env` adds to the server's environment.
 * The people and their tokens are made first: an embedded database is open in one process at a time.
 */
export async function startConsole<Person extends string>(
  people: Record<Person, { email: string; admin?: boolean }>,
  env: Record<string, string> = {},
): Promise<ConsoleUnderTest<Person>> {
  const database = await processDatabase();
  const tokens = {} as Record<Person, string>;
  for (const [person, { email, admin }] of Object.entries(people) as [
    Person,
    { email: string; admin?: boolean },
  ][]) {
    const created = await runCli(['users', 'create', email, ...(admin ? ['--admin'] : [])], database.env);
    expect(created.code, created.stderr).toBe(0);
    const minted = await runCli(['tokens', 'create', email, '--name', 'console test'], database.env);
    expect(minted.code, minted.stderr).toBe(0);
    tokens[person] = minted.stdout.trim();
  }
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = await startServer({ ...database.env, PUBLIC_URL: origin, PORT: String(port), ...env });
  const browser = await launchChromium();
  return {
    origin,
    server,
    browser,
    tokens,
    async close() {
      await browser.close();
      await server.stop();
      await database.drop();
    },
  };
}

export interface ApiAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are asserted field by field
  data: any;
  etag: string | null;
}

/** The API as an internal system calls it with a token: the status, the parsed body and the ETag. */
export async function callApi(
  origin: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer> {
  const response = await fetch(`${origin}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    data: text ? JSON.parse(text) : undefined,
    etag: response.headers.get('etag'),
  };
}

/** callApi that expects a 2xx answer (a test's arrangement, not what it asserts). */
export async function callApiOk(...call: Parameters<typeof callApi>): Promise<ApiAnswer> {
  const answer = await callApi(...call);
  if (answer.status >= 300)
    throw new Error(`${call[2]} ${call[3]}: ${answer.status} ${JSON.stringify(answer.data)}`);
  return answer;
}

export interface Visit {
  context: BrowserContext;
  page: Page;
  /** axe-core on the page as it is now; its serious and critical violations are collected. */
  check: () => Promise<void>;
  /** Asserts that no page had an accessibility violation, a CSP refusal or a script error; saves a screenshot. */
  finish: (name: string) => Promise<void>;
}

/** A fresh browser profile (loopback only) at `viewport`, watched for what `finish` asserts. */
export async function visit(browser: Browser, viewport = DESKTOP): Promise<Visit> {
  const context = await loopbackContext(browser, viewport);
  const page = await context.newPage();
  const watched = watchPage(page);
  const violations: string[] = [];
  return {
    context,
    page,
    check: async () => {
      violations.push(...(await seriousAxeViolations(page)));
    },
    finish: async (name) => {
      await screenshot(page, name);
      await context.close();
      expect(violations).toEqual([]);
      expect(watched.refused).toEqual([]);
      expect(watched.errors).toEqual([]);
    },
  };
}

/** Signs in on the sign-in page the console sent the browser to, and waits to be back on `path`. */
export async function signInWithToken(v: Visit, token: string, path: string): Promise<void> {
  await v.page.getByLabel('API token').fill(token);
  await v.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await v.page.waitForURL((url) => url.pathname + url.search === path);
  await v.page.getByRole('heading', { level: 1 }).waitFor();
}

/** Opens a console page (a path on `origin`) with a session of `token`'s user, signing in on the way. */
export async function openSignedIn(v: Visit, origin: string, token: string, path: string): Promise<void> {
  await v.page.goto(`${origin}${path}`);
  await v.page.waitForURL(/\/console\/sign-in\?next=/);
  await signInWithToken(v, token, path);
}
