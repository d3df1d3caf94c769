/**
 * A loopback stand-in for Africa's Talking's SMS endpoint (`POST /version1/messaging`), answering with the
 * recorded shapes of the real API (status codes, bodies, the plain-text 401), so the provider and the
 * dispatcher are tested over real HTTP, including the failures the real API cannot be made to show on demand:
 * a lost answer, a dropped connection, a refused connection.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake answers a request that passed authentication and carries every required field. */
export type Behaviour =
  /** 201 with one recipient accepted (default statusCode 101), a unique messageId and cost "KES 0.8000". */
  | { kind: 'success'; statusCode?: 100 | 101 | 102 }
  /** 201 with one recipient failed with this code and status, messageId "None", cost "0" (409 answers HTTP 409, as the API does). */
  | { kind: 'recipient'; statusCode: number; status: string }
  /** 201 with an empty Recipients list and this Message, e.g. "InvalidSenderId". */
  | { kind: 'emptyRecipients'; message: string }
  /** Any HTTP answer (default body empty, Content-Type `text/plain; charset=UTF-8`). */
  | { kind: 'http'; status: number; body?: string; contentType?: string; headers?: Record<string, string> }
  /** Sends the message but answers success only after `ms`: a client timeout loses the answer. */
  | { kind: 'slow'; ms: number }
  /** Sends the message, then destroys the connection without answering: the "crash after send" case. */
  | { kind: 'drop' }
  /** Sends the message, then answers 201 with truncated JSON. */
  | { kind: 'malformed' };

export interface ReceivedSms {
  to: string;
  message: string;
  from?: string;
  username: string;
  /** The id the message was sent under; absent when the fake answered a failure (nothing was sent). */
  messageId?: string;
  /** Date.now() when the request arrived. */
  at: number;
}

/** The form fields Africa's Talking POSTs to the delivery-report callback URL. */
export type DeliveryReport = {
  id: string;
  status: string;
  phoneNumber: string;
  networkCode: string;
  failureReason?: string;
  retryCount: string;
};

export interface FakeAfricasTalking {
  /** `http://127.0.0.1:<port>`, no trailing slash; the same after `restart()`. */
  url: string;
  apiKey: string;
  username: string;
  /**
   * Every authenticated, complete request that reached the fake, in order, whatever it answered: a message
   * listed twice was sent twice. Requests refused with 401 or 400 are not listed (the API sends nothing then).
   */
  received: ReceivedSms[];
  /** How to answer from now on, until changed (initially `{ kind: 'success' }`). */
  behave(next: Behaviour): void;
  /** One-shot behaviours, used in order by the next requests before the standing one applies again. */
  behaveOnce(...behaviours: Behaviour[]): void;
  /**
   * How to answer every message to `to` from now on, ahead of the one-shot and standing behaviours (which its
   * messages leave untouched); `undefined` ends it. For a test that shares the fake with other senders.
   */
  behaveFor(to: string, next: Behaviour | undefined): void;
  /**
   * The form body Africa's Talking would POST to our callback for `messageId` (the phone number is the one it
   * was sent to, if the fake sent it). `failureReason` defaults to `DeliveryFailure` for `Failed` and `Rejected`.
   */
  deliveryReport(messageId: string, status?: string, extra?: Partial<DeliveryReport>): DeliveryReport;
  /**
   * Closes the listening socket and every connection: new requests fail with ECONNREFUSED. A client in another
   * process may still send one request on a kept-alive connection it has not yet seen closed ("other side closed").
   */
  stop(): Promise<void>;
  /** Listens again on the same port after `stop()`. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const AUTH_FAILURE = 'The supplied authentication is invalid';
const REQUIRED_FIELDS = ['username', 'to', 'message'] as const;
const ACCEPTED_STATUS = { 100: 'Processed', 101: 'Success', 102: 'Queued' } as const;
const COST = 'KES 0.8000';

interface Recipient {
  statusCode: number;
  number: string;
  status: string;
  cost: string;
  messageId: string;
}

export async function startFakeAfricasTalking(
  options: { apiKey?: string; username?: string; latencyMs?: number } = {},
): Promise<FakeAfricasTalking> {
  // Random per start, so no test can pass by knowing a fixed key.
  const apiKey = options.apiKey ?? `atsk_${randomBytes(16).toString('hex')}`;
  const username = options.username ?? 'sandbox';
  const latencyMs = options.latencyMs ?? 0;
  // Ids stay unique across fakes started against one database, as the real API's do.
  const idPrefix = `ATXid_${randomBytes(3).toString('hex')}_`;
  let sent = 0;
  let standing: Behaviour = { kind: 'success' };
  const queued: Behaviour[] = [];
  const perRecipient = new Map<string, Behaviour>();
  const received: ReceivedSms[] = [];
  const timers = new Set<NodeJS.Timeout>();

  /** Runs `action` after `ms` without holding up other connections; `stop()` and `close()` cancel it. */
  function after(ms: number, action: () => void): void {
    if (ms <= 0) {
      action();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, ms);
    timers.add(timer);
  }

