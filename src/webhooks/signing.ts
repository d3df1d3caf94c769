import { createHmac } from 'node:crypto';
import { signingKey } from './secrets.js';

/**
 * The `webhook-signature` header of Standard Webhooks: `v1,<base64 HMAC-SHA256 of id.timestamp.body>` for
 * each secret, space-separated (during a rotation's overlap, the new secret's and the old one's), so a
 * receiver holding either verifies.
 */
export function signatureHeader(
  messageId: string,
  timestamp: number,
  body: string,
  secrets: string[],
): string {
  const content = `${messageId}.${timestamp}.${body}`;
  return secrets
    .map((secret) => `v1,${createHmac('sha256', signingKey(secret)).update(content).digest('base64')}`)
    .join(' ');
}
