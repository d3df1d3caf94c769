/** Measurements of the server child, the dispatcher workers and the machine, from /proc (Linux). */
import { readFileSync } from 'node:fs';
import type pg from 'pg';

const CLOCK_TICKS = 100; // USER_HZ, 100 on every mainstream Linux.

export function procStatus(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024 };
  } catch {
    return undefined;
  }
}

/** CPU seconds used so far by a process: user, system (kernel work on its behalf: syscalls, loopback TCP). */
export function processTimes(pid: number): { user: number; system: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { user: Number(fields[11]) / CLOCK_TICKS, system: Number(fields[12]) / CLOCK_TICKS };
  } catch {
    return { user: Number.NaN, system: Number.NaN };
  }
}

/**
 * CPU seconds of this process's children that have exited and been waited for (cutime, cstime): how the
 * bench reads what wrk used, which /proc/<pid> no longer shows once wrk has exited.
 */
export function childrenTimes(): { user: number; system: number } {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: Number(fields[13]) / CLOCK_TICKS, system: Number(fields[14]) / CLOCK_TICKS };
}

export function processCpu(pid: number): number {
  const { user, system } = processTimes(pid);
  return user + system;
}

/** Busy and total CPU seconds of the whole machine. */
export function machineCpu(): { busy: number; total: number } {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const ticks = line.split(/\s+/).slice(1, 9).map(Number);
    const total = ticks.reduce((sum, value) => sum + value, 0);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    return { busy: (total - idle) / CLOCK_TICKS, total: total / CLOCK_TICKS };
  } catch {
    return { busy: Number.NaN, total: Number.NaN };
  }
}

/** CPU seconds used so far by each backend connected to the bench database (PostgreSQL on this machine). */
export async function backendCpu(stats: pg.Client | undefined): Promise<Map<number, number> | undefined> {
  if (!stats) return undefined;
  const pids = await stats.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  return new Map(pids.rows.map(({ pid }) => [pid, processCpu(pid)]));
}

/** CPU seconds the bench database's backends used between two readings; a backend new since counts whole. */
export function databaseCpu(before: Map<number, number> | undefined, after: Map<number, number> | undefined) {
  if (!before || !after) return Number.NaN;
  let seconds = 0;
  for (const [pid, cpu] of after) seconds += cpu - (before.get(pid) ?? 0);
  return seconds;
}
