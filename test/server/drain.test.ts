import { Agent, type IncomingHttpHeaders, request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { processDatabase, runCli, type ServerProcess, startServer } from '../helpers/processes.js';

const CLIENTS = 64;

/** What one request came to, as its client saw it. */
type Outcome =
  | { kind: 'answered'; status: number; headers: IncomingHttpHeaders; body: string; at: number }
  /** The connection failed before any byte of a response: the server did no work for it. */
  | { kind: 'refused'; code: string; at: number }
  /** The connection failed after the response had begun: what the drain must never do. */
  | { kind: 'cut'; code: string; at: number };

interface Call {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
}

function send(agent: Agent, origin: string, call: Call): Promise<Outcome> {
  const at = Date.now();
  const payload = call.body === undefined ? undefined : JSON.stringify(call.body);
  return new Promise((resolve) => {
    let responded = false;
    const req = request(
      `${origin}${call.path}`,
      {
        method: call.method,
        agent,
        headers: { ...call.headers, ...(payload ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        responded = true;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('error', (error: NodeJS.ErrnoException) =>
          resolve({ kind: 'cut', code: error.code ?? error.message, at }),
        );
        res.on('end', () =>
          resolve({ kind: 'answered', status: res.statusCode ?? 0, headers: res.headers, body, at }),
        );
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ kind: responded ? 'cut' : 'refused', code: error.code ?? error.message, at }),
    );
    req.end(payload);
  });
}

interface Sent {
  call: Call;
  outcome: Outcome;
  /** The Idempotency-Key of a create. */
  key?: string;
}

/**
 * `CLIENTS` clients, each on its own keep-alive agent (one connection at a time), alternating a list read
 * and an order create with an Idempotency-Key, until a request is refused or `perClient` are sent.
 */
async function runLoad(
  origin: string,
  token: string,
  customer: number,
  label: string,
  perClient: number,
  onAnswer?: (answered: number) => void,
): Promise<Sent[]> {
  const sent: Sent[] = [];
  let answered = 0;
  const auth = { authorization: `Bearer ${token}` };
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        for (let n = 0; n < perClient; n++) {
          const key = `${label}-${client}-${n}`;
          const call: Call =
            n % 2 === 0
              ? { method: 'GET', path: `/api/v2/orders/?customer=${customer}&limit=5`, headers: auth }
              : {
                  method: 'POST',
                  path: '/api/v2/orders/',
                  headers: { ...auth, 'idempotency-key': key },
                  body: { customer, item_name: 'Tea leaves 500g', quantity: 1 + (n % 7), unit_price: '3.20' },
                };
          const outcome = await send(agent, origin, call);
          sent.push({ call, outcome, ...(call.method === 'POST' ? { key } : {}) });
          if (outcome.kind !== 'answered' || outcome.status === 503) return;
          onAnswer?.(++answered);
        }
      } finally {
        agent.destroy();
      }
    }),
  );
  return sent;
}

const expectedStatus = (call: Call) => (call.method === 'POST' ? 201 : 200);

