import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from './processes.js';

/** A Redis server of its own, on loopback, that a test may stop and start (never the shared one on 6379). */
export interface TestRedis {
  /** `redis://127.0.0.1:<port>`. */
  url: string;
  port: number;
  /** Stops the server (SIGTERM) and waits until it has exited: every client's connection is gone. */
  stop(): Promise<void>;
  /** Starts it again on the same port (empty: it keeps nothing on disk) and waits until it accepts commands. */
  start(): Promise<void>;
  /** Stops it if running. */
  destroy(): Promise<void>;
}

/** Redis prints this line once it accepts connections (since 2.x; 7 adds the listeners after it). */
const READY_LINE = 'Ready to accept connections';

/** Starts the Debian `redis-server` on `port`, in memory only, and resolves once it is ready. */
async function spawnRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes(READY_LINE)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(new Error(`redis-server exited before it was ready (${code ?? signal}):\n${output}`)),
    );
  });
  return child;
}

/** Starts a throw-away Redis on a free loopback port. */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined = await spawnRedis(port);
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = once(running, 'exit');
    running.kill('SIGTERM');
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    async start() {
      child = await spawnRedis(port);
    },
    destroy: stop,
  };
}
