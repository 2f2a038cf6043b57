import { GraphQLError } from 'graphql';
import { ERROR_CODES, isErrorCode } from '../errors/index.js';
import type { Logger } from '../logging/index.js';

type LogLevel = 'info' | 'warn' | 'error';

/** The public code an error carries (also on a module's own error, which bundles its own graphql). */
function codeOf(value: unknown): string | null {
  const candidates = value instanceof GraphQLError ? [value, value.originalError] : [value];
  for (const candidate of candidates) {
    const code = (candidate as { extensions?: { code?: unknown } } | null | undefined)?.extensions?.code;
    if (isErrorCode(code)) return code;
  }
  return null;
}

/**
 * How loud an error yoga reports should be: a caller's mistake (a 4xx code: short password,
 * unknown module, bad license) is `info`; a coded 5xx (a module that fails to load, a registry
 * that cannot be reached) is `warn`; anything uncoded is the platform's own fault, `error`.
 */
export function errorLogLevel(value: unknown): LogLevel {
  const code = codeOf(value);
  if (code === null) return 'error';
  return ERROR_CODES[code as keyof typeof ERROR_CODES].status >= 500 ? 'warn' : 'info';
}

/**
 * Yoga's `logging` option on top of the platform's pino logger. Yoga calls `error` for every
 * GraphQL error of a response; each goes out at the level `errorLogLevel` picks, with its code.
 */
export function createYogaLogging(logger: Logger) {
  const text = (args: unknown[]) => args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' ');
  return {
    debug: (...args: unknown[]) => logger.debug(text(args)),
    info: (...args: unknown[]) => logger.info(text(args)),
    warn: (...args: unknown[]) => logger.warn(text(args)),
    error: (...args: unknown[]) => {
      const coded = args.find((arg) => codeOf(arg) !== null);
      const level = coded === undefined ? 'error' : errorLogLevel(coded);
      logger[level](coded === undefined ? {} : { code: codeOf(coded) }, text(args));
    },
  };
}
