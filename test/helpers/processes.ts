import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabase } from './db.js';

const root = new URL('../../', import.meta.url);

/**
 * Environment for the real CLI and server processes: a throw-away database on the server from
 * DATABASE_URL, or an embedded data directory, migrated and empty: a copy of the one global-setup.ts made
 * (a process then skips initdb, seconds each time), or, with `fresh`, one that does not exist yet.
 */
export async function processDatabase(
  options: { fresh?: boolean } = {},
): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const { target, drop } = await testDatabase();
    return { env: { DATABASE_URL: 'url' in target ? target.url : '' }, drop };
  }
  const dir = await mkdtemp(join(tmpdir(), 'orderly-test-'));
  const dataDir = join(dir, 'data');
  const template = process.env.ORDERLY_TEST_TEMPLATE_DIR;
  if (template && !options.fresh) await cp(template, dataDir, { recursive: true });
  return { env: { DATA_DIR: dataDir }, drop: () => rm(dir, { recursive: true, force: true }) };
}

/** Runs a compiled entry point (`npm test` builds first), exactly as `npm start` and the `orderly` bin do. */
function spawnBuilt(entry: string, args: string[], env: Record<string, string>): ChildProcess {
  const { DATABASE_URL: _, ...inherited } = process.env;
  return spawn(process.execPath, [entry, ...args], {
    cwd: root,
    // Rate-limit keys of its own, when REDIS_URL (inherited, as on CI) puts them in a shared Redis.
    env: { ...inherited, LOG_LEVEL: 'warn', RATE_LIMIT_PREFIX: `orderly-test:${randomUUID()}:`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `orderly <args>` to completion. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  const child = spawnBuilt('dist/cli.js', args, env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** A port nothing listens on right now, so that a server's origin can be known before it starts. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', resolve);
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export interface RunningProcess {
  output: () => string;
  /** SIGTERM, then its exit code. */
  stop(): Promise<number | null>;
}

export interface ServerProcess extends RunningProcess {
  url: string;
}

/** Starts a long-running built entry point and waits until its output shows `ready`. */
async function startUntil(
  entry: string,
  args: string[],
  env: Record<string, string>,
  ready: string,
): Promise<RunningProcess> {
  const child = spawnBuilt(entry, args, { LOG_LEVEL: 'info', ...env });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk;
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    // One that is still starting is stopped: a slow machine must not leave servers running after the test.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not start:\n${output}`));
    }, 30_000);
    child.stdout?.on('data', () => {
      if (output.includes(ready)) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited:\n${output}`));
    });
  });
  return {
    output: () => output,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/**
 * Starts the server (on `env.PORT`, else a free port) and waits until it is ready: listening, its database
 * migrated and the bootstrap token printed. `until: 'listening'`: only until it listens (the database may
 * still be unreachable).
 */
export async function startServer(
  env: Record<string, string>,
  { until = 'ready' }: { until?: 'ready' | 'listening' } = {},
): Promise<ServerProcess> {
  const port = env.PORT ?? String(await freePort());
  const marker = until === 'ready' ? 'database ready' : 'Server listening';
  const server = await startUntil('dist/server.js', [], { ...env, PORT: port }, marker);
  return { ...server, url: `http://127.0.0.1:${port}` };
}

/**
 * Starts the server where it must refuse to start, and resolves with why it did not (its output). A server
 * that starts after all is stopped and the call fails, so that a failing test leaves no process behind.
 */
export async function refusedStart(env: Record<string, string>): Promise<string> {
  let server: ServerProcess;
  try {
    server = await startServer(env);
  } catch (error) {
    return (error as Error).message;
  }
  await server.stop();
  throw new Error(`The server started:\n${server.output()}`);
}

/** Starts `orderly worker` and waits until its output shows `ready`: by default, until its dispatcher runs. */
export function startWorker(
  env: Record<string, string>,
  ready = 'SMS dispatcher started',
): Promise<RunningProcess> {
  return startUntil('dist/cli.js', ['worker'], env, ready);
}
