import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect as connectHttp2 } from 'node:http2';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { processDatabase, refusedStart, type ServerProcess, startServer } from '../helpers/processes.js';

const run = promisify(execFile);

/** A throw-away self-signed certificate for 127.0.0.1 and its key, made with the openssl CLI. */
async function selfSigned(dir: string, name: string): Promise<{ cert: string; key: string }> {
  const cert = join(dir, `${name}.cert.pem`);
  const key = join(dir, `${name}.key.pem`);
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-days',
    '1',
    '-keyout',
    key,
    '-out',
    cert,
  ]);
  return { cert, key };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** GET over HTTPS with HTTP/1.1, trusting only `ca`. */
function getHttp1(url: string, ca: Buffer, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpsRequest(url, { ca, headers, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

/** GET over HTTP/2 on an open session. */
function getHttp2(
  session: ReturnType<typeof connectHttp2>,
  path: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const stream = session.request({ ':path': path, ...headers });
    let body = '';
    let status = 0;
    let responseHeaders: Answer['headers'] = {};
    stream.setEncoding('utf8');
    stream.on('response', (received) => {
      status = Number(received[':status']);
      responseHeaders = received;
    });
    stream.on('data', (chunk: string) => {
      body += chunk;
    });
    stream.on('end', () => resolve({ status, headers: responseHeaders, body }));
    stream.on('error', reject);
    stream.end();
  });
}

const HSTS = 'max-age=31536000; includeSubDomains';

let dir: string;
let env: Record<string, string>;
let drop: () => Promise<void>;
let files: { cert: string; key: string };
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'orderly-tls-'));
  files = await selfSigned(dir, 'server');
  ({ env, drop } = await processDatabase());
});
afterAll(async () => {
  await drop();
  await rm(dir, { recursive: true, force: true });
});

describe('native HTTPS', { timeout: 60_000 }, () => {
  let server: ServerProcess;
  let origin: string;
  let ca: Buffer;
  beforeAll(async () => {
    ca = await readFile(files.cert);
    server = await startServer({ ...env, TLS_CERT_FILE: files.cert, TLS_KEY_FILE: files.key });
    origin = server.url.replace(/^http:/, 'https:');
  });
  afterAll(async () => {
    expect(await server?.stop()).toBe(0);
  });

  test('when TLS_CERT_FILE and TLS_KEY_FILE are set, then the server listens with HTTPS and plain HTTP gets no answer', async () => {
    // Act
    const plain = fetch(`${server.url}/api/v1/`);

    // Assert
    expect(server.output()).toContain(`Server listening at ${origin}`);
    await expect(plain).rejects.toThrow();
  });

  test('when an HTTP/1.1 client calls over HTTPS, then it gets HSTS and https links', async () => {
    // Act
    const response = await getHttp1(`${origin}/api/v1/`, ca);

    // Assert
    expect(response.status).toBe(200);
    expect(response.headers['strict-transport-security']).toBe(HSTS);
    expect(JSON.parse(response.body)).toMatchObject({
      customers: `${origin}/api/v1/customers/`,
      orders: `${origin}/api/v1/orders/`,
    });
  });

  test('when an HTTP/2 client calls, then it is served over HTTP/2 with HSTS, https links and https problem types', async () => {
    // Arrange
    const session = connectHttp2(origin, { ca });
    try {
      // Act
      const root = await getHttp2(session, '/api/v1/');
      const missing = await getHttp2(session, '/api/v1/nothing-here/');

      // Assert
      expect(session.alpnProtocol).toBe('h2');
      expect(root.status).toBe(200);
      expect(root.headers['strict-transport-security']).toBe(HSTS);
      expect(JSON.parse(root.body).customers).toBe(`${origin}/api/v1/customers/`);
      expect(missing.status).toBe(404);
      expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(missing.headers['strict-transport-security']).toBe(HSTS);
      expect(JSON.parse(missing.body).type).toBe(`${origin}/problems/not_found`);
    } finally {
      session.close();
    }
  });

  test('when an HTTP/2 request carries more than 16 KiB of headers, then 431 headers_too_large as problem+json', async () => {
    // Arrange
    const session = connectHttp2(origin, { ca });
    try {
      // Act
      const response = await getHttp2(session, '/api/v1/', { 'x-big': 'a'.repeat(17_000) });

      // Assert
      expect(response.status).toBe(431);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(response.body)).toMatchObject({ status: 431, error: 'headers_too_large' });
    } finally {
      session.close();
    }
  });
});

