import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

/** Where the guide from API v1 to v2 is served: the `rel="deprecation"` link of deprecated v1 responses. */
export const MIGRATION_GUIDE_PATH = '/docs/migrating-to-v2';

// Next to src/ and dist/ alike: the guide ships with the package.
const GUIDE_FILE = new URL('../../docs/migrating-to-v2.md', import.meta.url);

const PAGE_STYLE =
  'body{margin:0 auto;max-width:52rem;padding:1rem}pre{white-space:pre-wrap;font:0.95rem/1.5 ui-monospace,monospace}';
// The page runs no script and loads nothing: its policy allows this one style sheet, by its hash.
const PAGE_POLICY = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * The migration guide (docs/migrating-to-v2.md), read once at start: as Markdown, or, for a browser
 * (which prefers text/html), as a page that shows the same text without rendering it.
 */
export async function migrationGuideRoutes(app: FastifyInstance) {
  const markdown = readFileSync(GUIDE_FILE, 'utf8');
  const title = /^# (.+)$/m.exec(markdown)?.[1] ?? 'Migrating from API v1 to v2';
  const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title><meta name="viewport" content="width=device-width, initial-scale=1"><style>${PAGE_STYLE}</style></head>
<body><pre>${escapeHtml(markdown)}</pre></body>
</html>`;

  app.get(MIGRATION_GUIDE_PATH, { schema: { hide: true } }, async (request, reply) => {
    reply.header('vary', 'Accept').header('cache-control', 'public, max-age=300');
    if (request.accepts().type(['text/markdown', 'text/html']) === 'text/html') {
      return reply.type('text/html; charset=utf-8').header('content-security-policy', PAGE_POLICY).send(page);
    }
    return reply.type('text/markdown; charset=utf-8').send(markdown);
  });
}