/** The outcomes that are neither a normal answer nor a refusal before any work. */
function unexpected(sent: Sent[]) {
  return sent.filter(({ call, outcome }) => {
    if (outcome.kind === 'cut') return true;
    if (outcome.kind === 'refused') return !['ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(outcome.code);
    if (outcome.status === 503)
      return !String(outcome.headers['content-type']).startsWith('application/problem+json');
    return outcome.status !== expectedStatus(call);
  });
}

async function json(response: Response) {
  return (await response.json()) as Record<string, unknown>;
}

/** Resolves once `condition` holds, checking every 20 ms. */
async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('graceful drain', { timeout: 240_000 }, () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let token: string;
  beforeAll(async () => {
    ({ env, drop } = await processDatabase());
    env = { ...env, RATE_LIMIT_PER_MINUTE: '0', SMS_EVENTS: 'none' };
    expect((await runCli(['users', 'create', 'drain@example.com', '--admin'], env)).code).toBe(0);
    const minted = await runCli(['tokens', 'create', 'drain@example.com'], env);
    expect(minted.code, minted.stderr).toBe(0);
    token = minted.stdout.trim();
  });
  afterAll(() => drop());

  test('when SIGTERM arrives under load, then every request completes or is refused before any work, every lost create replays on a second instance, and that instance takes the same load', async () => {
    // Arrange
    const first = await startServer({ ...env, SHUTDOWN_DELAY_MS: '300', SHUTDOWN_TIMEOUT_MS: '20000' });
    let second: ServerProcess | undefined;
    try {
      const created = await fetch(`${first.url}/api/v2/customers/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ first_name: 'Drain', second_name: 'Load', phone: '+254711555000' }),
      });
      expect(created.status).toBe(201);
      const customer = (await json(created)).id as number;

      // Act: SIGTERM once every client could have sent a few requests.
      let signalledAt = Number.POSITIVE_INFINITY;
      let exited: Promise<number | null> | undefined;
      const sent = await runLoad(first.url, token, customer, 'first', 100_000, (answered) => {
        if (answered === CLIENTS * 3 && !exited) {
          signalledAt = Date.now();
          exited = first.stop();
        }
      });

      // Assert: the drain
      expect(exited).toBeDefined();
      expect(await exited).toBe(0);
      expect(unexpected(sent).map(({ call, outcome }) => ({ path: call.path, outcome }))).toEqual([]);
      const answeredAfterSignal = sent.filter(
        ({ outcome }) => outcome.kind === 'answered' && outcome.status !== 503 && outcome.at > signalledAt,
      );
      expect(answeredAfterSignal.length).toBeGreaterThan(0);
      expect(
        answeredAfterSignal.some(
          ({ outcome }) => outcome.kind === 'answered' && outcome.headers.connection === 'close',
        ),
      ).toBe(true);
      expect(first.output()).toContain('shutting down');

      // Assert: a second instance on the same database replays every create, lost or not, once.
      second = await startServer(env);
      const creates = sent.filter((entry) => entry.key !== undefined);
      const acknowledged = new Map<string, number>();
      for (const { outcome, key } of creates) {
        if (outcome.kind === 'answered' && outcome.status === 201) {
          acknowledged.set(key ?? '', JSON.parse(outcome.body).id);
        }
      }
      expect(creates.length).toBeGreaterThan(acknowledged.size);
      const replayAgent = new Agent({ keepAlive: true });
      try {
        for (const { call, key } of creates) {
          const replay = await send(replayAgent, second.url, call);
          expect(replay.kind).toBe('answered');
          if (replay.kind !== 'answered') continue;
          expect(replay.status, replay.body).toBe(201);
          const original = acknowledged.get(key ?? '');
          if (original !== undefined) {
            expect(replay.headers['idempotent-replayed']).toBe('true');
            expect(JSON.parse(replay.body).id).toBe(original);
          }
        }
      } finally {
        replayAgent.destroy();
      }
      const count = await fetch(`${second.url}/api/v2/orders/?customer=${customer}&count=true&limit=1`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect((await json(count)).count).toBe(creates.length);

      // Assert: the second instance takes the same load.
      const again = await runLoad(second.url, token, customer, 'second', 6);
      expect(again).toHaveLength(CLIENTS * 6);
      expect(
        again.filter(
          ({ call, outcome }) => outcome.kind !== 'answered' || outcome.status !== expectedStatus(call),
        ),
      ).toEqual([]);
    } finally {
      if (second) expect(await second.stop()).toBe(0);
    }
  });

  test('when a second signal arrives during the drain, then the process exits at once with 128 + the signal number', async () => {
    // Arrange: a delay far longer than the test.
    const server = await startServer({ ...env, SHUTDOWN_DELAY_MS: '600000' });
    const exited = server.stop();
    await until(() => server.output().includes('shutting down'), 'the first signal');

    // Act: still accepting during the delay, but not ready.
    const ready = await fetch(`${server.url}/readyz`);
    const live = await fetch(`${server.url}/livez`);
    const code = await server.stop();

    // Assert
    expect(ready.status).toBe(503);
    expect(ready.headers.get('connection')).toBe('close');
    expect((await json(ready)).details).toEqual({ draining: expect.any(String) });
    expect(live.status).toBe(200);
    expect(code).toBe(143);
    expect(await exited).toBe(143);
    expect(server.output()).toContain('second signal');
  });

  test('when a keep-alive connection is idle at SIGTERM, then the server closes it and exits 0 without waiting for it', async () => {
    // Arrange: neither the idle timeout nor the drain timeout would end it within the test.
    const server = await startServer({
      ...env,
      IDLE_TIMEOUT_MS: '600000',
      SHUTDOWN_TIMEOUT_MS: '600000',
    });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const answer = await send(agent, server.url, { method: 'GET', path: '/livez' });
    expect(answer).toMatchObject({ kind: 'answered', status: 200 });
    const [socket] = Object.values(agent.freeSockets).flat();
    expect(socket).toBeDefined();
    const closed = new Promise<void>((resolve) => socket?.once('close', () => resolve()));

    // Act
    const code = await server.stop();

    // Assert
    await closed;
    expect(code).toBe(0);
    agent.destroy();
  });

  test('when a request is still in flight after SHUTDOWN_TIMEOUT_MS, then its connection is cut and the process exits 1', async () => {
    // Arrange: a request whose body never finishes arriving.
    const server = await startServer({ ...env, SHUTDOWN_TIMEOUT_MS: '500' });
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    socket.on('error', () => {});
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(
      'POST /api/v2/customers/?stalled=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        `Authorization: Bearer ${token}\r\nContent-Length: 100\r\n\r\n{"first_name":`,
    );
    // Its bytes were on the loopback before this second connection opened: once the server has answered
    // on this one, it has read them.
    expect((await fetch(`${server.url}/livez`)).status).toBe(200);

    // Act
    const code = await server.stop();

    // Assert
    await closed;
    expect(code).toBe(1);
    expect(received).toBe('');
    expect(server.output()).toContain('the drain took too long');
  });
});