describe('shutting down with HTTP/2 clients connected', { timeout: 60_000 }, () => {
  test('when the server is stopped while an HTTP/2 session is open, then the session is ended and the server exits at once', async () => {
    // Arrange
    const ca = await readFile(files.cert);
    const server = await startServer({ ...env, TLS_CERT_FILE: files.cert, TLS_KEY_FILE: files.key });
    const session = connectHttp2(server.url.replace(/^http:/, 'https:'), { ca });
    const sessionClosed = new Promise<void>((resolve) => session.on('close', () => resolve()));
    let code: number | null = null;
    let stoppedAfterMs = 0;
    try {
      expect((await getHttp2(session, '/api/v1/')).status).toBe(200);
      const started = Date.now();

      // Act
      code = await server.stop();
      stoppedAfterMs = Date.now() - started;
    } finally {
      // When the assertions below fail, the server must not outlive the test.
      session.destroy();
      await server.stop();
    }

    // Assert
    expect(code).toBe(0);
    // The idle timeout (72 s by default) would otherwise keep the session, and the server, alive.
    expect(stoppedAfterMs).toBeLessThan(20_000);
    await sessionClosed;
  });
});

describe('shutting down with an HTTP/1.1 client connected over TLS', { timeout: 60_000 }, () => {
  test('when the server is stopped while an HTTP/1.1 keep-alive connection is idle, then it closes it and exits 0 without waiting for it', async () => {
    // Arrange: neither the idle timeout nor the drain timeout would end it within the test.
    const ca = await readFile(files.cert);
    const server = await startServer({
      ...env,
      TLS_CERT_FILE: files.cert,
      TLS_KEY_FILE: files.key,
      IDLE_TIMEOUT_MS: '600000',
      SHUTDOWN_TIMEOUT_MS: '600000',
    });
    const agent = new HttpsAgent({ keepAlive: true, maxSockets: 1, ca });
    let code: number | null = null;
    try {
      const answer = await new Promise<number>((resolve, reject) => {
        const request = httpsRequest(
          `${server.url.replace(/^http:/, 'https:')}/livez`,
          { agent },
          (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
          },
        );
        request.on('error', reject);
        request.end();
      });
      expect(answer).toBe(200);
      const [socket] = Object.values(agent.freeSockets).flat();
      expect(socket).toBeDefined();
      const closed = new Promise<void>((resolve) => socket?.once('close', () => resolve()));

      // Act
      code = await server.stop();

      // Assert
      await closed;
    } finally {
      agent.destroy();
      await server.stop();
    }
    expect(code).toBe(0);
  });
});

describe('TLS settings', { timeout: 60_000 }, () => {
  test('when only TLS_CERT_FILE is set, then the server does not start and names TLS_KEY_FILE', async () => {
    // Act
    const output = await refusedStart({ ...env, TLS_CERT_FILE: files.cert });

    // Assert
    expect(output).toMatch(/TLS_KEY_FILE is required with TLS_CERT_FILE/);
  });

  test('when TLS_KEY_FILE cannot be read, then the server does not start and names the setting and the file', async () => {
    // Arrange
    const missing = join(dir, 'missing.key.pem');

    // Act
    const output = await refusedStart({ ...env, TLS_CERT_FILE: files.cert, TLS_KEY_FILE: missing });

    // Assert
    expect(output).toContain(`TLS_KEY_FILE ${missing} cannot be read`);
  });

  test('when the key does not belong to the certificate, then the server does not start and names both settings', async () => {
    // Arrange
    const other = await selfSigned(dir, 'other');

    // Act
    const output = await refusedStart({ ...env, TLS_CERT_FILE: files.cert, TLS_KEY_FILE: other.key });

    // Assert
    expect(output).toMatch(/TLS_CERT_FILE and TLS_KEY_FILE are not a usable certificate and key/);
  });
});
