import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signIn } from '../helpers/api.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { processDatabase, refusedStart } from '../helpers/processes.js';

/** What the server sent on one raw connection until it closed it, and when it closed it. */
interface Conversation {
  status: number | undefined;
  headers: Record<string, string>;
  body: string;
  closedAfterMs: number;
}

/**
 * Opens a raw TCP connection to `port`, lets `act` write to it (or not), and resolves once the server
 * closes the connection: the client never closes it, as a slow or stalled client would not.
 */
function converse(port: number, act: (socket: Socket) => void): Promise<Conversation> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const started = Date.now();
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = received.split('\r\n\r\n', 2);
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => [
          line.slice(0, line.indexOf(':')).toLowerCase(),
          line.slice(line.indexOf(':') + 1).trim(),
        ]),
      );
      const status = /^HTTP\/1\.1 (\d{3}) /.exec(statusLine)?.[1];
      resolve({
        status: status ? Number(status) : undefined,
        headers,
        body,
        closedAfterMs: Date.now() - started,
      });
    });
    socket.on('connect', () => act(socket));
  });
}

/** Asserts a problem document written by the connection-level handler, and returns its body. */
function expectConnectionProblem(conversation: Conversation, status: number, error: string) {
  expect(conversation.status, conversation.body).toBe(status);
  expect(conversation.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(conversation.headers['x-api-error-code']).toBe(error);
  expect(conversation.headers.connection).toBe('close');
  const body = JSON.parse(conversation.body);
  expect(body).toMatchObject({ status, error, type: `/problems/${error}` });
  expect(body.request_id).toBe(conversation.headers['x-request-id']);
  expect(body.instance).toBe(`urn:uuid:${body.request_id}`);
  return body;
}

async function listen(env: Record<string, string>): Promise<{ t: TestApp; port: number }> {
  const t = await buildTestApp(env);
  const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
  return { t, port: Number(new URL(address).port) };
}

describe('slow clients', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    ({ t, port } = await listen({
      HEADERS_TIMEOUT_MS: '500',
      REQUEST_TIMEOUT_MS: '3000',
      IDLE_TIMEOUT_MS: '60000',
    }));
  });
  afterAll(() => t?.close());

  test('when a client sends its headers a byte at a time, then it gets 408 request_timeout once HEADERS_TIMEOUT_MS passes', async () => {
    // Arrange
    let trickle: NodeJS.Timeout | undefined;

    // Act
    const conversation = await converse(port, (socket) => {
      socket.write('GET /api/v1/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
      // A byte every 100 ms: the connection is never idle, only slow.
      trickle = setInterval(() => socket.writable && socket.write('a'), 100);
    });
    clearInterval(trickle);

    // Assert
    expectConnectionProblem(conversation, 408, 'request_timeout');
    expect(conversation.closedAfterMs).toBeGreaterThanOrEqual(450);
    expect(conversation.closedAfterMs).toBeLessThan(2500);
  });

  test('when a client sends half a body and stalls, then it gets 408 once REQUEST_TIMEOUT_MS passes, not before', async () => {
    // Arrange
    const { user } = await signIn(t);

    // Act
    const conversation = await converse(port, (socket) => {
      socket.write(
        'POST /api/v1/customers/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
          `Authorization: Bearer ${user.token}\r\nContent-Length: 100\r\n\r\n{"first_name": "Am`,
      );
    });

    // Assert
    expectConnectionProblem(conversation, 408, 'request_timeout');
    expect(conversation.closedAfterMs).toBeGreaterThanOrEqual(2900);
    expect(conversation.closedAfterMs).toBeLessThan(8000);
  });

  test('when the request line and headers are larger than 16 KiB, then 431 headers_too_large and the connection closes', async () => {
    // Act
    const conversation = await converse(port, (socket) => {
      socket.write(`GET /api/v1/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(17_000)}\r\n\r\n`);
    });

    // Assert
    const body = expectConnectionProblem(conversation, 431, 'headers_too_large');
    expect(body.details).toEqual({ max_bytes: 16_384 });
  });

  test('when the bytes are not HTTP, then 400 malformed_request and the connection closes', async () => {
    // Act
    const conversation = await converse(port, (socket) => {
      socket.write('HELLO THERE\r\n\r\n');
    });

    // Assert
    expectConnectionProblem(conversation, 400, 'malformed_request');
  });
});

describe('idle connections', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    ({ t, port } = await listen({ IDLE_TIMEOUT_MS: '500' }));
  });
  afterAll(() => t?.close());

  test('when a client connects and sends nothing, then the connection is closed once IDLE_TIMEOUT_MS passes', async () => {
    // Act
    const conversation = await converse(port, () => {});

    // Assert
    expect(conversation.status).toBeUndefined();
    expect(conversation.closedAfterMs).toBeGreaterThanOrEqual(450);
    expect(conversation.closedAfterMs).toBeLessThan(3000);
  });

  test('when a client keeps a connection open after its response, then it is closed once IDLE_TIMEOUT_MS passes', async () => {
    // Act
    const conversation = await converse(port, (socket) => {
      socket.write('GET /api/v1/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    });

    // Assert
    expect(conversation.status).toBe(200);
    expect(conversation.closedAfterMs).toBeGreaterThanOrEqual(450);
    expect(conversation.closedAfterMs).toBeLessThan(3000);
  });
});

describe('timeout settings', { timeout: 60_000 }, () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ env, drop } = await processDatabase());
  });
  afterAll(() => drop());

  test('when HEADERS_TIMEOUT_MS is longer than REQUEST_TIMEOUT_MS, then the server does not start and says so', async () => {
    // Act
    const output = await refusedStart({ ...env, HEADERS_TIMEOUT_MS: '20000', REQUEST_TIMEOUT_MS: '10000' });

    // Assert
    expect(output).toMatch(/HEADERS_TIMEOUT_MS must not exceed REQUEST_TIMEOUT_MS/);
  });
});
