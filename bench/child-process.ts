/**
 * The bench's child processes: the server (bench/server.ts, transpiled to plain JS and run by plain node;
 * see bench/server-process.ts) and the dispatcher workers (dist/cli.js worker, with
 * bench/count-statements.ts preloaded; see bench/dispatch.ts).
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { distDir, root } from './dist.js';

/** Transpiles bench/<name>.ts to plain JS in `workDir` (no tsx loader in the child, which alone adds about 30 MB of RSS). */
export async function transpile(name: string, workDir: string): Promise<string> {
  const source = readFileSync(join(root, 'bench', `${name}.ts`), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023 },
  });
  const file = join(workDir, `${name}.mjs`);
  await writeFile(file, outputText);
  return file;
}

/** The environment of a child: the app at LOG_LEVEL=warn in production mode, on the bench database. */
export function childEnv(env: Record<string, string>): Record<string, string> {
  const merged: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: undefined,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    ...env,
    BENCH_DIST_DIR: distDir,
  };
  return Object.fromEntries(
    Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** A child started with an IPC channel that answers `{ id, ... }` with `{ id, statements }`. */
export class Child {
  readonly exited: Promise<number | null>;
  #asked = 0;

  constructor(readonly proc: ChildProcess) {
    this.exited = new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
  }

  get pid(): number {
    return this.proc.pid as number;
  }

  get running(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  /** Sends a request; resolves with the number of statements the child has sent to the database so far. */
  ask(message: object): Promise<number> {
    const id = ++this.#asked;
    const reply = new Promise<number>((resolve) => {
      const onMessage = (answer: { id?: number; statements?: number }) => {
        if (answer.id !== id) return;
        this.proc.off('message', onMessage);
        resolve(answer.statements ?? Number.NaN);
      };
      this.proc.on('message', onMessage);
    });
    this.proc.send({ ...message, id });
    return reply;
  }

  /** SIGTERM, as a process manager stops it (it finishes what is in progress); SIGKILL after 15 s. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.proc.kill('SIGTERM');
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }
}
