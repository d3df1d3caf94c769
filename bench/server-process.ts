/** The server child under test: bench/server.ts, transpiled to plain JS and run by plain node. */
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

export interface Server {
  pid: number;
  origin: string;
  profileDir?: string;
  /**
   * Asks the server child: starts or stops (writing `<file>.cpuprofile`, when BENCH_CPU_PROF is set) the
   * CPU profiler; answers with the number of statements the app has sent to the database so far.
   */
  ask(command: 'statements' | 'profile-start' | 'profile-stop', file?: string): Promise<number>;
  stop(): Promise<void>;
}

export async function startServer(
  variant: ServerVariant,
  env: Record<string, string>,
  floorOwnerId: number,
  workDir: string,
): Promise<Server> {
  const entry = await transpile('server', workDir);
  const profileDir = CPU_PROFILE ? join(workDir, `profiles-${variant}`) : undefined;
  if (profileDir) await mkdir(profileDir);
  const child = new Child(
    spawn(process.execPath, [entry], {
      cwd: root,
      env: childEnv({
        HOST: '127.0.0.1',
        PORT: '0',
        // No dispatcher in the server: it would compete for the CPU the API scenarios measure.
        DISPATCHER_IN_API: 'false',
        // Far above what autocannon sends: the rate limiter runs (and is measured) but never answers 429.
        // A RATE_LIMIT_PER_MINUTE of the run's own (0: no limiter) wins.
        RATE_LIMIT_PER_MINUTE: process.env.RATE_LIMIT_PER_MINUTE || '1000000000',
        ...env,
        ...variantEnv[variant],
        BENCH_FLOOR_OWNER_ID: String(floorOwnerId),
      }),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );

  let origin: string;
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the server did not start within 60 s')), 60_000);
      child.proc.once('message', (message: { port?: number }) => {
        clearTimeout(timer);
        if (message.port) resolve(message.port);
        else reject(new Error('the server sent no port'));
      });
      void child.exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited with code ${code} while starting`));
      });
    });
    origin = `http://127.0.0.1:${port}`;
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
