import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  AT_LIVE_URL,
  AT_SANDBOX_URL,
  africasTalkingProvider,
  defaultAtBaseUrl,
} from '../../src/notifications/providers/africastalking.js';
import { consoleProvider, maskPhone } from '../../src/notifications/providers/console.js';
import type { SendOutcome, SmsMessage } from '../../src/notifications/providers/provider.js';
import { type FakeAfricasTalking, startFakeAfricasTalking } from '../helpers/fake-africastalking.js';

const SMS: SmsMessage = {
  to: '+254712345678',
  message: 'Hi Wanjiru, your order of 3 units of Chai Masala has been placed. Thank you.',
};

/** Every error text an admin may read: none may carry the key, the message text or the full number. */
function expectNoSecrets(outcome: SendOutcome, apiKey: string): void {
  const error = 'error' in outcome ? outcome.error : '';
  expect(error).not.toContain(apiKey);
  expect(error).not.toContain(SMS.message);
  expect(error).not.toContain(SMS.to);
}

/** A failed fetch as Node's fetch reports it: TypeError('fetch failed') around the socket error. */
function failingFetch(code: string, message: string): typeof fetch {
  return () =>
    Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) }));
}

describe("Africa's Talking provider", () => {
  let fake: FakeAfricasTalking;
  const provider = (
    options: { senderId?: string; apiKey?: string; timeoutMs?: number; fetch?: typeof fetch } = {},
  ) =>
    africasTalkingProvider({
      baseUrl: fake.url,
      username: fake.username,
      apiKey: options.apiKey ?? fake.apiKey,
      senderId: options.senderId,
      timeoutMs: options.timeoutMs ?? 2000,
      fetch: options.fetch,
    });

  beforeAll(async () => {
    fake = await startFakeAfricasTalking();
  });

  afterEach(async () => {
    fake.behave({ kind: 'success' });
    fake.received.length = 0;
    await fake.restart();
  });

  afterAll(async () => {
    await fake.close();
  });

  describe('the request', () => {
    test('when a message is sent, then it is one form POST to /version1/messaging with the key and Accept: application/json', async () => {
      // Arrange
      const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
      const recording: typeof fetch = (input, init) => {
        calls.push({ url: String(input), init });
        return fetch(input, init);
      };

      // Act
      const outcome = await provider({ fetch: recording }).send(SMS);

      // Assert
      expect(outcome.kind).toBe('accepted');
      expect(calls).toHaveLength(1);
      const [call] = calls;
      expect(call?.url).toBe(`${fake.url}/version1/messaging`);
      expect(call?.init?.method).toBe('POST');
      const headers = new Headers(call?.init?.headers);
      expect(headers.get('apikey')).toBe(fake.apiKey);
      expect(headers.get('accept')).toBe('application/json');
      expect(headers.get('content-type')).toBe('application/x-www-form-urlencoded');
      const form = new URLSearchParams(String(call?.init?.body));
      expect(Object.fromEntries(form)).toEqual({
        username: fake.username,
        to: SMS.to,
        message: SMS.message,
        bulkSMSMode: '1',
      });
    });

    test('when no sender id is set, then the form has no `from` and the API receives the message as sent', async () => {
      // Act
      await provider().send(SMS);

      // Assert
      expect(fake.received).toEqual([
        {
          to: SMS.to,
          message: SMS.message,
          username: fake.username,
          messageId: expect.any(String),
          at: expect.any(Number),
        },
      ]);
    });

    test('when a sender id is set, then it is sent as `from`', async () => {
      // Act
      await provider({ senderId: 'ORDERLY' }).send(SMS);

      // Assert
      expect(fake.received[0]?.from).toBe('ORDERLY');
    });

    test('when the base URL ends with a slash, then the path is still /version1/messaging', async () => {
      // Arrange
      const withSlash = africasTalkingProvider({
        baseUrl: `${fake.url}/`,
        username: fake.username,
        apiKey: fake.apiKey,
        timeoutMs: 2000,
      });

      // Act
      const outcome = await withSlash.send(SMS);

      // Assert
      expect(outcome.kind).toBe('accepted');
    });
  });

  describe('answers', () => {
    test.each([100, 101, 102] as const)(
      'when the recipient statusCode is %i, then accepted with the messageId, the cost and the status',
      async (statusCode) => {
        // Arrange
        fake.behave({ kind: 'success', statusCode });

        // Act
        const outcome = await provider().send(SMS);

        // Assert
        expect(outcome).toEqual({
          kind: 'accepted',
          messageId: fake.received[0]?.messageId,
          cost: 'KES 0.8000',
          providerStatus: { 100: 'Processed', 101: 'Success', 102: 'Queued' }[statusCode],
        });
        expect(fake.received[0]?.messageId).toMatch(/^ATXid_/);
      },
    );

    test('when the answer has no Recipients and Message InvalidSenderId, then rejected with that Message', async () => {
      // Arrange
      fake.behave({ kind: 'emptyRecipients', message: 'InvalidSenderId' });

      // Act
      const outcome = await provider({ senderId: 'NOTMINE' }).send(SMS);

      // Assert
      expect(outcome).toEqual({ kind: 'rejected', error: 'InvalidSenderId' });
    });

    test.each([
      [401, 'RiskHold'],
      [402, 'InvalidSenderId'],
      [403, 'InvalidPhoneNumber'],
      [404, 'UnsupportedNumberType'],
      [406, 'UserInBlacklist'],
      [409, 'DoNotDisturbRejection'],
      [502, 'RejectedByGateway'],
      [999, 'SomethingNew'],
    ])(
      'when the recipient statusCode is %i %s, then rejected with code and status',
      async (statusCode, status) => {
        // Arrange
        fake.behave({ kind: 'recipient', statusCode, status });

        // Act
        const outcome = await provider().send(SMS);

        // Assert
        expect(outcome).toEqual({ kind: 'rejected', error: `${statusCode} ${status}` });
      },
    );

    test.each([
      [407, 'CouldNotRoute'],
      [500, 'InternalServerError'],
      [501, 'GatewayError'],
    ])('when the recipient statusCode is %i %s, then retry', async (statusCode, status) => {
      // Arrange
      fake.behave({ kind: 'recipient', statusCode, status });

      // Act
      const outcome = await provider().send(SMS);

      // Assert
      expect(outcome).toEqual({ kind: 'retry', error: `${statusCode} ${status}` });
    });

    test('when the balance is insufficient (405), then retry, and the error tells ops to top up', async () => {
      // Arrange
      fake.behave({ kind: 'recipient', statusCode: 405, status: 'InsufficientBalance' });

      // Act
      const outcome = await provider().send(SMS);

      // Assert
      expect(outcome.kind).toBe('retry');
      expect(outcome).toMatchObject({ error: expect.stringMatching(/^405 InsufficientBalance: top up/) });
    });

    test('when the API key is wrong, then unauthorized with the plain-text body, and the key is not in the error', async () => {
      // Arrange
      const wrongKey = 'atsk_wrong0123456789abcdef';

      // Act
      const outcome = await provider({ apiKey: wrongKey }).send(SMS);

      // Assert
      expect(outcome).toEqual({
        kind: 'unauthorized',
        error: 'HTTP 401: The supplied authentication is invalid',
      });
      expectNoSecrets(outcome, wrongKey);
      expect(fake.received).toEqual([]);
    });

    test('when a 401 body is long, then the error keeps at most 200 characters of it', async () => {
      // Arrange
      fake.behave({ kind: 'http', status: 401, body: `  ${'x'.repeat(500)}\n` });

      // Act
      const outcome = await provider().send(SMS);

      // Assert
      expect(outcome.kind).toBe('unauthorized');
      expect(outcome).toMatchObject({ error: `HTTP 401: ${'x'.repeat(200)}…` });
    });

    test('when a required field is empty, then the 400 is rejected with its body (our bug, not retried)', async () => {
      // Act
      const outcome = await provider().send({ to: SMS.to, message: '' });

      // Assert
      expect(outcome).toEqual({
        kind: 'rejected',
        error: "HTTP 400: Request is missing required form field 'message'",
      });
    });

    test('when the API answers 429 with Retry-After: 7, then retry after 7000 ms', async () => {
      // Arrange
      fake.behave({ kind: 'http', status: 429, headers: { 'Retry-After': '7' } });

      // Act
      const outcome = await provider().send(SMS);

      // Assert
      expect(outcome).toEqual({ kind: 'retry', error: 'HTTP 429', retryAfterMs: 7000 });
    });

    test('when a 429 has Retry-After as an HTTP date, then retry after the time until that date', async () => {
      // Arrange
      const at = new Date(Date.now() + 60_000).toUTCString();
      fake.behave({ kind: 'http', status: 429, headers: { 'Retry-After': at } });

      // Act
      const outcome = await provider().send(SMS);

      // Assert
      expect(outcome.kind).toBe('retry');
      const waitMs = outcome.kind === 'retry' ? outcome.retryAfterMs : undefined;
      expect(waitMs).toBeGreaterThan(55_000);
      expect(waitMs).toBeLessThanOrEqual(60_000);
    });

    test('when a 429 has no Retry-After, then retry after 30 s', async () => {
      // Arrange
      fake.behave({ kind: 'http', status: 429 });

      // Act
      const outcome = await provider().send(SMS);

      // Assert
      expect(outcome).toMatchObject({ kind: 'retry', retryAfterMs: 30_000 });
    });

    test.each([500, 502, 503])(
      'when the API answers HTTP %i, then ambiguous (it may have sent it)',
      async (status) => {
        // Arrange
        fake.behave({ kind: 'http', status, body: 'upstream trouble' });

        // Act
        const outcome = await provider().send(SMS);

        // Assert
        expect(outcome).toEqual({ kind: 'ambiguous', error: `HTTP ${status}: upstream trouble` });
      },
    );

    test('when the answer is truncated JSON, then ambiguous', async () => {
      // Arrange
      fake.behave({ kind: 'malformed' });

      // Act
      const outcome = await provider().send(SMS);

      // Assert
      expect(outcome.kind).toBe('ambiguous');
      expect(fake.received).toHaveLength(1);
    });

    test('when a 2xx JSON answer has an unexpected shape, then ambiguous', async () => {
      // Arrange
      fake.behave({
        kind: 'http',
        status: 201,
        body: '{"SMSMessageData":{"Message":"?"}}',
        contentType: 'application/json',
      });

      // Act
      const outcome = await provider().send(SMS);

      // Assert
      expect(outcome.kind).toBe('ambiguous');
    });

    test('when the request forgets Accept: application/json, then the XML answer is ambiguous, not success', async () => {
      // Arrange
      const withoutAccept: typeof fetch = (input, init) => {
        const headers = new Headers(init?.headers);
        headers.delete('accept');
        return fetch(input, { ...init, headers });
      };

      // Act
      const outcome = await provider({ fetch: withoutAccept }).send(SMS);

      // Assert
      expect(outcome.kind).toBe('ambiguous');
    });
  });

  describe('lost answers and connections', () => {
    test('when the answer comes after the timeout, then ambiguous, and the API did receive the message', async () => {
      // Arrange
      fake.behave({ kind: 'slow', ms: 1000 });

      // Act
      const outcome = await provider({ timeoutMs: 100 }).send(SMS);

      // Assert
      expect(outcome).toEqual({
        kind: 'ambiguous',
        error: "No answer from Africa's Talking within 100 ms; the message may have been sent",
      });
      expect(fake.received).toHaveLength(1);
    });

    test('when the connection drops after the request, then ambiguous, and sending again would be a duplicate', async () => {
      // Arrange
      fake.behaveOnce({ kind: 'drop' });

      // Act
      const first = await provider().send(SMS);
      const second = await provider().send(SMS);

      // Assert
      expect(first.kind).toBe('ambiguous');
      expect(second.kind).toBe('accepted');
      expect(fake.received.map((sms) => sms.message)).toEqual([SMS.message, SMS.message]);
    });

    test('when the API is not listening (ECONNREFUSED), then retry, and nothing reached it', async () => {
      // Arrange
      await provider().send(SMS);
      fake.received.length = 0;
      await fake.stop();

      // Act
      const outcome = await provider().send(SMS);

      // Assert
      expect(outcome.kind).toBe('retry');
      expect(outcome).toMatchObject({ error: expect.stringContaining('ECONNREFUSED') });
      expect(fake.received).toEqual([]);
    });

    test('when the API listens again after a stop, then sending works again', async () => {
      // Arrange
      await fake.stop();
      await fake.restart();

      // Act
      const outcome = await provider().send(SMS);

      // Assert
      expect(outcome.kind).toBe('accepted');
    });

    test.each([
      ['ENOTFOUND', 'getaddrinfo ENOTFOUND api.africastalking.com'],
      ['EAI_AGAIN', 'getaddrinfo EAI_AGAIN api.africastalking.com'],
      ['CERT_HAS_EXPIRED', 'certificate has expired'],
      ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'],
      ['ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"],
      ['DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'],
    ])('when fetch fails before connecting (%s), then retry', async (code, message) => {
      // Act
      const outcome = await provider({ fetch: failingFetch(code, message) }).send(SMS);

      // Assert
      expect(outcome.kind).toBe('retry');
      expect(outcome).toMatchObject({ error: expect.stringContaining(code) });
    });

    test.each([
      ['ECONNRESET', 'read ECONNRESET'],
      ['EPIPE', 'write EPIPE'],
      ['UND_ERR_SOCKET', 'other side closed'],
    ])('when the connection breaks once open (%s), then ambiguous', async (code, message) => {
      // Act
      const outcome = await provider({ fetch: failingFetch(code, message) }).send(SMS);

      // Assert
      expect(outcome.kind).toBe('ambiguous');
      expect(outcome).toMatchObject({ error: expect.stringContaining(code) });
    });

    test('when fetch throws something unrecognisable, then ambiguous, not a thrown error', async () => {
      // Arrange
      const broken: typeof fetch = () => Promise.reject(new Error('boom'));

      // Act
      const outcome = await provider({ fetch: broken }).send(SMS);

      // Assert
      expect(outcome.kind).toBe('ambiguous');
    });
  });

  test('when any answer or failure echoes the key, the message or the number, then the error text does not', async () => {
    // Arrange
    const echo = `key=${fake.apiKey} to=${SMS.to} text=${SMS.message}`;
    const outcomes: SendOutcome[] = [];
    const behaviours = [
      { kind: 'http', status: 400, body: echo },
      { kind: 'http', status: 401, body: echo },
      { kind: 'http', status: 409, body: echo },
      { kind: 'http', status: 429, body: echo },
      { kind: 'http', status: 503, body: echo },
      { kind: 'http', status: 201, body: echo },
      { kind: 'emptyRecipients', message: echo },
      { kind: 'recipient', statusCode: 403, status: echo },
      { kind: 'recipient', statusCode: 405, status: echo },
    ] as const;

    // Act
    for (const behaviour of behaviours) {
      fake.behave(behaviour);
      outcomes.push(await provider().send(SMS));
    }
    outcomes.push(await provider({ fetch: failingFetch('ECONNRESET', echo) }).send(SMS));
    outcomes.push(await provider({ fetch: failingFetch('ECONNREFUSED', echo) }).send(SMS));

    // Assert
    for (const outcome of outcomes) {
      expect(outcome.kind).not.toBe('accepted');
      expectNoSecrets(outcome, fake.apiKey);
    }
  });

  test('when the timeout is not a positive number, then the provider is not built', () => {
    // Act
    const build = () =>
      africasTalkingProvider({ baseUrl: AT_LIVE_URL, username: 'u', apiKey: 'k', timeoutMs: 0 });

    // Assert
    expect(build).toThrow(RangeError);
  });
});

describe("fake Africa's Talking", () => {
  test('when latency is set, then concurrent requests wait side by side, not one after another', async () => {
    // Arrange
    const slowFake = await startFakeAfricasTalking({ latencyMs: 200 });
    const provider = africasTalkingProvider({
      baseUrl: slowFake.url,
      username: slowFake.username,
      apiKey: slowFake.apiKey,
      timeoutMs: 5000,
    });

    // Act
    const started = performance.now();
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => provider.send(SMS)));
    const elapsedMs = performance.now() - started;
    await slowFake.close();

    // Assert
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(Array(5).fill('accepted'));
    expect(elapsedMs).toBeGreaterThanOrEqual(190);
    expect(elapsedMs).toBeLessThan(800);
  });

  test('when a delivery report is asked for a sent message, then it is the form AT would post, with its number', async () => {
    // Arrange
    const fake = await startFakeAfricasTalking();
    const outcome = await africasTalkingProvider({
      baseUrl: fake.url,
      username: fake.username,
      apiKey: fake.apiKey,
      timeoutMs: 2000,
    }).send(SMS);
    const messageId = outcome.kind === 'accepted' ? outcome.messageId : '';

    // Act
    const delivered = fake.deliveryReport(messageId);
    const failed = fake.deliveryReport(messageId, 'Failed');
    await fake.close();

    // Assert
    expect(delivered).toEqual({
      id: messageId,
      status: 'Success',
      phoneNumber: SMS.to,
      networkCode: '99999',
      retryCount: '0',
    });
    expect(failed).toMatchObject({ status: 'Failed', failureReason: 'DeliveryFailure' });
    expect(new URLSearchParams(delivered).get('id')).toBe(messageId);
  });
});

