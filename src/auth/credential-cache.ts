/** A verified credential, trusted until `until` (ms since the epoch). */
export interface Verified<T> {
  value: T;
  until: number;
}

/** Failures that can never turn into a success, and how long to remember them. */
export interface FinalRefusals {
  ttlMs: number;
  isFinal(error: unknown): boolean;
}

const MAX_ENTRIES = 10_000;

const NONE: FinalRefusals = { ttlMs: 0, isFinal: () => false };

/**
 * Remembers verified credentials for a short while so most requests cost no lookup, and makes
 * concurrent requests with the same credential share one lookup. A failure is forgotten at once,
 * unless `refusals.isFinal` says it can never change (an unknown, expired or revoked API token stays
 * so): then it is remembered for `refusals.ttlMs`, so that a client retrying a stale credential costs
 * no lookup either. Refusals are kept apart, so a flood of made-up credentials cannot push verified
 * ones out.
 */
export function credentialCache<T>(refusals: FinalRefusals = NONE) {
  const verified = new Map<string, Verified<T>>();
  const refused = new Map<string, { error: unknown; until: number }>();
  const inFlight = new Map<string, Promise<T>>();

  async function verify(key: string, lookUp: () => Promise<Verified<T>>): Promise<T> {
    let result: Verified<T>;
    try {
      result = await lookUp();
    } catch (error) {
      if (refusals.ttlMs > 0 && refusals.isFinal(error)) {
        if (refused.size >= MAX_ENTRIES) refused.clear();
        refused.set(key, { error, until: Date.now() + refusals.ttlMs });
      }
      throw error;
    }
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
      const refusal = refused.get(key);
      if (refusal) {
        if (refusal.until > Date.now()) return Promise.reject(refusal.error);
        refused.delete(key);
      }
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
