import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors.js';

export const CONSOLE_PATH = '/console/';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Vite puts every bundled file, named by the hash of its content, under assets/. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

interface ConsoleFile {
  body: Buffer;
  type: string;
  etag: string;
}

/** The built console, read once at start: a few hundred kilobytes that change only with a deploy. */
function readBuild(dir: string): Map<string, ConsoleFile> {
  const files = new Map<string, ConsoleFile>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const body = readFileSync(path);
        const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
        const type = CONTENT_TYPES[extname(path)] ?? 'application/octet-stream';
        files.set(relative(dir, path).split(sep).join('/'), { body, type, etag });
      }
    }
  };
  walk(dir);
  return files;
}

/**
 * The console's pages may run their own bundled scripts and styles and call this origin, nothing else; the
 * sign-out form may be redirected to the OpenID provider's logout.
 */
export function consolePolicy(oidcIssuer: string | undefined): string {
  const formAction = oidcIssuer ? `'self' ${new URL(oidcIssuer).origin}` : "'self'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    `form-action ${formAction}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * The staff console (console/, built by `npm run build` into `dir`) at /console/: its files, and its
 * index.html for every other extension-less path under it (the console routes in the browser); `/` leads there.
 * Pages are not API calls: they count per client IP against a budget of their own, never the caller's.
 */
export async function consoleRoutes(
  app: FastifyInstance,
  options: { dir: string; oidcIssuer: string | undefined },
): Promise<void> {
  const files = existsSync(join(options.dir, 'index.html')) ? readBuild(options.dir) : undefined;
  const policy = consolePolicy(options.oidcIssuer);
  const config = { rateLimit: 'static' as const };

  app.addHook('onRequest', async (_request, reply) => {
    reply.header('content-security-policy', policy);
  });

  const send = (reply: FastifyReply, file: ConsoleFile, cacheControl: string, ifNoneMatch?: string) => {
    reply.header('cache-control', cacheControl).header('etag', file.etag).type(file.type);
    if (ifNoneMatch === file.etag) return reply.code(304).send();
    return reply.send(file.body);
  };

  const page = async (request: FastifyRequest, reply: FastifyReply) => {
    const index = files?.get('index.html');
    if (!index) {
      throw new AppError(
        'service_unavailable',
        'The staff console is not built on this server: run `npm run build` (it writes dist/console), then restart.',
      );
    }
    return send(reply, index, 'no-cache', request.headers['if-none-match']);
  };

  app.get('/', { config }, async (_request, reply) => reply.redirect(CONSOLE_PATH, 302));
  app.get(CONSOLE_PATH, { config }, page);
  app.get<{ Params: { '*': string } }>(`${CONSOLE_PATH}*`, { config }, async (request, reply) => {
    const path = request.params['*'];
    const file = files?.get(path);
    const cacheControl = path.startsWith('assets/') ? IMMUTABLE : 'no-cache';
    if (file) return send(reply, file, cacheControl, request.headers['if-none-match']);
    if (extname(path) !== '') throw new AppError('not_found', `There is no file ${CONSOLE_PATH}${path}.`);
    return page(request, reply);
  });
}
