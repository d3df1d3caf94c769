import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

/** Built by `npm run build` (scripts/build-frontend.ts) into dist/console, which the server serves at /console/. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [react()],
  // The SDK from its TypeScript sources (packages/client's `@orderly/source` export), so that it needs no build first.
  resolve: { conditions: ['@orderly/source', ...defaultClientConditions] },
  build: {
    outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
    emptyOutDir: true,
    // Every browser the console supports preloads modules itself.
    modulePreload: { polyfill: false },
    target: 'es2022',
  },
});
