/**
 * Summarises a V8 CPU profile of the bench server (`BENCH_CPU_PROF=1 BENCH_SCENARIOS=detail npm run bench`
 * prints where it is kept): self time by package or app file, the hottest functions, and the inclusive
 * time of the functions named with --match, as shares of the time the main thread was busy. V8 samples
 * wall-clock time: on a busy machine, time the thread spent descheduled lands on whatever frame it was in
 * (often a socket write), so read the shares of JavaScript code relative to each other.
 *
 *   npx tsx bench/profile-summary.ts /tmp/orderly-bench-run-xxx/profiles/CPU.*.cpuprofile [--top 30]
 *     [--match findCustomer,serialize,authenticate]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

const file = process.argv[2];
if (!file || file.startsWith('--')) {
  process.stderr.write('usage: tsx bench/profile-summary.ts FILE.cpuprofile [--top N] [--match a,b]\n');
  process.exit(2);
}
const top = Number(option('top') ?? 25);
const matches = (option('match') ?? '').split(',').filter(Boolean);

const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

// Self time per node, in microseconds.
const self = new Map<number, number>();
profile.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
// Percentages are of busy time: samples where the thread was idle (waiting in epoll) are left out.
const idleIds = new Set(
  profile.nodes.filter((node) => node.callFrame.functionName === '(idle)').map((n) => n.id),
);
const total = [...self].reduce((sum, [id, value]) => sum + (idleIds.has(id) ? 0 : value), 0);

/** Where a function lives: an npm package, a file of the app, Node's internals, or a V8 pseudo-frame. */
function origin(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const packages = url.split('/node_modules/');
  if (packages.length > 1) {
    const rest = (packages.at(-1) ?? '').split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  const app = /\/dist\/(.+)$/.exec(url);
  if (app) return `app: ${app[1]}`;
  if (url.startsWith('node:')) return `node: ${url.slice(5).split('/')[0]}`;
  return url;
}

const key = (node: ProfileNode) =>
  `${node.callFrame.functionName || '(anonymous)'} ${origin(node.callFrame.url, node.callFrame.functionName)}:${node.callFrame.lineNumber + 1}`;

const percent = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;

function table(title: string, totals: Map<string, number>, limit: number) {
  process.stdout.write(`\n${title}\n`);
  const sorted = [...totals].sort((a, b) => b[1] - a[1]).slice(0, limit);
  for (const [name, us] of sorted) process.stdout.write(`${percent(us)}  ${name}\n`);
}

const byOrigin = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const [id, us] of self) {
  const node = byId.get(id);
  if (!node || idleIds.has(id)) continue;
  const where = origin(node.callFrame.url, node.callFrame.functionName);
  byOrigin.set(where, (byOrigin.get(where) ?? 0) + us);
  byFunction.set(key(node), (byFunction.get(key(node)) ?? 0) + us);
}

process.stdout.write(
  `${file}\n${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s profiled, ${(total / 1e6).toFixed(1)} s busy; ` +
    'percentages are of busy time\n',
);
table('Self time by package / app file', byOrigin, top);
table('Self time by function', byFunction, top);

if (matches.length > 0) {
  // Inclusive time: a sample counts for a function when the function is anywhere on its stack (once).
  const inclusive = new Map<string, number>();
  for (const [id, us] of self) {
    if (idleIds.has(id)) continue;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (!node) break;
      const name = node.callFrame.functionName;
      for (const match of matches) {
        if (name === match && !seen.has(match)) {
          seen.add(match);
          inclusive.set(match, (inclusive.get(match) ?? 0) + us);
        }
      }
    }
  }
  table('Inclusive time of --match functions', inclusive, matches.length);
}
