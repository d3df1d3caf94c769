/**
 * The app under test: the compiled dist/ code (`npm run bench` builds it first), as deployed, rather than
 * src/ through tsx.
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = fileURLToPath(new URL('../', import.meta.url));
export const distDir = join(root, 'dist');

/** Imports a module of dist/, e.g. `config.js`. */
export const importDist = <T>(file: string) => import(pathToFileURL(join(distDir, file)).href) as Promise<T>;
