/**
 * `npm run bench:console`: what the staff console costs a person opening it. Seeds the bench database
 * (bench/database.ts: 50,000 orders per user), starts the built server (`dist/server.js`, console
 * included) and opens the console in Debian's Chromium, signed in as a seeded user, several times:
 * - the bytes the first load transfers (JS and CSS, as the server compresses them for Chromium);
 * - how long the orders list takes to show its first page, from navigation to the first row, with an
 *   empty browser cache (a new browser context each time) and with the assets cached.
 * Prints a markdown table on stdout. Not a test: it never fails on a missed target, only on a broken run.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { createBenchDatabase, ORDERS_PER_USER, seed } from './database.js';
import { root } from './dist.js';
import { log } from './progress.js';

const RUNS = 7;
const FIRST_ROW = 'main table tbody tr';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  return port;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Notes, on the page's own clock (0 = the start of its navigation), when the first row of a table shows.
 * Injected over the DevTools protocol, which the page's Content-Security-Policy does not govern.
 */
function watchFirstRow(selector: string) {
  const page = globalThis as unknown as {
    document: { querySelector(selector: string): unknown };
    MutationObserver: new (
      callback: (records: unknown, observer: { disconnect(): void }) => void,
    ) => { observe(target: unknown, options: object): void };
    firstRowAt?: number;
  };
  new page.MutationObserver((_records, observer) => {
    if (page.document.querySelector(selector)) {
      page.firstRowAt = performance.now();
      observer.disconnect();
    }
  }).observe(page.document, { subtree: true, childList: true });
}

/**
 * One visit of the orders list: the time to its first row on the page's clock (from the start of the
 * navigation, as a person waits) and on ours (also Chromium opening the tab), and the JS and CSS bytes it
 * transferred.
 */
async function visit(context: BrowserContext, origin: string) {
  const page = await context.newPage();
  await page.addInitScript(watchFirstRow, FIRST_ROW);
  const assets: Promise<number>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type === 'script' || type === 'stylesheet') {
      assets.push(
        response
          .request()
          .sizes()
          .then((sizes) => sizes.responseBodySize),
      );
    }
  });
  const started = performance.now();
  await page.goto(`${origin}/console/orders`);
  await page.locator(FIRST_ROW).first().waitFor();
  const wall = performance.now() - started;
  const ms = await page.evaluate(() => (globalThis as { firstRowAt?: number }).firstRowAt ?? Number.NaN);
  const bytes = (await Promise.all(assets)).reduce((sum, size) => sum + size, 0);
  await page.close();
  return { ms, wall, bytes };
}

async function main() {
  const database = await createBenchDatabase();
  // Seeded before the server starts: an embedded database is open in one process at a time.
  const seeded = await seed(database.env);
  let browser: Browser | undefined;
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['dist/server.js'], {
    cwd: root,
    env: {
      ...process.env,
      ...database.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: origin,
      LOG_LEVEL: 'warn',
      DISPATCHER_IN_API: 'false',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (let attempt = 0; !(await fetch(`${origin}/api/v1/health/`).catch(() => undefined))?.ok; attempt++) {
      if (attempt === 300) throw new Error('the server did not answer /api/v1/health/ within 30 s');
      await sleep(100);
    }
    const user = seeded.users[0];
    if (!user) throw new Error('the seed made no user');
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
      ],
    });
    const cookie = { name: 'orderly_session', value: user.session, url: origin, httpOnly: true };
    const cold: { ms: number; wall: number; bytes: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext();
      await context.addCookies([cookie]);
      cold.push(await visit(context, origin));
      await context.close();
    }
    const context = await browser.newContext();
    await context.addCookies([cookie]);
    await visit(context, origin);
    const warm: { ms: number; wall: number }[] = [];
    for (let run = 0; run < RUNS; run++) warm.push(await visit(context, origin));
    await context.close();
    const runs = (visits: { ms: number; wall: number }[]) =>
      visits.map((run) => `${run.ms.toFixed(0)}/${run.wall.toFixed(0)}`).join(', ');
    log(`page/bench clock ms, empty cache: ${runs(cold)}; assets cached: ${runs(warm)}`);
    process.stdout.write(
      [
        `Console, ${database.kind} database, ${RUNS} runs each, median; the user has ${ORDERS_PER_USER.toLocaleString('en')} orders.`,
        '',
        '| measure | value | target |',
        '|---|---:|---:|',
        `| first load, JS + CSS transferred (compressed) | ${kb(median(cold.map((run) => run.bytes)))} | < 250 KB |`,
        `| orders list, navigation start to first row, empty cache | ${median(cold.map((run) => run.ms)).toFixed(0)} ms | < 1,000 ms |`,
        `| the same, on the bench's clock (with Chromium opening the tab) | ${median(cold.map((run) => run.wall)).toFixed(0)} ms | |`,
        `| orders list, navigation start to first row, assets cached | ${median(warm.map((run) => run.ms)).toFixed(0)} ms | |`,
        `| the same, on the bench's clock | ${median(warm.map((run) => run.wall)).toFixed(0)} ms | |`,
        '',
      ].join('\n'),
    );
  } finally {
    await browser?.close();
    server.kill('SIGTERM');
    await once(server, 'exit');
    await database.drop();
  }
}

await main();
