import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';

/**
 * Every setting the service reads from the environment. This schema is the only declaration:
 * the README's configuration table is written from its descriptions.
 */
export const ConfigSchema = Type.Object({
  NODE_ENV: Type.Enum(['development', 'test', 'production'], {
    default: 'development',
    description: '`production` disables the first-start bootstrap token and pretty logs.',
  }),
  HOST: Type.String({ default: '127.0.0.1', description: 'Interface to listen on (`0.0.0.0` for all).' }),
  PORT: Type.Integer({ default: 8000, minimum: 0, maximum: 65535, description: 'TCP port to listen on.' }),
  DATABASE_URL: Type.Optional(
    Type.String({
      pattern: '^postgres(ql)?://',
      description:
        'PostgreSQL server to use, e.g. `postgres://postgres@127.0.0.1:5432/orderly`. Unset: embedded PGlite.',
    }),
  ),
  DATA_DIR: Type.String({
    default: './data',
    description: 'Where the embedded database keeps its files (ignored when `DATABASE_URL` is set).',
  }),
  DATABASE_POOL_SIZE: Type.Integer({
    default: 20,
    minimum: 1,
    maximum: 200,
    description: 'Connections per process to the PostgreSQL server.',
  }),
  PUBLIC_URL: Type.Optional(
    Type.String({
      pattern: '^https?://[^/?#]+$',
      description: 'Origin used in `url`, `Location` and pagination links, e.g. `https://api.example.com`.',
    }),
  ),
  TRUST_PROXY: Type.Boolean({
    default: false,
    description: 'Honour `X-Forwarded-Proto`/`X-Forwarded-Host`/`X-Forwarded-For` from a reverse proxy.',
  }),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    default: 'info',
    description: 'pino log level.',
  }),
  BODY_LIMIT: Type.Integer({
    default: 65536,
    minimum: 1024,
    description: 'Largest accepted request body in bytes; larger bodies get 413.',
  }),
  AUTH_CACHE_TTL_MS: Type.Integer({
    default: 5000,
    minimum: 0,
    description: 'How long a verified API token is trusted before it is looked up again (0 = every request).',
  }),
});

export type Config = Static<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once; throws a ConfigError naming every bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(
    Object.keys(ConfigSchema.properties)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const value = Value.Convert(ConfigSchema, Value.Default(ConfigSchema, known));
  if (!Value.Check(ConfigSchema, value)) {
    const problems = Value.Errors(ConfigSchema, value).map(
      (error) => `${error.instancePath.slice(1) || 'config'} ${error.message}`,
    );
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return value;
}
