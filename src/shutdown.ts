import type { Server, Socket } from 'node:net';
import { constants } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

/** The exit code of a process whose drain outlasted SHUTDOWN_TIMEOUT_MS: what was left was cut. */
export const EXIT_DRAIN_TIMED_OUT = 1;

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;
type ShutdownSignal = (typeof SIGNALS)[number];

export interface ShutdownOptions {
  log: {
    info(fields: object, message: string): void;
    warn(fields: object, message: string): void;
  };
  /** SHUTDOWN_DELAY_MS: after `begin`, how long the process goes on as before (a load balancer notices). */
  delayMs: number;
  /** SHUTDOWN_TIMEOUT_MS: how long `drain`, and what the caller does after it, may take. */
  timeoutMs: number;
  /** At once on the first signal: e.g. /readyz turns 503. */
  begin(): void;
  /** After the delay: stops accepting work and resolves once the work in flight is finished. */
  drain(): Promise<void>;
  /** When the time is up: cuts what is left (open connections), just before the process exits. */
  abort?(): void;
}

/**
 * Graceful shutdown. On the first SIGTERM or SIGINT: `begin()` at once, then after `delayMs` `drain()`;
 * the returned promise resolves with the signal once it is done, and the caller releases what it holds
 * (the database) and exits 0. If that is not over `timeoutMs` after the delay, `abort()` runs and the
 * process exits EXIT_DRAIN_TIMED_OUT. A second signal exits at once with 128 + its number (130 for
 * SIGINT, 143 for SIGTERM), as a shell reports a process killed by it.
 */
export function onShutdownSignal(options: ShutdownOptions): Promise<ShutdownSignal> {
  const { log, delayMs, timeoutMs } = options;
  let first: ShutdownSignal | undefined;
  return new Promise((resolve, reject) => {
    const handle = (signal: ShutdownSignal) => {
      if (first) {
        log.warn({ signal, first }, 'second signal: exiting at once, without finishing the work in flight');
        process.exit(128 + constants.signals[signal]);
      }
      first = signal;
      log.info({ signal, delay_ms: delayMs, timeout_ms: timeoutMs }, 'shutting down');
      options.begin();
      sleep(delayMs)
        .then(() => {
          // Left armed: the caller's release counts too, and its own exit ends the process before it fires.
          setTimeout(() => {
            log.warn({ timeout_ms: timeoutMs }, 'the drain took too long: cutting what is left and exiting');
            options.abort?.();
            process.exit(EXIT_DRAIN_TIMED_OUT);
          }, timeoutMs);
          return options.drain();
        })
        .then(() => resolve(signal), reject);
    };
    for (const signal of SIGNALS) process.on(signal, handle);
  });
}

/**
 * The connections `server` has open (HTTP/1.1, or TLS carrying HTTP/2 sessions), to cut those left
 * when a drain runs out of time; returns how many were cut.
 */
export function connectionsOf(server: Server): { destroyAll(): number } {
  const open = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  return {
    destroyAll() {
      const count = open.size;
      for (const socket of open) socket.destroy();
      return count;
    },
  };
}
