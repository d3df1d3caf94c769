import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Database, DatabaseHandle } from '../db/client.js';
import { Dispatcher, type DispatcherObserver } from './dispatcher.js';
import { OUTBOX_CHANNEL } from './outbox.js';
import { africasTalkingProvider, defaultAtBaseUrl } from './providers/africastalking.js';
import { consoleProvider } from './providers/console.js';
import type { SmsProvider } from './providers/provider.js';

const LEASE_MARGIN_MS = 30_000;
const POLL_MS = 1_000;

/** The provider SMS_PROVIDER names: Africa's Talking when it has credentials, else the console. */
export function smsProvider(config: Config, log: Pick<FastifyBaseLogger, 'info'>): SmsProvider {
  const provider = config.SMS_PROVIDER ?? (config.AT_API_KEY ? 'africastalking' : 'console');
  if (provider === 'console') return consoleProvider((fields, message) => log.info(fields, message));
  const username = config.AT_USERNAME ?? '';
  return africasTalkingProvider({
    baseUrl: config.AT_BASE_URL ?? defaultAtBaseUrl(username),
    username,
    apiKey: config.AT_API_KEY ?? '',
    senderId: config.AT_SENDER_ID,
    timeoutMs: config.SMS_TIMEOUT_MS,
  });
}

/** A dispatcher for this configuration (not started). */
export function createDispatcher(
  config: Config,
  db: Database,
  log: Pick<FastifyBaseLogger, 'info' | 'error'>,
  observer?: DispatcherObserver,
): Dispatcher {
  return new Dispatcher(db, {
    provider: smsProvider(config, log),
    delivery: config.SMS_DELIVERY,
    maxAttempts: config.SMS_MAX_ATTEMPTS,
    ratePerSecond: config.SMS_RATE_PER_SECOND,
    concurrency: config.SMS_CONCURRENCY,
    leaseMs: config.SMS_TIMEOUT_MS + LEASE_MARGIN_MS,
    pollMs: POLL_MS,
    log,
    observer,
  });
}

/** A running dispatcher, woken by every commit that writes notifications. */
export async function startDispatcher(
  config: Config,
  database: DatabaseHandle,
  log: Pick<FastifyBaseLogger, 'info' | 'error'>,
  observer?: DispatcherObserver,
): Promise<Dispatcher> {
  const dispatcher = createDispatcher(config, database.db, log, observer);
  await database.listen(OUTBOX_CHANNEL, () => dispatcher.wakeUp());
  dispatcher.start();
  log.info({ delivery: config.SMS_DELIVERY }, 'SMS dispatcher started');
  return dispatcher;
}
