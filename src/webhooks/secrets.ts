import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/client.js';
import { serverKey } from '../db/server-keys.js';

/** Standard Webhooks secrets: `whsec_` and the base64 of the key's bytes (the specification asks for 24 to 64). */
const SECRET_PREFIX = 'whsec_';
const SECRET_BYTES = 32;
// Bound to their purpose: a sealed secret copied into another column or table does not open.
const ASSOCIATED_DATA = Buffer.from('orderly webhook signing secret');
/** Opened secrets kept in memory, at most (two per endpoint during a rotation). */
const MAX_OPENED = 1000;

/** A new signing secret, shown to the admin once. */
export function newSigningSecret(): string {
  return SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64');
}

/** The HMAC key of a signing secret. */
export function signingKey(secret: string): Buffer {
  return Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
}

interface Key {
  id: string;
  bytes: Buffer;
}

const keyOf = (bytes: Buffer): Key => ({
  id: createHash('sha256').update(bytes).digest('base64url').slice(0, 8),
  bytes,
});

/**
 * Keeps webhook signing secrets encrypted at rest (AES-256-GCM): the server signs every delivery with the
 * secret, so it must be able to read it back, and a hash would not do. The keys come from
 * WEBHOOK_ENCRYPTION_KEYS (the first seals, any opens, so keys can be replaced), or else from a key
 * generated once and kept in the database. A sealed secret is `<key id>.<iv>.<ciphertext and tag>`.
 */
export class SecretBox {
  #keys: Promise<Key[]> | undefined;
  /** Opened secrets by their sealed form: every delivery needs its endpoint's, and endpoints are few. */
  readonly #opened = new Map<string, string>();

  constructor(
    private readonly db: Database,
    private readonly configuredKeys: string | undefined,
  ) {}

  #load(): Promise<Key[]> {
    if (this.configuredKeys) {
      return Promise.resolve(
        this.configuredKeys.split(',').map((key) => keyOf(Buffer.from(key.trim(), 'base64'))),
      );
    }
    // Read lazily: the first seal or open, not the start (the database may not be reachable yet).
    this.#keys ??= serverKey(this.db, 'webhook-secrets').then(
      (bytes) => [keyOf(bytes)],
      (error: unknown) => {
        this.#keys = undefined;
        throw error;
      },
    );
    return this.#keys;
  }

  async seal(secret: string): Promise<string> {
    const [key] = await this.#load();
    if (!key) throw new Error('no webhook encryption key');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key.bytes, iv).setAAD(ASSOCIATED_DATA);
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${key.id}.${iv.toString('base64url')}.${sealed.toString('base64url')}`;
  }

  async open(sealed: string): Promise<string> {
    let secret = this.#opened.get(sealed);
    if (secret === undefined) {
      secret = await this.#decrypt(sealed);
      if (this.#opened.size >= MAX_OPENED) this.#opened.clear();
      this.#opened.set(sealed, secret);
    }
    return secret;
  }

  async #decrypt(sealed: string): Promise<string> {
    const [keyId, iv, data] = sealed.split('.');
    const key = (await this.#load()).find((candidate) => candidate.id === keyId);
    if (!key || !iv || !data) {
      throw new Error(
        `a webhook secret is sealed with key ${keyId}, which WEBHOOK_ENCRYPTION_KEYS does not hold`,
      );
    }
    const bytes = Buffer.from(data, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(iv, 'base64url'))
      .setAAD(ASSOCIATED_DATA)
      .setAuthTag(bytes.subarray(-16));
    return Buffer.concat([decipher.update(bytes.subarray(0, -16)), decipher.final()]).toString('utf8');
  }
}
