import { randomUUID } from 'node:crypto';
import type { SendOutcome, SmsMessage, SmsProvider } from './provider.js';

const VISIBLE_START = 5;
const VISIBLE_END = 2;
/** Fewer hidden characters than this would leave the number guessable. */
const LEAST_HIDDEN = 4;

/**
 * A phone number fit for logs: the country and network prefix and the last two digits stay, every other
 * character becomes `*` (so the length still shows), e.g. `+254712345678` → `+2547******78`. Shorter
 * input keeps less, so that at least four characters are always hidden.
 */
export function maskPhone(e164: string): string {
  const { length } = e164;
  const start = length >= VISIBLE_START + VISIBLE_END + LEAST_HIDDEN ? VISIBLE_START : Math.min(1, length);
  const end = length >= start + VISIBLE_END + LEAST_HIDDEN ? VISIBLE_END : 0;
  return `${e164.slice(0, start)}${'*'.repeat(length - start - end)}${e164.slice(length - end)}`;
}

/**
 * A provider for development and demos that sends nothing: each message is logged with a masked number
 * and its length only, since message texts name customers and their orders.
 */
export function consoleProvider(log: (fields: object, message: string) => void): SmsProvider {
  return {
    name: 'console',
    send(sms: SmsMessage): Promise<SendOutcome> {
      log(
        { to: maskPhone(sms.to), length: sms.message.length },
        'SMS not sent: the console provider logs it',
      );
      return Promise.resolve({
        kind: 'accepted',
        messageId: `console-${randomUUID()}`,
        cost: null,
        providerStatus: 'Logged',
      });
    },
  };
}
