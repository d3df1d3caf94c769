import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onRealPostgres } from '../helpers/db.js';
import { Scrape } from '../helpers/metrics.js';
import { freePort, processDatabase, startServer, startWorker } from '../helpers/processes.js';

let env: Record<string, string>;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ env, drop } = await processDatabase());
});
afterAll(() => drop());

describe('the metrics listener (METRICS_PORT)', { timeout: 120_000 }, () => {
  it('when the server runs with METRICS_PORT, then /metrics is served there and not on the public port', async () => {
    const metricsPort = await freePort();
    const server = await startServer({ ...env, METRICS_PORT: String(metricsPort) });
    try {
      const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
      expect((await fetch(`${server.url}/api/v1/health/`)).status).toBe(200);

      const publicScrape = await fetch(`${server.url}/metrics`);
      const scraped = await fetch(metricsUrl);
      const elsewhere = await fetch(`http://127.0.0.1:${metricsPort}/api/v1/health/`);
      const posted = await fetch(metricsUrl, { method: 'POST' });

      expect(publicScrape.status).toBe(404);
      expect(scraped.status).toBe(200);
      expect(scraped.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      const metrics = new Scrape(await scraped.text());
      expect(
        metrics.value('orderly_http_requests_total', {
          method: 'GET',
          route: '/api/v1/health/',
          status_class: '2xx',
        }),
      ).toBe(1);
      expect(metrics.declares('nodejs_eventloop_lag_seconds')).toBe(true);
      expect(metrics.declares('orderly_db_pool_in_use_connections')).toBe(onRealPostgres);
      expect(elsewhere.status).toBe(404);
      expect(elsewhere.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(((await elsewhere.json()) as { error: string }).error).toBe('not_found');
      expect(posted.status).toBe(405);
      expect(posted.headers.get('allow')).toBe('GET, HEAD');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('when a worker runs with METRICS_PORT, then it serves its own registry: defaults, outbox, SMS and dispatcher, no HTTP series', async () => {
    const metricsPort = await freePort();
    const worker = await startWorker({ ...env, METRICS_PORT: String(metricsPort), SMS_PROVIDER: 'console' });
    try {
      const scraped = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);

      expect(scraped.status).toBe(200);
      const metrics = new Scrape(await scraped.text());
      for (const name of [
        'nodejs_heap_size_used_bytes',
        'nodejs_gc_duration_seconds',
        'orderly_sms_sends_total',
        'orderly_dispatcher_claim_errors_total',
        'orderly_outbox_oldest_pending_age_seconds',
      ]) {
        expect(metrics.declares(name), name).toBe(true);
      }
      expect(metrics.value('orderly_outbox_pending_notifications')).toBe(0);
      expect(metrics.declares('orderly_db_pool_waiting_queries')).toBe(onRealPostgres);
      expect(metrics.declares('orderly_http_requests_total')).toBe(false);
      expect(metrics.declares('orderly_auth_failures_total')).toBe(false);
    } finally {
      expect(await worker.stop()).toBe(0);
    }
    expect(worker.output()).toContain('metrics listening');
  });
});
