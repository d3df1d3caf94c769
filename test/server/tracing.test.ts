import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onRealPostgres } from '../helpers/db.js';
import { type ReceivedSpan, startOtlpReceiver } from '../helpers/otlp-receiver.js';
import { processDatabase, type ServerProcess, startServer, startWorker } from '../helpers/processes.js';

const TOKEN_LINE = /Its API token \(shown once\):\n\n {2}(oly_[A-Za-z0-9_-]{43})\n/;
const PHONE = '+254712345678';
const SERVER = 2;
const CLIENT = 3;
/** Every CommonJS load, in Node's debug output: OpenTelemetry's packages are CommonJS, imported or required. */
const MODULE_LOADS = { NODE_DEBUG: 'module' };
/**
 * The SDK, its instrumentations and their hooks. Not `@opentelemetry/api`: prom-client loads that no-op
 * facade (for exemplars) whatever the settings, and it hooks nothing.
 */
const OTEL_MODULE = /@opentelemetry\/(?!api\b)|@fastify\/otel|in-the-middle/;

let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(() => receiver.close());

const traced = (scheduleDelayMs: number) => ({
  OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
  OTEL_EXPORTER_OTLP_COMPRESSION: 'none',
  OTEL_BSP_SCHEDULE_DELAY: String(scheduleDelayMs),
});

const inTrace = (traceId: string) => (spans: ReceivedSpan[]) => spans.filter((s) => s.traceId === traceId);
const randomHex = (bytes: number) =>
  [...crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');

describe('a traced server', { timeout: 120_000 }, () => {
  let server: ServerProcess;
  let token: string;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await processDatabase();
    drop = database.drop;
    server = await startServer({ ...database.env, ...traced(100), ...MODULE_LOADS });
    token = TOKEN_LINE.exec(server.output())?.[1] ?? '';
  });
  afterAll(async () => {
    await server.stop();
    await drop();
  });

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
    });

  async function createCustomer(code: string): Promise<number> {
    const created = await api('/api/v2/customers/', {
      method: 'POST',
      body: JSON.stringify({ first_name: 'Traced', second_name: 'Customer', phone: PHONE, code }),
    });
    expect(created.status).toBe(201);
    return ((await created.json()) as { id: number }).id;
  }

  it('when OTEL_EXPORTER_OTLP_ENDPOINT is set, then it loads OpenTelemetry', () => {
    // The counterpart of the test below: the module loads it looks for are seen when they happen.
    expect(server.output()).toContain('@opentelemetry/sdk-node');
  });

  it('when a request comes with an X-Request-Id and a traceparent, then its server span continues that trace with the route template, the status and the request id', async () => {
    const id = await createCustomer('TRCA1');
    const traceId = randomHex(16);
    const callerSpanId = randomHex(8);

    const response = await api(`/api/v2/customers/${id}/`, {
      headers: { 'x-request-id': 'trace-test-1', traceparent: `00-${traceId}-${callerSpanId}-01` },
    });

    expect(response.status).toBe(200);
    const span = await receiver.waitFor(
      (spans) => inTrace(traceId)(spans).find((s) => s.kind === SERVER),
      'server span of the request',
    );
    expect(span).toMatchObject({
      name: 'GET /api/v2/customers/:id/',
      parentSpanId: callerSpanId,
      attributes: {
        'http.route': '/api/v2/customers/:id/',
        'http.request.method': 'GET',
        'http.response.status_code': 200,
        'orderly.request_id': 'trace-test-1',
      },
      resource: { 'service.name': 'orderly', 'service.version': expect.stringMatching(/^\d+\.\d+\.\d+/) },
    });
    // @fastify/otel's request and handler spans hang below it.
    const request = inTrace(traceId)(receiver.spans()).find(
      (s) => s.scope === '@fastify/otel' && s.name === 'request',
    );
    expect(request).toMatchObject({
      parentSpanId: span.spanId,
      attributes: { 'http.route': '/api/v2/customers/:id/', 'orderly.request_id': 'trace-test-1' },
    });
  });

  it('when a request reads and writes the database, then its statements are spans of its trace without their values (on PostgreSQL), and no phone number leaves the process', async () => {
    const traceId = randomHex(16);
    const traceparent = `00-${traceId}-${randomHex(8)}-01`;

    const created = await api('/api/v2/customers/', {
      method: 'POST',
      headers: { traceparent },
      body: JSON.stringify({ first_name: 'Traced', second_name: 'Again', phone: PHONE, code: 'TRCB2' }),
    });
    const searched = await api(`/api/v2/customers/?search=${encodeURIComponent(PHONE)}`, {
      headers: { traceparent },
    });

    expect(created.status).toBe(201);
    expect(searched.status).toBe(200);
    const servers = await receiver.waitFor((spans) => {
      const found = inTrace(traceId)(spans).filter((s) => s.kind === SERVER);
      return found.length === 2 ? found : undefined;
    }, 'server spans of both requests');
    expect(servers.find((s) => s.attributes['http.request.method'] === 'GET')?.attributes).toMatchObject({
      'http.route': '/api/v2/customers/',
      'url.query': 'search=REDACTED',
    });
    const handler = inTrace(traceId)(receiver.spans()).find(
      (s) => s.scope === '@fastify/otel' && s.attributes['fastify.type'] === 'request-handler',
    );
    expect(handler).toBeDefined();
    if (onRealPostgres) {
      const statements = await receiver.waitFor((spans) => {
        const found = inTrace(traceId)(spans).filter(
          (s) => s.kind === CLIENT && s.attributes['db.query.text'],
        );
        return found.some((s) => /^insert into "customers"/i.test(String(s.attributes['db.query.text'])))
          ? found
          : undefined;
      }, 'statement spans');
      expect(statements[0]?.attributes).toMatchObject({ 'db.system.name': 'postgresql' });
      const insert = statements.find((s) =>
        /^insert into "customers"/i.test(String(s.attributes['db.query.text'])),
      );
      expect(insert?.attributes['db.query.text']).toMatch(/\$1/);
    } else {
      // The embedded database runs in the process, without a driver to trace.
      expect(inTrace(traceId)(receiver.spans()).filter((s) => s.kind === CLIENT)).toEqual([]);
    }
    expect(receiver.received()).not.toContain(PHONE.slice(1));
  });
});

