import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { processDatabase, refusedStart } from '../helpers/processes.js';

describe('version lifecycle settings', () => {
  test('when neither date is set, then v1 has no lifecycle', () => {
    // Act
    const config = loadConfig({});

    // Assert
    expect(config.API_V1_DEPRECATED_AT).toBeUndefined();
    expect(config.API_V1_SUNSET_AT).toBeUndefined();
  });

  test.each([
    ['2026-03-01T00:00:00Z', '2026-09-01T00:00:00Z'],
    ['2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'],
    ['2026-03-01T03:00:00+03:00', '2026-03-01T00:00:00Z'],
    [undefined, '2026-09-01T00:00:00Z'],
    ['2026-03-01T00:00:00Z', undefined],
  ])('when deprecated at %s and sunset at %s, then the pair is accepted', (deprecatedAt, sunsetAt) => {
    // Act
    const load = () =>
      loadConfig({
        ...(deprecatedAt ? { API_V1_DEPRECATED_AT: deprecatedAt } : {}),
        ...(sunsetAt ? { API_V1_SUNSET_AT: sunsetAt } : {}),
      });

    // Assert
    expect(load).not.toThrow();
  });

  test('when the sunset precedes the deprecation, then the configuration is refused naming both', () => {
    // Act
    const load = () =>
      loadConfig({ API_V1_DEPRECATED_AT: '2026-09-01T00:00:00Z', API_V1_SUNSET_AT: '2026-03-01T00:00:00Z' });

    // Assert
    expect(load).toThrow(
      'Invalid configuration: API_V1_SUNSET_AT 2026-03-01T00:00:00Z must not precede API_V1_DEPRECATED_AT 2026-09-01T00:00:00Z',
    );
  });

  test.each([
    ['API_V1_DEPRECATED_AT', '2026-03-01', 'must match format "date-time"'],
    ['API_V1_DEPRECATED_AT', '2026-03-01T00:00:00', 'must match format "date-time"'],
    ['API_V1_SUNSET_AT', 'next year', 'must match format "date-time"'],
    ['API_V1_SUNSET_AT', '2026-03-01T00:00:00Z[Europe/Paris]', 'is not an instant'],
  ])('when %s is %s, then the configuration is refused naming it', (setting, value, reason) => {
    // Act
    const load = () => loadConfig({ [setting]: value });

    // Assert
    expect(load).toThrow(new RegExp(`Invalid configuration: ${setting}.* ${reason.replace(/"/g, '.')}`));
  });
});

describe('the server process', { timeout: 120_000 }, () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ env, drop } = await processDatabase());
  });
  afterAll(() => drop());

  test('when the sunset precedes the deprecation, then it does not start and names the setting', async () => {
    // Act
    const output = await refusedStart({
      ...env,
      API_V1_DEPRECATED_AT: '2026-09-01T00:00:00Z',
      API_V1_SUNSET_AT: '2026-03-01T00:00:00Z',
    });

    // Assert
    expect(output).toContain('Invalid configuration: API_V1_SUNSET_AT 2026-03-01T00:00:00Z must not precede');
  });
});
