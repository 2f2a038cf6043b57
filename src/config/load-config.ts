import path from 'node:path';
import { CheckedEnvSchema } from './env-schema.js';
import type { Ed25519PublicJwk } from './read-jwk.js';

/** The platform's validated settings. Built once at start; everything else receives it. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  mongodbUrl: string | undefined;
  mongodbDb: string;
  enabledModules: string[] | undefined;
  autoDiscoverModules: boolean;
  registryUrl: string | undefined;
  registryPublicKey: Ed25519PublicJwk | undefined;
  registryTtlSeconds: number;
  licensePublicKey: Ed25519PublicJwk | undefined;
  licenseServerUrl: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  tokenTtlSeconds: number;
  /** TEST_PAUSE_AT_STEP: tests only; unset in production. */
  testPauseAtStep: string | undefined;
  /** Field usage: days kept (`USAGE_RETENTION_DAYS`) and seconds between writes to the store (`USAGE_FLUSH_SECONDS`). */
  usage: { retentionDays: number; flushSeconds: number };
  limits: {
    maxPackageBytes: number;
    maxExtractedBytes: number;
    maxPackageEntries: number;
    moduleHookTimeoutMs: number;
    maxBodyBytes: number;
    minPasswordLength: number;
  };
  /** What `/graphql` accepts and shows (docs/operators/limits.md). */
  graphql: GraphqlExposure;
  /** The HTTP edge: node:http's own limits, the Host allow-list, subscription caps. */
  http: {
    maxHeaderBytes: number;
    requestTimeoutMs: number;
    headersTimeoutMs: number;
    maxConnections: number;
    /** Lower-case `host` or `host:port`; undefined = any Host. */
    allowedHosts: string[] | undefined;
    maxSubscriptions: number;
    maxSubscriptionsPerUser: number;
    subscriptionRecheckMs: number;
  };
  /** `/metrics`: off, open, or behind a Bearer token read from a file. */
  metrics: 'off' | 'on' | { tokenFile: string };
  shutdownTimeoutMs: number;
  /** Sign-in throttling: failures counted per account and per client address within the window. */
  loginThrottle: {
    maxFailuresPerAccount: number;
    maxFailuresPerAddress: number;
    windowSeconds: number;
    /** The first block after the limit; each further failure doubles it (capped at the window). */
    blockSeconds: number;
  };
}

/** Operation limits (0 = no limit), introspection/GraphiQL exposure and allowed cross-origin callers. */
export interface GraphqlExposure {
  /** NODE_ENV=production: `auto` settings lean closed. */
  production: boolean;
  limits: {
    depth: number;
    aliases: number;
    tokens: number;
    directives: number;
    cost: number;
    /** How many times one mutation field may appear in one request (`login` is always at most 1). */
    mutationAliases: number;
  };
  introspection: 'auto' | 'on' | 'off';
  graphiql: 'auto' | 'on' | 'off';
  /** Origins allowed to call cross-origin; empty = same origin only. */
  corsOrigins: string[];
  /** Plain JSON POSTs skip yoga's node adapter (GRAPHQL_FAST_PATH; docs/operators/http-limits.md). */
  fastPath: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the environment once. A bad value throws a ConfigError naming each variable and
 * what it accepts, so start-up stops with a message a person can act on.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = CheckedEnvSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = result.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    mongodbUrl: e.MONGODB_URL,
    mongodbDb: e.MONGODB_DB,
    enabledModules: e.ENABLED_MODULES,
    autoDiscoverModules: e.AUTO_DISCOVER_MODULES,
    registryUrl: e.REGISTRY_URL?.replace(/\/+$/, ''),
    registryPublicKey: e.REGISTRY_PUBLIC_KEY,
    registryTtlSeconds: e.REGISTRY_TTL_SECONDS,
    licensePublicKey: e.LICENSE_PUBLIC_KEY,
    licenseServerUrl: e.LICENSE_SERVER_URL?.replace(/\/+$/, ''),
    adminEmail: e.ADMIN_EMAIL,
    adminPassword: e.ADMIN_PASSWORD,
    logLevel: e.LOG_LEVEL,
    tokenTtlSeconds: e.TOKEN_TTL_SECONDS,
    testPauseAtStep: e.TEST_PAUSE_AT_STEP,
    usage: { retentionDays: e.USAGE_RETENTION_DAYS, flushSeconds: e.USAGE_FLUSH_SECONDS },
    limits: {
      maxPackageBytes: e.MAX_PACKAGE_BYTES,
      maxExtractedBytes: e.MAX_EXTRACTED_BYTES,
      maxPackageEntries: e.MAX_PACKAGE_ENTRIES,
      moduleHookTimeoutMs: e.MODULE_HOOK_TIMEOUT_MS,
      maxBodyBytes: e.MAX_BODY_BYTES,
      minPasswordLength: 10,
    },
    graphql: {
      production: e.NODE_ENV === 'production',
      limits: {
        depth: e.MAX_QUERY_DEPTH,
        aliases: e.MAX_QUERY_ALIASES,
        tokens: e.MAX_QUERY_TOKENS,
        directives: e.MAX_QUERY_DIRECTIVES,
        cost: e.MAX_QUERY_COST,
        mutationAliases: e.MAX_MUTATION_ALIASES,
      },
      introspection: e.INTROSPECTION,
      graphiql: e.GRAPHIQL,
      corsOrigins: e.CORS_ORIGINS ?? [],
      fastPath: e.GRAPHQL_FAST_PATH === 'on',
    },
    http: {
      maxHeaderBytes: e.MAX_HEADER_BYTES,
      requestTimeoutMs: e.REQUEST_TIMEOUT_SECONDS * 1000,
      headersTimeoutMs: e.HEADERS_TIMEOUT_SECONDS * 1000,
      maxConnections: e.MAX_CONNECTIONS,
      allowedHosts: e.ALLOWED_HOSTS,
      maxSubscriptions: e.MAX_SUBSCRIPTIONS,
      maxSubscriptionsPerUser: e.MAX_SUBSCRIPTIONS_PER_USER,
      subscriptionRecheckMs: e.SUBSCRIPTION_RECHECK_SECONDS * 1000,
    },
    metrics: e.METRICS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    loginThrottle: {
      maxFailuresPerAccount: e.LOGIN_MAX_FAILURES,
      maxFailuresPerAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS,
      windowSeconds: e.LOGIN_FAILURE_WINDOW_SECONDS,
      blockSeconds: e.LOGIN_BLOCK_SECONDS,
    },
  };
}