describe('tracing at exit and when off', { timeout: 120_000 }, () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ env, drop } = await processDatabase());
  });
  afterAll(() => drop());

  it('when OTEL_EXPORTER_OTLP_ENDPOINT is unset, then no OpenTelemetry module is loaded', async () => {
    const server = await startServer({ ...env, ...MODULE_LOADS });
    expect(await server.stop()).toBe(0);

    // The loads are seen (pg's), and none of them is OpenTelemetry's.
    expect(server.output()).toMatch(/node_modules\/pg\/lib\/index\.js/);
    expect(server.output()).not.toMatch(OTEL_MODULE);
  });

  it('when the server stops, then it sends the spans it holds before it exits', async () => {
    // Far longer than the test: the spans can only come from the flush at shutdown.
    const server = await startServer({ ...env, ...traced(600_000) });
    const response = await fetch(`${server.url}/api/v1/health/`, {
      headers: { 'x-request-id': 'at-exit-1' },
    });
    expect(response.status).toBe(200);
    expect(receiver.spans().some((s) => s.attributes['orderly.request_id'] === 'at-exit-1')).toBe(false);

    expect(await server.stop()).toBe(0);

    const span = receiver
      .spans()
      .find((s) => s.kind === SERVER && s.attributes['orderly.request_id'] === 'at-exit-1');
    expect(span?.attributes).toMatchObject({ 'http.route': '/api/v1/health/' });
  });

  it.runIf(onRealPostgres)(
    'when a worker runs and stops, then it has traced its outbox statements and sends them before it exits',
    async () => {
      const worker = await startWorker({ ...env, ...traced(600_000) });
      // The dispatcher polls the outbox every second.
      await new Promise((resolve) => setTimeout(resolve, 1_500));

      expect(await worker.stop()).toBe(0);

      const statements = receiver
        .spans()
        .filter((s) => s.kind === CLIENT && /skip locked/i.test(String(s.attributes['db.query.text'])));
      expect(statements.length).toBeGreaterThan(0);
      expect(statements[0]?.resource).toMatchObject({ 'service.name': 'orderly' });
    },
  );
});
