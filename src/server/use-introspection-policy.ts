import { GraphQLError, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GraphqlExposure } from '../config/index.js';
import { platformError } from '../errors/index.js';
import type { RequestAuthResolver } from './create-request-auth.js';
import { isIntrospectionAllowed } from './exposure-policy.js';

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);
// graphql-js phrases: "Did you mean "x"?", "Did you mean "x" or "y"?", "Did you mean the enum value "X"?"
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (!INTROSPECTION_FIELDS.has(node.name.value)) return;
    context.reportError(
      platformError(
        'FORBIDDEN',
        `Introspection (${node.name.value}) is off for this caller. Sign in as an admin, or ask the operator about INTROSPECTION.`,
        {
          details: { http: { status: 403 } },
        },
      ),
    );
  },
});

function withoutSuggestions(errors: readonly GraphQLError[]): GraphQLError[] {
  return errors.map((error) => {
    const message = error.message.replace(SUGGESTION, '');
    if (message === error.message) return error;
    return new GraphQLError(message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      path: error.path,
      originalError: error.originalError,
      extensions: error.extensions,
    });
  });
}

/**
 * INTROSPECTION policy per caller: when it is off, `__schema`/`__type` are refused with
 * FORBIDDEN and "Did you mean …?" suggestions are cut from every error message (validation and
 * variable coercion alike), so a caller who may not introspect cannot map the schema by typos.
 * The caller is resolved in `onParams` (async) so the sync validation hook can read it.
 */
export function useIntrospectionPolicy(exposure: GraphqlExposure, requestAuth: RequestAuthResolver): Plugin {
  const allowed = (request: Request) => isIntrospectionAllowed(exposure, requestAuth.known(request));
  return {
    async onParams({ request }) {
      await requestAuth.authFor(request);
    },
    onValidate({ addValidationRule, context }) {
      if (!allowed((context as { request: Request }).request)) addValidationRule(noIntrospection);
    },
    onResultProcess({ request, result, setResult }) {
      if (allowed(request) || Array.isArray(result) || !('errors' in result) || !result.errors?.length) return;
      setResult({ ...result, errors: withoutSuggestions(result.errors as GraphQLError[]) });
    },
  };
}
