import { GraphQLError } from 'graphql';
import { createGraphQLError, maskError as yogaMaskError } from 'graphql-yoga';
import { isErrorCode } from '../errors/index.js';
import type { Logger } from '../logging/index.js';

function codedOriginal(error: unknown): (Error & { extensions: Record<string, unknown> }) | null {
  // A coded GraphQLError made outside a resolver (plugins, streams) has no originalError.
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (!(original instanceof Error)) return null;
  const extensions = (original as { extensions?: Record<string, unknown> }).extensions;
  return extensions && isErrorCode(extensions.code) ? (original as Error & { extensions: Record<string, unknown> }) : null;
}

interface RequestError extends Error {
  originalError?: unknown;
  path?: unknown;
  extensions?: Record<string, unknown>;
}

// By name, not instanceof: graphql-jit (CommonJS) makes its errors from the CommonJS copy of
// graphql, whose GraphQLError is another class than the ESM one; its `extensions` may be unset.
function isUncodedRequestError(error: unknown): error is RequestError {
  if (!(error instanceof Error) || error.name !== 'GraphQLError') return false;
  const { originalError, path, extensions } = error as RequestError;
  return !originalError && !path && extensions?.code === undefined;
}

/**
 * Yoga's error mask: our coded errors pass through (also module errors that only carry
 * `extensions.code`, since a module bundles its own `graphql`); anything else is logged here and
 * reaches the client as a generic INTERNAL_SERVER_ERROR with no detail.
 */
export function createMaskError(logger: Logger) {
  return (error: unknown, message: string, isDev?: boolean): Error => {
    const coded = codedOriginal(error);
    // Thrown as is outside a resolver (parse, request checks): already public; returning the
    // same object also keeps yoga from logging a refusal as an error.
    if (coded && coded === error) return coded;
    if (coded) {
      const located = error instanceof GraphQLError ? error : undefined;
      return createGraphQLError(coded.message, {
        nodes: located?.nodes,
        path: located?.path,
        extensions: { ...coded.extensions },
      });
    }
    if (isUncodedRequestError(error)) {
      // graphql-js's own refusals of a request (e.g. a variable of the wrong type) carry no code.
      return createGraphQLError(error.message, { extensions: { ...error.extensions, code: 'BAD_USER_INPUT' } });
    }
    const masked = yogaMaskError(error, message, isDev);
    if (masked !== error)
      logger.error({ err: error instanceof GraphQLError ? (error.originalError ?? error) : error }, 'unexpected error in a resolver');
    return masked;
  };
}
