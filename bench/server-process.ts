/**
 * The processes under load: the server child (bench/server.ts) and the floor (bench/floor.ts), each
 * transpiled to plain JS and run by plain node.
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Child, childEnv, transpile } from './child-process.js';
import { root } from './dist.js';
import { CPU_PROFILE } from './options.js';

/** Which server child a scenario runs against: with the outbox as configured, or with it off. */
export type ServerVariant = 'outbox' | 'no-outbox';

/** What a variant changes in the server's environment. */
const variantEnv: Record<ServerVariant, Record<string, string>> = {
  outbox: {},
  'no-outbox': { SMS_EVENTS: 'none' },
};

/** A process under load: a server child or the floor. */
export interface Server {
  pid: number;
  origin: string;
  profileDir?: string;
  /**
   * Asks the child: starts or stops (writing `<file>.cpuprofile`, when BENCH_CPU_PROF is set; server
   * children only) the CPU profiler; answers with the number of statements it has sent to the database so far.
   */
  ask(command: 'statements' | 'profile-start' | 'profile-stop', file?: string): Promise<number>;
  stop(): Promise<void>;
}

/** Starts bench/<name>.ts with an IPC channel and waits for the port it sends once listening. */
async function startChild(name: string, env: Record<string, string>, workDir: string) {
  const entry = await transpile(name, workDir);
  const child = new Child(
    spawn(process.execPath, [entry], {
      cwd: root,
      env: childEnv(env),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the ${name} did not start within 60 s`)), 60_000);
      child.proc.once('message', (message: { port?: number }) => {
        clearTimeout(timer);
        if (message.port) resolve(message.port);
        else reject(new Error(`the ${name} sent no port`));
      });
      void child.exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`the ${name} exited with code ${code} while starting`));
      });
    });
    return { child, origin: `http://127.0.0.1:${port}` };
  } catch (error) {
    child.proc.kill('SIGKILL');
    await child.exited;
    throw error;
  }
}

export async function startServer(
  variant: ServerVariant,
  env: Record<string, string>,
  workDir: string,
): Promise<Server> {
  const profileDir = CPU_PROFILE ? join(workDir, `profiles-${variant}`) : undefined;
  if (profileDir) await mkdir(profileDir);
  const { child, origin } = await startChild(
    'server',
    {
      HOST: '127.0.0.1',
      PORT: '0',
      // No dispatcher in the server: it would compete for the CPU the API scenarios measure.
      DISPATCHER_IN_API: 'false',
      // Far above what wrk sends: the rate limiter runs (and is measured) but never answers 429.
      // A RATE_LIMIT_PER_MINUTE of the run's own (0: no limiter) wins.
      RATE_LIMIT_PER_MINUTE: process.env.RATE_LIMIT_PER_MINUTE || '1000000000',
      ...env,
      ...variantEnv[variant],
    },
    workDir,
  );
  try {
    for (let attempt = 0; ; attempt++) {
      const health = await fetch(`${origin}/api/v1/health/`).catch(() => undefined);
      if (health?.ok) break;
      if (attempt === 100) throw new Error('/api/v1/health/ never answered 200');
      await sleep(100);
    }
  } catch (error) {
    child.proc.kill('SIGKILL');
    await child.exited;
    throw error;
  }

  return {
    ask(command, file) {
      const profiling = command !== 'statements' && profileDir;
      return child.ask({
        command: profiling ? command : 'statements',
        file: profiling && file ? join(profileDir, `${file}.cpuprofile`) : undefined,
      });
    },
    pid: child.pid,
    origin,
    profileDir,
    stop: () => child.stop(),
  };
}

/**
 * The floor (bench/floor.ts) on the bench database (`env`: its DATABASE_URL), with the pool size and
 * currency the server uses. It reads the API tokens once as it starts: start it after seeding.
 */
export async function startFloor(
  env: Record<string, string>,
  settings: { poolSize: number; currency: string },
  workDir: string,
): Promise<Server> {
  const { child, origin } = await startChild(
    'floor',
    {
      ...env,
      BENCH_FLOOR_POOL_SIZE: String(settings.poolSize),
      BENCH_FLOOR_CURRENCY: settings.currency,
    },
    workDir,
  );
  return {
    ask: () => child.ask({ command: 'statements' }),
    pid: child.pid,
    origin,
    stop: () => child.stop(),
  };
}
