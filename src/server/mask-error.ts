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

/**
 * Yoga's error mask: our coded errors pass through (also module errors that only carry
 * `extensions.code`, since a module bundles its own `graphql`); anything else is logged here and
 * reaches the client as a generic INTERNAL_SERVER_ERROR with no detail.
 */
export function createMaskError(logger: Logger) {
  return (error: unknown, message: string, isDev?: boolean): Error => {
    const coded = codedOriginal(error);
    if (coded) {
      const located = error instanceof GraphQLError ? error : undefined;
      return createGraphQLError(coded.message, {
        nodes: located?.nodes,
        path: located?.path,
        extensions: { ...coded.extensions },
      });
    }
    const masked = yogaMaskError(error, message, isDev);
    if (masked !== error)
      logger.error({ err: error instanceof GraphQLError ? (error.originalError ?? error) : error }, 'unexpected error in a resolver');
    return masked;
  };
}
