import { GraphQLError } from 'graphql';
import { createGraphQLError, maskError as yogaMaskError } from 'graphql-yoga';
import { isErrorCode } from '../errors/index.js';
import type { Logger } from '../logging/index.js';

function codedOriginal(error: unknown): (Error & { extensions: Record<string, unknown> }) | null {
  // A coded error thrown outside a resolver (e.g. while parsing) reaches the mask unwrapped.
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
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
    const masked = yogaMaskError(error, message, isDev);
    if (masked !== error)
      logger.error({ err: error instanceof GraphQLError ? (error.originalError ?? error) : error }, 'unexpected error in a resolver');
    return masked;
  };
}
