import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { client } from '../helpers/http.js';

const t = useTestApp();
const GUIDE = '/docs/migrating-to-v2';

describe('the migration guide', () => {
  test('when an API client follows the deprecation link, then it gets docs/migrating-to-v2.md as Markdown', async () => {
    // Arrange
    const file = await readFile(new URL('../../docs/migrating-to-v2.md', import.meta.url), 'utf8');

    // Act
    const response = await client(t.app).get(GUIDE);

    // Assert
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(response.body).toBe(file);
    expect(response.body).toMatch(/^# Migrating from API v1 to v2\n/);
  });

  test('when a browser opens it, then it is a page of the same text that runs nothing', async () => {
    // Act
    const response = await client(t.app).get(GUIDE, {
      headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    });

    // Assert
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('<title>Migrating from API v1 to v2</title>');
    expect(response.body).toContain('<pre># Migrating from API v1 to v2');
    expect(response.body).not.toContain('<script');
    expect(response.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-/);
    expect(response.headers.vary).toContain('Accept');
  });
});
