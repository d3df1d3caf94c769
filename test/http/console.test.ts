import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';

/** A console build of two files, each over the 1 KiB compression threshold. */
const INDEX = `<!doctype html><html lang="en"><head><script type="module" src="/console/assets/app-abc123.js"></script></head><body><div id="root"></div><!-- ${'padding '.repeat(200)}--></body></html>`;
const SCRIPT = `export const greeting = ${JSON.stringify('hello '.repeat(300))};\n`;
const OUTSIDE = 'a file next to the build, never served';

let root: string;
let built: TestApp;
let unbuilt: TestApp;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'orderly-console-'));
  const dir = join(root, 'console');
  await mkdir(join(dir, 'assets'), { recursive: true });
  await writeFile(join(dir, 'index.html'), INDEX);
  await writeFile(join(dir, 'assets', 'app-abc123.js'), SCRIPT);
  await writeFile(join(root, 'secret.txt'), OUTSIDE);
  await mkdir(join(root, 'empty'));
  built = await buildTestApp({}, { consoleDir: dir });
  unbuilt = await buildTestApp({}, { consoleDir: join(root, 'empty') });
});

afterAll(async () => {
  await built?.close();
  await unbuilt?.close();
  await rm(root, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) =>
  built.app.inject({ method: 'GET', url, headers });

describe('the staff console at /console/', () => {
  test('when / is asked for, then it redirects to /console/', async () => {
    // Act
    const response = await get('/');

    // Assert
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/console/');
  });

  test.each(['/console/', '/console/orders/12'])(
    'when %s is asked for, then it is index.html, revalidated every time, under the console’s policy',
    async (url) => {
      // Act
      const response = await get(url);

      // Assert
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe(INDEX);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      const policy = String(response.headers['content-security-policy']);
      expect(policy).toMatch(/(^|; )script-src 'self'(;|$)/);
      expect(policy).toMatch(/(^|; )default-src 'self'(;|$)/);
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).not.toContain('unsafe-eval');
    },
  );

  test('when a hashed asset is asked for, then it is cached for a year, typed, tagged, and 304 when unchanged', async () => {
    // Act
    const first = await get('/console/assets/app-abc123.js');
    const again = await get('/console/assets/app-abc123.js', { 'if-none-match': String(first.headers.etag) });

    // Assert
    expect(first.statusCode).toBe(200);
    expect(first.body).toBe(SCRIPT);
    expect(first.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(first.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(first.headers.etag);
  });

  test('when a missing asset is asked for, then it is a 404 problem, not index.html', async () => {
    // Act
    const response = await get('/console/assets/nope.js');

    // Assert
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 404 });
  });

  test.each([
    '/console/../secret.txt',
    '/console/%2e%2e/secret.txt',
    '/console/%2E%2E%2Fsecret.txt',
    '/console/assets/..%2f..%2fsecret.txt',
    '/console/../package.json',
    '/console/%2e%2e/%2e%2e/package.json',
  ])('when %s tries to leave the build, then no file outside it is served', async (url) => {
    // Act
    const response = await get(url);

    // Assert
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain(OUTSIDE);
    expect(response.body).not.toContain('"name": "orderly"');
  });

  test('when the build has no index.html, then pages answer 503 telling to run the build', async () => {
    // Act
    const response = await unbuilt.app.inject({ method: 'GET', url: '/console/orders' });

    // Assert
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json().detail).toContain('npm run build');
  });

  test.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)(
    'when the client accepts %s, then pages and assets over 1 KiB are compressed with it',
    async (encoding, decompress) => {
      // Act
      const page = await get('/console/orders', { 'accept-encoding': encoding });
      const asset = await get('/console/assets/app-abc123.js', { 'accept-encoding': encoding });

      // Assert
      expect(page.headers['content-encoding']).toBe(encoding);
      expect(decompress(page.rawPayload).toString('utf8')).toBe(INDEX);
      expect(asset.headers['content-encoding']).toBe(encoding);
      expect(decompress(asset.rawPayload).toString('utf8')).toBe(SCRIPT);
    },
  );

  test('when the API answers next to the console, then it keeps its own strict policy', async () => {
    // Act
    const api = await get('/api/v2/');

    // Assert
    expect(api.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(api.headers['content-security-policy']).not.toMatch(/script-src 'self'/);
  });
});
