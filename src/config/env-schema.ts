import { z } from 'zod';
import { readJwk } from './read-jwk.js';

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** A limit where 0 means "no limit" (for measuring, or an operator's conscious choice). */
const limit = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

const exposure = z.enum(['auto', 'on', 'off'], { message: 'expected auto, on or off' });

const originList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((origin) => origin.trim().replace(/\/+$/, ''))
      .filter(Boolean),
  )
  .pipe(z.array(z.url({ protocol: /^https?$/, message: 'expected origins like https://app.example.com' })));

const moduleList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[a-z][a-z0-9_]*$/, 'module names are lower-case letters, digits and _')));

// Host names (optionally with :port) a request's Host header must name; lower-cased.
const hostList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z
          .string()
          .regex(/^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/, 'expected host names like api.example.com or 10.0.0.5:4000'),
      )
      .min(1),
  );

// `off`, `on` (anyone who can reach /metrics), or `token:<file>` (Bearer token read from a file).
const metricsSetting = z.union([
  z.enum(['off', 'on']),
  z
    .string()
    .regex(/^token:.+/, 'expected off, on or token:<secret-file>')
    .transform((value) => ({ tokenFile: value.slice('token:'.length) })),
]);

const jwkSource = (name: string) =>
  z.string().transform((value, ctx) => {
    try {
      return readJwk(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `${name}: ${(error as Error).message}` });
      return z.NEVER;
    }
  });

/** Every environment variable of the platform (README, docs/operators/running.md), with its default. Only `src/config` reads process.env. */
export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  MONGODB_URL: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'expected a mongodb:// or mongodb+srv:// URL')
    .optional(),
  MONGODB_DB: z.string().min(1).default('a64'),
  ENABLED_MODULES: moduleList.optional(),
  AUTO_DISCOVER_MODULES: booleanString.default(true),
  REGISTRY_URL: z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' }).optional(),
  REGISTRY_PUBLIC_KEY: jwkSource('REGISTRY_PUBLIC_KEY').optional(),
  REGISTRY_TTL_SECONDS: positiveInt(60),
  LICENSE_PUBLIC_KEY: jwkSource('LICENSE_PUBLIC_KEY').optional(),
  LICENSE_SERVER_URL: z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' }).optional(),
  ADMIN_EMAIL: z.email({ message: 'expected an email address' }).optional(),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TOKEN_TTL_SECONDS: positiveInt(12 * 3600),
  MAX_PACKAGE_BYTES: positiveInt(200 * 1024 * 1024),
  MAX_EXTRACTED_BYTES: positiveInt(1024 * 1024 * 1024),
  MAX_PACKAGE_ENTRIES: positiveInt(20_000),
  MODULE_HOOK_TIMEOUT_MS: positiveInt(10_000),
  MAX_BODY_BYTES: positiveInt(64 * 1024),
  // HTTP edge (docs/operators/http-limits.md): node:http's own limits and timeouts.
  MAX_HEADER_BYTES: positiveInt(16 * 1024),
  REQUEST_TIMEOUT_SECONDS: positiveInt(30),
  HEADERS_TIMEOUT_SECONDS: positiveInt(10),
  MAX_CONNECTIONS: positiveInt(800),
  ALLOWED_HOSTS: hostList.optional(),
  MAX_SUBSCRIPTIONS: positiveInt(100),
  MAX_SUBSCRIPTIONS_PER_USER: positiveInt(5),
  SUBSCRIPTION_RECHECK_SECONDS: positiveInt(30),
  METRICS: metricsSetting.default('off'),
  SHUTDOWN_TIMEOUT_SECONDS: positiveInt(30),
  NODE_ENV: z.string().optional(),
  MAX_QUERY_DEPTH: limit(12),
  MAX_QUERY_ALIASES: limit(30),
  MAX_QUERY_TOKENS: limit(3000),
  MAX_QUERY_DIRECTIVES: limit(20),
  MAX_QUERY_COST: limit(5000),
  MAX_MUTATION_ALIASES: limit(5),
  INTROSPECTION: exposure.default('auto'),
  GRAPHIQL: exposure.default('auto'),
  CORS_ORIGINS: originList.optional(),
  /** `off`: every GraphQL request through yoga's own node adapter (support: rule the plain JSON path out). */
  GRAPHQL_FAST_PATH: z.enum(['on', 'off'], { message: 'expected on or off' }).default('on'),
  /**
   * Tests only (docs/operators/running.md): a module operation that finishes this step
   * stops there, as if hung, and says so in the log — so a test can kill the process at a known
   * point instead of after a guessed delay.
   */
  TEST_PAUSE_AT_STEP: z.enum(['LICENSE', 'DOWNLOAD', 'VERIFY', 'EXTRACT', 'RESOLVE', 'LOAD', 'ACTIVATE', 'CLEANUP']).optional(),
  LOGIN_MAX_FAILURES: positiveInt(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: positiveInt(50),
  LOGIN_FAILURE_WINDOW_SECONDS: positiveInt(3600),
  LOGIN_BLOCK_SECONDS: positiveInt(1),
  USAGE_RETENTION_DAYS: positiveInt(30),
  USAGE_FLUSH_SECONDS: positiveInt(60),
});

export type Env = z.infer<typeof EnvSchema>;

/** EnvSchema with the rules that span variables: what loadConfig parses. */
export const CheckedEnvSchema = EnvSchema.superRefine((env, ctx) => {
  // A registry is only trusted with the key its catalog is signed with.
  if (env.REGISTRY_URL && !env.REGISTRY_PUBLIC_KEY) {
    ctx.addIssue({
      code: 'custom',
      path: ['REGISTRY_PUBLIC_KEY'],
      message: 'required with REGISTRY_URL (the key its catalog is signed with)',
    });
  }
});
