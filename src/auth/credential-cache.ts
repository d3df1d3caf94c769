/** A verified credential, trusted until `until` (ms since the epoch). */
export interface Verified<T> {
  value: T;
  until: number;
}

const MAX_ENTRIES = 10_000;

/**
 * Remembers verified credentials for a short while so most requests cost no lookup, and makes
 * concurrent requests with the same credential share one lookup. Failures are never cached.
 */
export function credentialCache<T>() {
  const verified = new Map<string, Verified<T>>();
  const inFlight = new Map<string, Promise<T>>();

  async function verify(key: string, lookUp: () => Promise<Verified<T>>): Promise<T> {
    const result = await lookUp();
    if (result.until > Date.now()) {
      if (verified.size >= MAX_ENTRIES) verified.clear();
      verified.set(key, result);
    }
    return result.value;
  }

  return {
    /** The cached value for `key` (a hash of the credential), else what `lookUp` verifies. */
    get(key: string, lookUp: () => Promise<Verified<T>>): Promise<T> {
      const cached = verified.get(key);
      if (cached && cached.until > Date.now()) return Promise.resolve(cached.value);
      let pending = inFlight.get(key);
      if (!pending) {
        pending = verify(key, lookUp).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return pending;
    },
    delete(key: string): void {
      verified.delete(key);
    },
    clear(): void {
      verified.clear();
    },
  };
}
