import { describe, expect, test } from 'vitest';
import { CUSTOMERS, customerUrl, expectProblem, mergePatch, postCustomer, signIn } from '../helpers/api.js';
import { useTestApp } from '../helpers/app.js';
import { customerBody } from '../helpers/factories.js';
import { client } from '../helpers/http.js';

const t = useTestApp();

/** `levels` objects, each the only member of the one around it: `nested(2)` is `{"a":{}}`. */
const nested = (levels: number): object => (levels <= 1 ? {} : { a: nested(levels - 1) });

describe('JSON bodies beyond the depth and size limits', () => {
  test('when a body nests 21 levels deep, then 400 body_too_complex naming the limits, and nothing is stored', async () => {
    // Arrange
    const { api } = await signIn(t);
    const body = customerBody({ extra: nested(20) });

    // Act
    const response = await api.post(CUSTOMERS, body);

    // Assert
    expectProblem(response, 400, 'body_too_complex');
    expect(response.data.details).toEqual({ max_depth: 20, max_items: 1000 });
    expect((await api.get(CUSTOMERS)).data.count).toBe(0);
  });

  test('when a body nests exactly 20 levels deep, then it reaches validation (the unknown field is refused)', async () => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const response = await api.post(CUSTOMERS, customerBody({ extra: nested(19) }));

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(response.data.details).toEqual([
      expect.objectContaining({ field: 'extra', code: 'unknown_field' }),
    ]);
  });

  test.each([
    ['an array of 1001 items', 'body_too_complex', { extra: Array.from({ length: 1001 }, () => 0) }],
    ['an array of 1000 items', 'validation_error', { extra: Array.from({ length: 1000 }, () => 0) }],
    [
      'an object of 1001 members',
      'body_too_complex',
      { extra: Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`k${i}`, 0])) },
    ],
  ])('when a body holds %s, then 400 %s', async (_case, error, extra) => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const response = await api.post(CUSTOMERS, customerBody(extra));

    // Assert
    expectProblem(response, 400, error);
  });

  test('when a body is 30,000 nested arrays (within BODY_LIMIT), then 400 body_too_complex, not a crash', async () => {
    // Arrange
    const { api } = await signIn(t);
    const payload = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;

    // Act
    const response = await api.send({
      method: 'POST',
      url: CUSTOMERS,
      headers: { 'content-type': 'application/json' },
      payload,
    });

    // Assert
    expectProblem(response, 400, 'body_too_complex');
  });

  test('when a merge-patch body nests too deeply, then 400 body_too_complex and the customer is unchanged', async () => {
    // Arrange
    const { api } = await signIn(t);
    const created = await postCustomer(api);

    // Act
    const response = await mergePatch(
      api,
      customerUrl(created.id),
      JSON.stringify({ first_name: 'Changed', extra: nested(25) }),
    );

    // Assert
    expectProblem(response, 400, 'body_too_complex');
    expect((await api.get(customerUrl(created.id))).data).toEqual(created);
  });
});

describe('URLs beyond the length limit', () => {
  /** A URL of exactly `bytes` bytes on the customers collection. */
  const urlOf = (bytes: number) => {
    const prefix = `${CUSTOMERS}?search=`;
    return `${prefix}${'a'.repeat(bytes - prefix.length)}`;
  };

  test('when the URL is longer than 4096 bytes, then 414 uri_too_long, before authentication', async () => {
    // Arrange
    const anonymous = client(t.app);

    // Act
    const tooLong = await anonymous.get(urlOf(4097));
    const longest = await anonymous.get(urlOf(4096));

    // Assert
    expectProblem(tooLong, 414, 'uri_too_long');
    expect(tooLong.data.details).toEqual({ max_bytes: 4096 });
    expect(tooLong.data.instance).toBe(CUSTOMERS);
    expectProblem(longest, 401, 'unauthorized');
  });

  test('when an unknown path has a long URL, then 414 too, not 404', async () => {
    // Act
    const response = await client(t.app).get(`/api/v1/nothing-here/?q=${'a'.repeat(5000)}`);

    // Assert
    expectProblem(response, 414, 'uri_too_long');
  });
});
