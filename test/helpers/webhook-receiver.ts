/**
 * A webhook receiver on a private address that is not loopback, in a network namespace of its own, so that
 * deliveries go through the SSRF checks the way they do in production (with the receiver's /30 in
 * WEBHOOK_ALLOWED_NETWORKS). Every delivery is verified with the `standardwebhooks` package against each
 * secret the test set, and recorded. See webhook-receiver-process.ts for the receiver itself.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createNetns, type Netns } from './netns.js';

/** One request as the receiver saw it. */
export interface Recorded {
  method: string;
  /** Path and query, as sent. */
  path: string;
  /** Lower-case names, repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
  /** Whether the signature verified with at least one secret, within the package's timestamp tolerance. */
  verified: boolean;
  /** Indexes (in the last `setSecrets` list) of the secrets it verified with. */
  verifiedWith: number[];
  /** Why it did not verify (the package's message, e.g. "Message timestamp too old"); null when it did. */
  error: string | null;
  /** The status the receiver answered (401 when it did not verify). */
  status: number;
  /** Date.now() in the receiver when the request arrived. */
  at: number;
}

/** How the receiver answers verified deliveries (401 otherwise): 200 "ok" at once unless told. */
export interface ReceiverAnswer {
  status?: number;
  delayMs?: number;
  body?: string;
  headers?: Record<string, string>;
}

export interface WebhookReceiver {
  /** `http://<address>:<port><path>`, path defaulting to `/`. */
  url(path?: string): string;
  /** The CIDR to put in WEBHOOK_ALLOWED_NETWORKS. */
  network: string;
  address: string;
  port: number;
  netns: Netns;
  /** Secrets deliveries are verified against; `verifiedWith` indexes this list. */
  setSecrets(secrets: string[]): Promise<void>;
  /** From now on, answer requests to `path` (without query) this way, or every other path without one. */
  answer(options: ReceiverAnswer & { path?: string }): Promise<void>;
  /** Stop listening and drop every connection: deliveries get "connection refused". */
  down(): Promise<void>;
  up(): Promise<void>;
  received(): Promise<Recorded[]>;
  /** The recordings once there are at least `count` of them, or once `predicate` holds for them. */
  waitFor(until: number | ((all: Recorded[]) => boolean), timeoutMs?: number): Promise<Recorded[]>;
  /** Forget recordings and answers and listen again; the secrets stay. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const PORT = 8080;
const CONTROL_PORT = 8081;
const SCRIPT = new URL('./webhook-receiver-process.ts', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;

export async function startWebhookReceiver(options: { secrets?: string[] } = {}): Promise<WebhookReceiver> {
  const netns = await createNetns();
  const child = netns.run(
    process.execPath,
    ['--import', 'tsx', SCRIPT, netns.address, `${PORT}`, `${CONTROL_PORT}`],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const ready = await Promise.race([
    once(lines, 'line').then(([line]) => line === 'ready'),
    exited.then(() => false),
  ]);
  if (!ready) {
    await netns.destroy();
    throw new Error('The webhook receiver did not start (see its output above)');
  }

  const control = async (method: string, path: string, body?: unknown): Promise<Response> => {
    const response = await fetch(`http://${netns.address}:${CONTROL_PORT}${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`Receiver control ${method} ${path}: ${response.status}`);
    return response;
  };
  const received = async () => (await (await control('GET', '/received')).json()) as Recorded[];

  const receiver: WebhookReceiver = {
    url: (path = '/') => `http://${netns.address}:${PORT}${path}`,
    network: netns.network,
    address: netns.address,
    port: PORT,
    netns,
    setSecrets: async (secrets) => void (await control('PUT', '/secrets', { secrets })),
    answer: async (answer) => void (await control('PUT', '/answer', answer)),
    down: async () => void (await control('POST', '/down')),
    up: async () => void (await control('POST', '/up')),
    received,
    async waitFor(until, timeoutMs = 10_000) {
      const done = typeof until === 'number' ? (all: Recorded[]) => all.length >= until : until;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const all = await received();
        if (done(all)) return all;
        if (Date.now() > deadline) {
          throw new Error(`The receiver got ${all.length} requests in ${timeoutMs} ms, not what was awaited`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    reset: async () => void (await control('POST', '/reset')),
    async close() {
      child.stdin?.end();
      await exited;
      await netns.destroy();
    },
  };
  if (options.secrets) await receiver.setSecrets(options.secrets);
  return receiver;
}
