/** The console's own paths, under the router's base. */
export const BASE = '/console';
export const SIGN_IN = '/sign-in';

/** The admin screens (the API answers their data to admins only). */
export const ADMIN = {
  catalogue: '/admin/catalogue',
  users: '/admin/users',
  tokens: '/admin/tokens',
  versions: '/admin/versions',
  webhooks: '/admin/webhooks',
} as const;

/** Where to go after signing in: only a console page, never another site or the API. */
export function safeNext(next: string | null): string {
  if (next?.startsWith(`${BASE}/`) && !next.startsWith('//') && !next.includes('\\')) return next;
  return `${BASE}/`;
}

/** The sign-in page, remembering the page the browser is on. */
export function signInHref(): string {
  const here = `${window.location.pathname}${window.location.search}`;
  const next = here.startsWith(`${BASE}${SIGN_IN}`) ? `${BASE}/` : here;
  return `${BASE}${SIGN_IN}?next=${encodeURIComponent(next)}`;
}