  function answer(request: IncomingMessage, response: ServerResponse, body: string): void {
    const reply = (status: number, text: string, headers: Record<string, string> = {}) =>
      after(latencyMs, () => {
        response.writeHead(status, { 'Content-Type': 'text/plain; charset=UTF-8', ...headers }).end(text);
      });

    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    if (request.method !== 'POST' || path !== '/version1/messaging') {
      reply(404, 'The requested resource could not be found.');
      return;
    }
    const unauthorized = () => reply(401, AUTH_FAILURE, { 'WWW-Authenticate': 'Basic realm="api"' });
    if (request.headers.apikey !== apiKey) {
      unauthorized();
      return;
    }
    const isForm = (request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
    const form = new URLSearchParams(isForm ? body : '');
    const missing = REQUIRED_FIELDS.find((field) => !form.get(field));
    if (missing) {
      reply(400, `Request is missing required form field '${missing}'`);
      return;
    }
    if (form.get('username') !== username) {
      unauthorized();
      return;
    }

    const to = form.get('to') ?? '';
    const behaviour = perRecipient.get(to) ?? queued.shift() ?? standing;
    const from = form.get('from');
    const messageId = ['success', 'slow', 'drop', 'malformed'].includes(behaviour.kind)
      ? `${idPrefix}${++sent}`
      : undefined;
    received.push({
      to,
      message: form.get('message') ?? '',
      ...(from === null ? {} : { from }),
      username,
      ...(messageId === undefined ? {} : { messageId }),
      at: Date.now(),
    });

    // The API answers XML unless asked for JSON: a client that forgets Accept must fail its tests.
    const json = (request.headers.accept ?? '').includes('application/json');
    const smsAnswer = (status: number, message: string, recipients: Recipient[], delayMs = latencyMs) =>
      after(delayMs, () => {
        response
          .writeHead(status, { 'Content-Type': json ? 'application/json' : 'application/xml' })
          .end(
            json
              ? JSON.stringify({ SMSMessageData: { Message: message, Recipients: recipients } })
              : xml(message, recipients),
          );
      });
    const accepted = (statusCode: 100 | 101 | 102 = 101): Recipient => ({
      statusCode,
      number: to,
      status: ACCEPTED_STATUS[statusCode],
      cost: COST,
      messageId: messageId ?? '',
    });

    switch (behaviour.kind) {
      case 'success':
        smsAnswer(201, `Sent to 1/1 Total Cost: ${COST}`, [accepted(behaviour.statusCode)]);
        return;
      case 'slow':
        smsAnswer(201, `Sent to 1/1 Total Cost: ${COST}`, [accepted()], latencyMs + behaviour.ms);
        return;
      case 'recipient':
        smsAnswer(behaviour.statusCode === 409 ? 409 : 201, 'Sent to 0/1 Total Cost: 0', [
          {
            statusCode: behaviour.statusCode,
            number: to,
            status: behaviour.status,
            cost: '0',
            messageId: 'None',
          },
        ]);
        return;
      case 'emptyRecipients':
        smsAnswer(201, behaviour.message, []);
        return;
      case 'http':
        reply(behaviour.status, behaviour.body ?? '', {
          ...(behaviour.contentType ? { 'Content-Type': behaviour.contentType } : {}),
          ...behaviour.headers,
        });
        return;
      case 'drop':
        after(latencyMs, () => request.socket.destroy());
        return;
      case 'malformed':
        after(latencyMs, () => {
          response.writeHead(201, { 'Content-Type': 'application/json' }).end('{"SMSMessageData":');
        });
        return;
    }
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => answer(request, response, Buffer.concat(chunks).toString('utf8')));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  async function stop(): Promise<void> {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    if (!server.listening) return;
    const closed = once(server, 'close');
    server.close();
    // Kept-alive connections would otherwise still reach the fake.
    server.closeAllConnections();
    await closed;
    // A client in this process drops a pooled connection only once its event loop has read the FIN (one turn)
    // and closed the socket (a second); a request sent sooner goes out on the dead socket and fails as "other
    // side closed" (maybe sent) instead of being refused.
    for (let turn = 0; turn < 2; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  }

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    username,
    received,
    behave(next) {
      standing = next;
    },
    behaveOnce(...behaviours) {
      queued.push(...behaviours);
    },
    behaveFor(to, next) {
      if (next) perRecipient.set(to, next);
      else perRecipient.delete(to);
    },
    deliveryReport(messageId, status = 'Success', extra = {}) {
      const failed = status === 'Failed' || status === 'Rejected';
      return {
        id: messageId,
        status,
        phoneNumber: received.find((sms) => sms.messageId === messageId)?.to ?? '+254700000000',
        networkCode: '99999',
        ...(failed ? { failureReason: 'DeliveryFailure' } : {}),
        retryCount: '0',
        ...extra,
      };
    },
    stop,
    async restart() {
      if (server.listening) return;
      server.listen(port, '127.0.0.1');
      await once(server, 'listening');
    },
    close: stop,
  };
}

/** The API's XML answer, given when the request does not ask for JSON. */
function xml(message: string, recipients: Recipient[]): string {
  const escapeXml = (text: string | number) =>
    String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const items = recipients
    .map(
      (r) =>
        `<Recipient><number>${escapeXml(r.number)}</number><cost>${escapeXml(r.cost)}</cost><status>${escapeXml(r.status)}</status>` +
        `<statusCode>${r.statusCode}</statusCode><messageId>${escapeXml(r.messageId)}</messageId></Recipient>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><AfricasTalkingResponse><SMSMessageData><Message>${escapeXml(message)}</Message><Recipients>${items}</Recipients></SMSMessageData></AfricasTalkingResponse>`;
}
