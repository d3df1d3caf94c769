import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { credentialCache, type FinalRefusals } from '../../src/auth/credential-cache.js';

class Final extends Error {}
class Passing extends Error {}

const refusals: FinalRefusals = { ttlMs: 5_000, isFinal: (error) => error instanceof Final };

/** A lookup that counts its calls and answers with `outcome`. */
function lookUp(outcome: () => string) {
  const calls = { count: 0 };
  const run = async () => {
    calls.count++;
    return { value: outcome(), until: Date.now() + 5_000 };
  };
  return { calls, run };
}

describe('the credential cache', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('when a lookup fails for good, then the credential is refused without another lookup until the time is up', async () => {
    // Arrange
    const cache = credentialCache<string>(refusals);
    const failing = lookUp(() => {
      throw new Final('unknown token');
    });
    await expect(cache.get('stale', failing.run)).rejects.toBeInstanceOf(Final);

    // Act
    const withinTtl = await cache.get('stale', failing.run).catch((error: unknown) => error);
    const lookUpsWithinTtl = failing.calls.count;
    vi.advanceTimersByTime(5_001);
    const afterTtl = await cache.get('stale', failing.run).catch((error: unknown) => error);

    // Assert
    expect(withinTtl).toBeInstanceOf(Final);
    expect(lookUpsWithinTtl).toBe(1);
    expect(afterTtl).toBeInstanceOf(Final);
    expect(failing.calls.count).toBe(2);
  });

  test('when a lookup fails in a way that may pass later, then the next request looks it up again', async () => {
    // Arrange
    const cache = credentialCache<string>(refusals);
    let down = true;
    const flaky = lookUp(() => {
      if (down) throw new Passing('provider unavailable');
      return 'actor';
    });
    await expect(cache.get('token', flaky.run)).rejects.toBeInstanceOf(Passing);
    down = false;

    // Act
    const value = await cache.get('token', flaky.run);

    // Assert
    expect(value).toBe('actor');
    expect(flaky.calls.count).toBe(2);
  });

  test('when no refusals are to be remembered, then every failing request is looked up', async () => {
    // Arrange
    const cache = credentialCache<string>({ ...refusals, ttlMs: 0 });
    const failing = lookUp(() => {
      throw new Final('unknown token');
    });
    await expect(cache.get('stale', failing.run)).rejects.toBeInstanceOf(Final);

    // Act
    const again = await cache.get('stale', failing.run).catch((error: unknown) => error);

    // Assert
    expect(again).toBeInstanceOf(Final);
    expect(failing.calls.count).toBe(2);
  });

  test('when a flood of made-up credentials is refused, then the verified ones are still remembered', async () => {
    // Arrange
    const cache = credentialCache<string>(refusals);
    const valid = lookUp(() => 'actor');
    await cache.get('valid', valid.run);
    const madeUp = lookUp(() => {
      throw new Final('unknown token');
    });

    // Act
    for (let i = 0; i < 20_000; i++) await cache.get(`made-up-${i}`, madeUp.run).catch(() => {});
    const value = await cache.get('valid', valid.run);

    // Assert
    expect(value).toBe('actor');
    expect(valid.calls.count).toBe(1);
  });
});
