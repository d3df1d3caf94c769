/**
 * The load generator: wrk (Debian's /usr/bin/wrk), a child process per slice, driven by a Lua script written
 * for the scenario. The script cycles over the scenario's requests (formatted once per thread), adds a fresh
 * Idempotency-Key per request when the scenario asks, counts the requests it sends and the responses by
 * status, and at the end prints one line of JSON: wrk's totals, those counts and a grid of latency
 * percentiles (so that the slices of a scenario can be merged; wrk's Lua API gives percentiles, not its
 * histogram).
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONNECTIONS, THREADS } from './options.js';
import type { BenchRequest, Scenario } from './scenarios.js';

const WRK = process.env.BENCH_WRK ?? 'wrk';
const MARKER = 'BENCH_RESULT ';
/** A response later than this counts as a timeout (wrk's default, 2 s, is near a slow list's p99 on a busy machine). */
const TIMEOUT_S = 10;

/** The percentiles each slice reports: every 0.5%, and finer in the tail. */
export const GRID = [
  ...Array.from({ length: 200 }, (_, i) => (i + 1) / 2),
  ...[99.1, 99.2, 99.3, 99.4, 99.6, 99.7, 99.8, 99.9, 99.95, 99.99],
].toSorted((a, b) => a - b);

export interface WrkResult {
  /** Responses received, and requests written (the difference was in flight when wrk stopped). */
  requests: number;
  sent: number;
  seconds: number;
  statuses: Record<string, number>;
  /** Socket errors and timeouts (wrk's `status` errors are in `statuses`). */
  errors: number;
  /** Latency in ms at each percentile of GRID. */
  latencies: number[];
}

/** A Lua string literal: printable ASCII as is, every other byte as a decimal escape. */
function lua(value: string): string {
  let out = '"';
  for (const byte of Buffer.from(value, 'utf8')) {
    out +=
      byte >= 0x20 && byte < 0x7f && byte !== 0x22 && byte !== 0x5c
        ? String.fromCharCode(byte)
        : `\\${String(byte).padStart(3, '0')}`;
  }
  return `${out}"`;
}

const luaTable = (headers: Record<string, string>) =>
  `{${Object.entries(headers)
    .map(([name, value]) => `[${lua(name)}] = ${lua(value)}`)
    .join(', ')}}`;

/** The script for one slice; `nonce` makes its Idempotency-Keys unlike any other slice's. */
export function script(
  scenario: Scenario,
  requests: BenchRequest[],
  headers: Record<string, string>,
  nonce: string,
): string {
  const entries = requests.map(
    (request) =>
      `  {${lua(request.path)}, ${request.body === undefined ? 'nil' : lua(request.body)}, ${luaTable({ ...headers, ...request.headers })}},`,
  );
  return `-- bench/wrk.ts, scenario ${scenario.key}
local method = ${lua(scenario.method)}
local entries = {
${entries.join('\n')}
}
local idempotent = ${scenario.idempotencyKeys ? 'true' : 'false'}
local grid = {${GRID.join(', ')}}
local formatted = {}
threads = {}
sent = 0
statuses = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

local function copy(t)
  local c = {}
  for k, v in pairs(t) do c[k] = v end
  return c
end

function init(args)
  for i, e in ipairs(entries) do
    formatted[i] = wrk.format(method, e[1], copy(e[3]), e[2])
  end
end

function request()
  sent = sent + 1
  -- Threads start at different places in the list, so that they do not ask for the same rows in step.
  local i = (sent + (thread_id - 1) * 7919) % #entries + 1
  if idempotent then
    local e = entries[i]
    local h = copy(e[3])
    h["Idempotency-Key"] = ${lua(`bench-${nonce}-`)} .. thread_id .. "-" .. sent
    return wrk.format(method, e[1], h, e[2])
  end
  return formatted[i]
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total_sent = 0
  local total = {}
  for _, t in ipairs(threads) do
    total_sent = total_sent + t:get("sent")
    for status, count in pairs(t:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  local s = {}
  for status, count in pairs(total) do
    s[#s + 1] = string.format('"%d":%d', status, count)
  end
  local q = {}
  for i, p in ipairs(grid) do
    q[i] = string.format("%d", latency:percentile(p))
  end
  local e = summary.errors
  io.write(string.format(
    '${MARKER}{"requests":%d,"sent":%d,"us":%d,"errors":%d,"statuses":{%s},"latencies":[%s]}\\n',
    summary.requests, total_sent, summary.duration, e.connect + e.read + e.write + e.timeout,
    table.concat(s, ","), table.concat(q, ",")))
end
`;
}

/** The wrk run in progress, stopped on Ctrl-C by `stopWrk`. */
let running: ReturnType<typeof spawn> | undefined;

export function stopWrk(): void {
  running?.kill('SIGINT');
}

/** Runs wrk for `seconds` (whole seconds, at least 1) against `origin`; returns when it has exited. */
export async function runWrk(
  origin: string,
  scenario: Scenario,
  requests: BenchRequest[],
  headers: Record<string, string>,
  seconds: number,
  workDir: string,
  nonce: string,
): Promise<WrkResult> {
  const file = join(workDir, `wrk-${scenario.key}.lua`);
  await writeFile(file, script(scenario, requests, headers, nonce));
  const args = [
    `--threads=${THREADS}`,
    `--connections=${CONNECTIONS}`,
    `--duration=${Math.max(1, Math.round(seconds))}s`,
    `--timeout=${TIMEOUT_S}s`,
    '--latency',
    `--script=${file}`,
    `${origin}/`,
  ];
  const child = spawn(WRK, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running = child;
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  running = undefined;
  const line = stdout.split('\n').find((candidate) => candidate.startsWith(MARKER));
  if (!line) {
    throw new Error(`wrk (exit ${code}) printed no result for ${scenario.key}:\n${stdout}${stderr}`);
  }
  const parsed = JSON.parse(line.slice(MARKER.length)) as {
    requests: number;
    sent: number;
    us: number;
    errors: number;
    statuses: Record<string, number>;
    latencies: number[];
  };
  return {
    requests: parsed.requests,
    sent: parsed.sent,
    seconds: parsed.us / 1e6,
    statuses: parsed.statuses,
    errors: parsed.errors,
    latencies: parsed.latencies.map((us) => us / 1000),
  };
}
