/**
 * `npm run build` after the server's tsc: the SDK (its types generated from docs/openapi.v2.json, then tsc to
 * packages/client/dist) and the console (vite build to dist/console), each only when one of its inputs is newer
 * than the stamp its last build left, so that the pre-scripts of `npm start`, `npm test`… cost next to nothing
 * when nothing changed. `--force` rebuilds both.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const force = process.argv.includes('--force');

/** Newest modification time among files (directories walked, node_modules and dist skipped), 0 when none exists. */
function newest(paths: string[]): number {
  let latest = 0;
  for (const path of paths) {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch {
      continue;
    }
    if (!stat.isDirectory()) {
      latest = Math.max(latest, stat.mtimeMs);
      continue;
    }
    const entries = readdirSync(path).filter((name) => name !== 'node_modules' && name !== 'dist');
    latest = Math.max(latest, newest(entries.map((name) => join(path, name))));
  }
  return latest;
}

interface Target {
  name: string;
  inputs: string[];
  stamp: string;
  build: () => Promise<void> | void;
}

/** Runs a package's bin as the workspace that depends on it resolves it (vite is the console's, not hoisted). */
function run(workspace: string, bin: string, args: string[]): void {
  const [name, ...path] = bin.split('/');
  const manifest = createRequire(join(root, workspace, 'package.json')).resolve(`${name}/package.json`);
  execFileSync(process.execPath, [join(dirname(manifest), ...path), ...args], {
    cwd: root,
    stdio: 'inherit',
  });
}

const clientInputs = ['docs/openapi.v2.json', 'scripts/client-schema.ts', 'packages/client'].map((path) =>
  join(root, path),
);

const targets: Target[] = [
  {
    name: 'SDK (packages/client)',
    inputs: clientInputs,
    stamp: join(root, 'packages/client/dist/.build-stamp'),
    build: async () => {
      // Loaded only when needed: openapi-typescript takes a second to import.
      const { CLIENT_SCHEMA, generateClientSchema } = await import('./client-schema.js');
      const generated = await generateClientSchema();
      // Rewritten only when it changes: its time is an input of the console.
      if (!existsSync(CLIENT_SCHEMA) || readFileSync(CLIENT_SCHEMA, 'utf8') !== generated) {
        writeFileSync(CLIENT_SCHEMA, generated);
      }
      run('packages/client', 'typescript/bin/tsc', ['-p', 'packages/client/tsconfig.json']);
    },
  },
  {
    name: 'console (dist/console)',
    inputs: [...clientInputs, join(root, 'console')],
    // Outside dist/console, so that it is never served.
    stamp: join(root, 'dist/.console-build-stamp'),
    build: () =>
      run('console', 'vite/bin/vite.js', [
        'build',
        '--config',
        'console/vite.config.ts',
        '--logLevel',
        'warn',
      ]),
  },
];

for (const target of targets) {
  const built = newest([target.stamp]);
  if (!force && built > 0 && newest(target.inputs) <= built) continue;
  const started = performance.now();
  await target.build();
  writeFileSync(target.stamp, `${new Date().toISOString()}\n`);
  console.log(`built ${target.name} in ${Math.round(performance.now() - started)} ms`);
}
