import { createOrderlyClient, type FieldProblem, type Problem, type paths } from '@orderly/client';
import { queryOptions } from '@tanstack/react-query';
import { keys } from './keys';

/** The API of the origin that serves the console, with the browser's session (and its CSRF token). */
export const api = createOrderlyClient({ baseUrl: '' });

/** An answer other than 2xx: its status and problem document, as the API sent it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(problem?.detail || problem?.title || `The server answered ${status}.`);
  }
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

const isProblem = (body: unknown): body is Problem =>
  typeof body === 'object' && body !== null && 'status' in body && 'title' in body;

/** The answer, when it is a success; else its ApiError. */
export async function answer<T>(call: Promise<Answer<T>>): Promise<{ data: T; response: Response }> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, isProblem(error) ? error : undefined);
  return { data: data as T, response };
}

/** The body of a successful answer; else its ApiError. */
export async function body<T>(call: Promise<Answer<T>>): Promise<T> {
  return (await answer(call)).data;
}

/** Who is signed in: the header shows it, admin pages wait for it. */
export const meQuery = queryOptions({
  queryKey: keys.me,
  queryFn: () => body(api.GET('/api/v2/me/')),
});

/** The API refused because the caller is not an admin (403 `admin_only`). */
export const isAdminOnly = (error: unknown) =>
  error instanceof ApiError && error.status === 403 && error.problem?.error === 'admin_only';

/** Someone else changed the resource since it was read: the If-Match sent no longer matches (412). */
export const isStale = (error: unknown) => error instanceof ApiError && error.status === 412;

/** The ETag a changing request sends back in If-Match. */
export const etagOf = (response: Response) => response.headers.get('etag') ?? undefined;

/** Each field the problem names, with the API's message about it. */
export function fieldErrors(error: unknown): Record<string, string> {
  const details = error instanceof ApiError ? error.problem?.details : undefined;
  if (!Array.isArray(details)) return {};
  const fields: Record<string, string> = {};
  for (const detail of details as FieldProblem[]) fields[detail.field] ??= detail.message;
  return fields;
}

/** The problem's message, and the messages of its details that no field of the form shows. */
export function generalError(error: unknown, shownFields: readonly string[] = []): string | undefined {
  if (!error) return undefined;
  if (!(error instanceof ApiError))
    return 'The server could not be reached. Check the connection and try again.';
  const unshown = Object.entries(fieldErrors(error))
    .filter(([field]) => !shownFields.includes(field))
    .map(([field, message]) => `${field}: ${message}`);
  return [error.message, ...unshown].join(' ');
}

/** The `cursor` of a page link the API gave (`next`, `previous`). */
export function cursorOf(link: string | null | undefined): string | undefined {
  if (!link) return undefined;
  return new URL(link).searchParams.get('cursor') ?? undefined;
}

/** How to sign in and out, from the API root's `sign_in`. */
export type SignIn = NonNullable<
  paths['/api/v2']['get']['responses'][200]['content']['application/json']['sign_in']
>;

export async function signInOptions(): Promise<SignIn> {
  return (await body(api.GET('/api/v2'))).sign_in;
}

/** Signs in with an API token: the answer sets the session cookies; the token itself is kept nowhere. */
export async function tokenLogin(url: string, token: string): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ token }),
  });
  if (response.ok) return;
  const problem: unknown = await response.json().catch(() => undefined);
  throw new ApiError(response.status, isProblem(problem) ? problem : undefined);
}

/** A fresh Idempotency-Key; crypto.randomUUID exists only in secure contexts (HTTPS, loopback). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
