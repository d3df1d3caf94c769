/**
 * A network namespace joined to the host by a veth pair: a host the tests can send real traffic to at a
 * private address (10.200.0.0/16) that is not loopback, as a webhook receiver on an internal network is.
 * Needs root (`ip netns`); without it, creating one throws rather than letting a test skip.
 */
import { type ChildProcess, execFile, execFileSync, type SpawnOptions, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export interface Netns {
  name: string;
  /** The namespace's side of the pair, where its servers listen, e.g. `10.200.37.2`. */
  address: string;
  /** The host's side of the pair. */
  hostAddress: string;
  /** The /30 both sides are in, e.g. `10.200.37.0/30` (for WEBHOOK_ALLOWED_NETWORKS). */
  network: string;
  /** Spawns `command args` inside the namespace. */
  run(command: string, args: string[], options?: SpawnOptions): ChildProcess;
  /** Deletes the namespace, and with it the veth pair; processes still inside keep it alive, so end them first. */
  destroy(): Promise<void>;
}

const PREFIX = 'orderly-test';
/** 10.200.0.0/16 in /30 blocks. */
const BLOCKS = 16384;
let created = 0;
const alive = new Set<string>();

// A test file that fails hard still leaves no namespace behind; one killed outright is swept by the next run.
process.once('exit', () => {
  for (const name of alive) execFileSync('ip', ['netns', 'delete', name], { stdio: 'ignore' });
});

export async function createNetns(): Promise<Netns> {
  if (process.getuid?.() !== 0) {
    throw new Error(
      'Network namespaces need root: run these tests as root (they create one with `ip netns`)',
    );
  }
  await sweepOrphans();
  const count = created++;
  const name = `${PREFIX}-${process.pid}-${count}`;
  // Interface names are at most 15 characters.
  const veth = `ot${process.pid.toString(36)}x${count}`;
  const block = await freeBlock(process.pid * 16 + count);
  const base = block * 4;
  const prefix = `10.200.${base >> 8}`;
  const hostAddress = `${prefix}.${(base & 255) + 1}`;
  const address = `${prefix}.${(base & 255) + 2}`;
  const destroy = async () => {
    alive.delete(name);
    await exec('ip', ['netns', 'delete', name]);
  };
  await exec('ip', ['netns', 'add', name]);
  alive.add(name);
  try {
    await ip('link', 'add', `${veth}h`, 'type', 'veth', 'peer', 'name', `${veth}n`, 'netns', name);
    await ip('addr', 'add', `${hostAddress}/30`, 'dev', `${veth}h`);
    await ip('link', 'set', `${veth}h`, 'up');
    await ip('-n', name, 'addr', 'add', `${address}/30`, 'dev', `${veth}n`);
    await ip('-n', name, 'link', 'set', `${veth}n`, 'up');
    await ip('-n', name, 'link', 'set', 'lo', 'up');
  } catch (error) {
    await destroy();
    throw error;
  }
  return {
    name,
    address,
    hostAddress,
    network: `${prefix}.${base & 255}/30`,
    run: (command, args, options = {}) => spawn('ip', ['netns', 'exec', name, command, ...args], options),
    destroy,
  };
}

async function ip(...args: string[]): Promise<void> {
  await exec('ip', args);
}

/**
 * A /30 that no host interface uses yet, searched from a start that differs per process, so that test files
 * running in parallel do not pick the same one.
 */
async function freeBlock(start: number): Promise<number> {
  const { stdout } = await exec('ip', ['-4', '-o', 'addr', 'show']);
  const used = new Set(
    [...stdout.matchAll(/inet 10\.200\.(\d+)\.(\d+)\//g)].map(
      ([, c, d]) => (Number(c) * 256 + Number(d)) >> 2,
    ),
  );
  for (let i = 0; i < BLOCKS; i++) {
    const block = (start + i) % BLOCKS;
    if (!used.has(block)) return block;
  }
  throw new Error('No free /30 left in 10.200.0.0/16');
}

/** Namespaces of test processes that no longer exist (killed before their exit hook ran). */
async function sweepOrphans(): Promise<void> {
  const { stdout } = await exec('ip', ['netns', 'list']);
  for (const [, name, pid] of stdout.matchAll(new RegExp(`^(${PREFIX}-(\\d+)-\\d+)`, 'gm'))) {
    if (name && !processExists(Number(pid)))
      await exec('ip', ['netns', 'delete', name]).catch(() => undefined);
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