describe('defaultAtBaseUrl', () => {
  test.each(['sandbox', 'Sandbox', 'SANDBOX'])('when the username is %s, then the sandbox', (username) => {
    // Act
    const url = defaultAtBaseUrl(username);

    // Assert
    expect(url).toBe(AT_SANDBOX_URL);
  });

  test.each(['orderly', 'sandbox2', 'my-sandbox'])(
    'when the username is %s, then the live API',
    (username) => {
      // Act
      const url = defaultAtBaseUrl(username);

      // Assert
      expect(url).toBe(AT_LIVE_URL);
    },
  );
});

describe('console provider', () => {
  test('when a message is sent, then accepted, and the log shows a masked number and the length only', async () => {
    // Arrange
    const logs: Array<{ fields: object; message: string }> = [];
    const provider = consoleProvider((fields, message) => logs.push({ fields, message }));

    // Act
    const outcome = await provider.send(SMS);

    // Assert
    expect(outcome).toEqual({
      kind: 'accepted',
      messageId: expect.stringMatching(/^console-[0-9a-f-]{36}$/),
      cost: null,
      providerStatus: 'Logged',
    });
    expect(provider.name).toBe('console');
    expect(logs).toHaveLength(1);
    expect(logs[0]?.fields).toEqual({ to: '+2547******78', length: SMS.message.length });
    const logged = JSON.stringify(logs);
    expect(logged).not.toContain(SMS.to);
    expect(logged).not.toContain(SMS.message);
  });

  test.each([
    ['+254712345678', '+2547******78'],
    ['+6831234', '+*****34'],
    ['+1234', '+****'],
  ])('when %s is masked, then %s', (phone, masked) => {
    // Act
    const result = maskPhone(phone);

    // Assert
    expect(result).toBe(masked);
  });
});
