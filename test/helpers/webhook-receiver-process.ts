/**
 * The webhook receiver, run inside a network namespace by webhook-receiver.ts:
 * `webhook-receiver-process.ts <address> <port> <control port>`. It verifies every delivery with the
 * `standardwebhooks` package (the specification's reference implementation, never our signing code) and
 * answers 401 to what does not verify, as an integrator's receiver would. The test steers it over HTTP on
 * the control port; the process ends when its standard input closes, so it never outlives the test.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Webhook } from 'standardwebhooks';
import type { ReceiverAnswer, Recorded } from './webhook-receiver.js';

const [address = '', port = '', controlPort = ''] = process.argv.slice(2);

const DEFAULT_ANSWER: Required<ReceiverAnswer> = { status: 200, delayMs: 0, body: 'ok', headers: {} };
let secrets: string[] = [];
let answer = DEFAULT_ANSWER;
let answers = new Map<string, Required<ReceiverAnswer>>();
let recorded: Recorded[] = [];

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function flatHeaders(request: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : `${value}`,
    ]),
  );
}

async function receive(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readBody(request);
  const headers = flatHeaders(request);
  const verifiedWith: number[] = [];
  let error: string | null = null;
  secrets.forEach((secret, index) => {
    try {
      new Webhook(secret).verify(body, headers);
      verifiedWith.push(index);
    } catch (failure) {
      error ??= (failure as Error).message;
    }
  });
  if (secrets.length === 0) error = 'no secret configured';
  const verified = verifiedWith.length > 0;
  const path = request.url ?? '/';
  const chosen = verified ? (answers.get(path.split('?')[0] ?? path) ?? answer) : undefined;
  recorded.push({
    method: request.method ?? '',
    path,
    headers,
    body,
    verified,
    verifiedWith,
    error: verified ? null : error,
    status: chosen?.status ?? 401,
    at: Date.now(),
  });
  if (!chosen) {
    response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error }));
    return;
  }
  if (chosen.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, chosen.delayMs));
  response.writeHead(chosen.status, chosen.headers).end(chosen.body);
}

// A request cut off by its client (a sender's timeout) or by down() is no failure of the receiver.
const receiver = createServer((request, response) => {
  receive(request, response).catch(() => response.destroy());
});

async function up(): Promise<void> {
  if (receiver.listening) return;
  receiver.listen(Number(port), address);
  await once(receiver, 'listening');
}

/** Stops listening and drops every connection, kept-alive ones included: new deliveries are refused. */
async function down(): Promise<void> {
  if (!receiver.listening) return;
  const closed = once(receiver, 'close');
  receiver.close();
  receiver.closeAllConnections();
  await closed;
}

async function control(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const text = await readBody(request);
  const input = text ? JSON.parse(text) : {};
  switch (`${request.method} ${request.url}`) {
    case 'PUT /secrets':
      secrets = input.secrets;
      break;
    case 'PUT /answer': {
      const { path, ...rest } = input as ReceiverAnswer & { path?: string };
      const next = { ...DEFAULT_ANSWER, ...rest };
      if (path === undefined) answer = next;
      else answers.set(path, next);
      break;
    }
    case 'POST /down':
      await down();
      break;
    case 'POST /up':
      await up();
      break;
    case 'GET /received':
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(recorded));
      return;
    case 'POST /reset':
      recorded = [];
      answer = DEFAULT_ANSWER;
      answers = new Map();
      await up();
      break;
    default:
      response.writeHead(404).end();
      return;
  }
  response.writeHead(204).end();
}

const controller = createServer((request, response) => {
  control(request, response).catch((error: Error) => response.writeHead(500).end(error.message));
});

controller.listen(Number(controlPort), address);
await once(controller, 'listening');
await up();
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
process.stdout.write('ready\n');
