import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { type AddressInfo, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { promisify } from 'node:util';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { DestinationPolicy } from '../../src/webhooks/destinations.js';
import { type Outgoing, WebhookSender } from '../../src/webhooks/sender.js';
import { type FakeDns, startFakeDns } from '../helpers/fake-dns.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';

const VERSION = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
const TIMEOUT_MS = 1000;
const run = promisify(execFile);

const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/** A delivery signed by the specification's reference implementation with each secret. */
function signed(url: string, body: string, secrets: string[], at = new Date()): Outgoing {
  const id = `msg_${randomUUID()}`;
  return {
    url,
    body,
    headers: {
      'webhook-id': id,
      'webhook-timestamp': `${Math.floor(at.getTime() / 1000)}`,
      'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(id, at, body)).join(' '),
    },
  };
}

/**
 * The sender against a real receiver on a private address in a network namespace (allowed by the policy),
 * verifying every delivery with the `standardwebhooks` package; host names resolve through a fake DNS server.
 */
describe('Webhook sender', () => {
  const secret = newSecret();
  let receiver: WebhookReceiver;
  let dns: FakeDns;
  let sender: WebhookSender;
  let loopback: Server;
  let loopbackConnections = 0;
  const send = (url: string, body = '{"type":"webhook.test"}', secrets = [secret]) =>
    sender.send(signed(url, body, secrets));

  beforeAll(async () => {
    receiver = await startWebhookReceiver({ secrets: [secret] });
    dns = await startFakeDns({
      'receiver.example.test': [receiver.address],
      'internal.example.test': ['10.1.2.3'],
      'rebound.example.test': ['127.0.0.1'],
    });
    const policy = new DestinationPolicy({
      allowedNetworks: [receiver.network],
      allowHttp: true,
      dnsServers: [dns.server],
    });
    sender = new WebhookSender(policy, { timeoutMs: TIMEOUT_MS });
    // Something listening on loopback, to show that a refused destination gets no connection at all.
    loopback = createServer((socket) => {
      loopbackConnections++;
      socket.destroy();
    });
    loopback.listen(0, '127.0.0.1');
    await once(loopback, 'listening');
  });
  afterEach(() => receiver.reset());
  afterAll(async () => {
    sender?.close();
    loopback?.close();
    await dns?.close();
    await receiver?.close();
  });

  test('When the receiver answers 2xx, then the answer carries its status and body, and the delivery verified', async () => {
    await receiver.answer({ status: 202, body: 'thanks' });
    const body = JSON.stringify({ type: 'order.placed', data: { id: 7, note: 'chai ☕' } });

    const answer = await send(receiver.url('/hooks/orders?tenant=1'), body);

    expect(answer).toEqual({
      statusCode: 202,
      durationMs: expect.any(Number),
      response: 'thanks',
      error: null,
    });
    const [delivery, ...more] = await receiver.received();
    expect(more).toEqual([]);
    expect(delivery).toMatchObject({
      method: 'POST',
      path: '/hooks/orders?tenant=1',
      body,
      verified: true,
      verifiedWith: [0],
      status: 202,
    });
  });

  test('When the URL names a host, then the connection goes to its checked address with that Host, and the sender sets its headers', async () => {
    const outgoing = signed(`http://receiver.example.test:${receiver.port}/hooks`, '{}', [secret]);

    const answer = await sender.send(outgoing);

    expect(answer.statusCode).toBe(200);
    const [delivery] = await receiver.received();
    expect(delivery?.verified).toBe(true);
    expect(delivery?.headers).toMatchObject({
      host: `receiver.example.test:${receiver.port}`,
      'user-agent': `Orderly-Webhooks/${VERSION}`,
      'content-type': 'application/json',
      'content-length': '2',
      'webhook-id': outgoing.headers['webhook-id'],
      'webhook-timestamp': outgoing.headers['webhook-timestamp'],
      'webhook-signature': outgoing.headers['webhook-signature'],
    });
  });

  test('When the receiver answers non-2xx, then the answer carries that status and body, without an error', async () => {
    await receiver.answer({ status: 503, body: 'busy, try later' });

    const answer = await send(receiver.url('/hooks'));

    expect(answer).toMatchObject({ statusCode: 503, response: 'busy, try later', error: null });
  });

  test('When the receiver redirects, then the redirect is not followed', async () => {
    await receiver.answer({ path: '/hooks', status: 307, headers: { location: receiver.url('/elsewhere') } });

    const answer = await send(receiver.url('/hooks'));

    expect(answer).toMatchObject({ statusCode: 307, error: null });
    expect((await receiver.received()).map((request) => request.path)).toEqual(['/hooks']);
  });

  test('When the receiver answers too late, then the attempt ends at the timeout with no status', async () => {
    await receiver.answer({ delayMs: 3 * TIMEOUT_MS });

    const answer = await send(receiver.url('/slow'));

    expect(answer).toMatchObject({
      statusCode: null,
      response: null,
      error: `no answer within ${TIMEOUT_MS} ms`,
    });
    expect(answer.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    expect(answer.durationMs).toBeLessThan(TIMEOUT_MS + 500);
    expect(await receiver.received()).toHaveLength(1);
  });

  test('When the receiver is down, then the connection is refused; once up again, deliveries go through', async () => {
    // This leaves a kept-alive connection that down() closes: the attempt must fail on a new connection,
    // not on that one ("connection closed").
    await send(receiver.url('/hooks'));
    await receiver.down();

    const refused = await send(receiver.url('/hooks'));
    await receiver.up();
    const delivered = await send(receiver.url('/hooks'));

    expect(refused).toMatchObject({ statusCode: null, response: null, error: 'connection refused' });
    expect(delivered).toMatchObject({ statusCode: 200, error: null });
  });

  test('When the answer is long, then only its first 1 KB is kept, decoded as UTF-8', async () => {
    // 1 + 2 × 1500 bytes: the 1024th byte is the first half of an "é".
    await receiver.answer({ body: `x${'é'.repeat(1500)}` });

    const answer = await send(receiver.url('/hooks'));

    expect(answer.statusCode).toBe(200);
    expect(answer.response).toBe(`x${'é'.repeat(511)}\uFFFD`);
    expect(Buffer.byteLength(answer.response ?? '')).toBe(1 + 511 * 2 + 3);
  });

  test.each([
    [`http://127.0.0.1:{port}/hooks`, '127.0.0.1 is a loopback address: webhooks are never delivered there'],
    [`http://[::ffff:127.0.0.1]:{port}/hooks`, '::ffff:7f00:1 (127.0.0.1) is a loopback address'],
    [
      `http://rebound.example.test:{port}/hooks`,
      'rebound.example.test resolves to 127.0.0.1, a loopback address',
    ],
    [
      `http://internal.example.test:{port}/hooks`,
      'internal.example.test resolves to 10.1.2.3, a private address outside WEBHOOK_ALLOWED_NETWORKS',
    ],
  ])(
    'When the destination is refused (%s), then no connection is made and the answer says why',
    async (template, reason) => {
      const url = template.replace('{port}', `${(loopback.address() as AddressInfo).port}`);

      const answer = await send(url);

      expect(answer).toEqual({
        statusCode: null,
        durationMs: expect.any(Number),
        response: null,
        error: expect.stringContaining(reason),
      });
      expect(loopbackConnections).toBe(0);
    },
  );

  test('When the URL is https and the receiver speaks plain HTTP, then the TLS failure is the error', async () => {
    const answer = await send(`https://receiver.example.test:${receiver.port}/hooks`);

    expect(answer).toMatchObject({ statusCode: null, error: expect.stringMatching(/^TLS: /) });
  });

  test("When the URL is https, then TLS names the URL's host and the certificate is checked", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'orderly-webhook-tls-'));
    await run('openssl', [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
      ...['-subj', '/CN=tls.example.test', '-addext', 'subjectAltName=DNS:tls.example.test', '-days', '1'],
      ...['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
    ]);
    const names: string[] = [];
    const server = createTlsServer({
      cert: await readFile(join(dir, 'cert.pem')),
      key: await readFile(join(dir, 'key.pem')),
      SNICallback: (name, done) => {
        names.push(name);
        done(null);
      },
    });
    // The host's side of the receiver's pair: a private address in the allowed network.
    server.listen(0, receiver.netns.hostAddress);
    await once(server, 'listening');
    dns.set('tls.example.test', [receiver.netns.hostAddress]);

    const answer = await send(`https://tls.example.test:${(server.address() as AddressInfo).port}/hooks`);

    server.close();
    await rm(dir, { recursive: true, force: true });
    // A certificate no trusted authority issued is refused: checks are on, whatever the address.
    expect(answer).toMatchObject({ statusCode: null, error: 'TLS: self-signed certificate' });
    expect(names).toEqual(['tls.example.test']);
  });

  test('When a delivery carries an old timestamp, then the receiver refuses it (replay protection)', async () => {
    const outgoing = signed(receiver.url('/hooks'), '{}', [secret], new Date(Date.now() - 10 * 60_000));

    const answer = await sender.send(outgoing);

    expect(answer.statusCode).toBe(401);
    expect(await receiver.received()).toMatchObject([
      { verified: false, verifiedWith: [], error: 'Message timestamp too old', status: 401 },
    ]);
  });

  test('When the receiver knows two secrets, then it records which signatures verified', async () => {
    const next = newSecret();
    await receiver.setSecrets([secret, next]);

    await send(receiver.url('/both'), '{}', [secret, next]);
    await send(receiver.url('/new'), '{}', [next]);
    await send(receiver.url('/unknown'), '{}', [newSecret()]);

    const byPath = Object.fromEntries((await receiver.received()).map((request) => [request.path, request]));
    expect(byPath['/both']).toMatchObject({ verified: true, verifiedWith: [0, 1] });
    expect(byPath['/new']).toMatchObject({ verified: true, verifiedWith: [1] });
    expect(byPath['/unknown']).toMatchObject({
      verified: false,
      error: 'No matching signature found',
      status: 401,
    });
    await receiver.setSecrets([secret]);
  });
});
