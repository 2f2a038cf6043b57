import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GraphqlExposure } from '../config/index.js';
import { maxMutationAliasesRule } from './max-mutation-aliases-rule.js';
import { type LimitName, queryTooComplex } from './query-too-complex.js';

export type OperationLimits = GraphqlExposure['limits'];

/** graphql-armor exposes the measured value only in its message ("… exceeded, found 13."). */
function foundIn(error: GraphQLError, max: number): number {
  const match = /found (\d+(?:\.\d+)?)/.exec(error.message);
  return match ? Math.ceil(Number(match[1])) : max + 1;
}

/** graphql-armor callbacks that report our coded error instead of armor's "Syntax Error: …". */
function reportAs(limit: LimitName, max: number) {
  return {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => context?.reportError(queryTooComplex(limit, max, foundIn(error, max))),
    ],
  };
}

/** The validation rules of the limits that are on (the token limit works in the parser). */
export function limitValidationRules(limits: OperationLimits): ValidationRule[] {
  const rules: ValidationRule[] = [];
  // Introspection is exempt from depth and cost (GraphiQL's own query is deep); armor ≥ 2.4
  // exempts only a real `__schema` *field*, not a fragment named `__schema` (GHSA-224p-v68g-5g8f).
  if (limits.depth) rules.push(maxDepthRule({ n: limits.depth, ...reportAs('MAX_QUERY_DEPTH', limits.depth) }));
  if (limits.aliases) rules.push(maxAliasesRule({ n: limits.aliases, ...reportAs('MAX_QUERY_ALIASES', limits.aliases) }));
  if (limits.directives) rules.push(maxDirectivesRule({ n: limits.directives, ...reportAs('MAX_QUERY_DIRECTIVES', limits.directives) }));
  if (limits.cost) rules.push(costLimitRule({ maxCost: limits.cost, ...reportAs('MAX_QUERY_COST', limits.cost) }));
  if (limits.mutationAliases) rules.push(maxMutationAliasesRule(limits.mutationAliases));
  return rules;
}

/**
 * Operation limits (depth, aliases, tokens, directives, cost, repeated mutations) checked while
 * parsing and validating, so an operation over a limit is refused with `QUERY_TOO_COMPLEX`
 * before any resolver runs. A limit of 0 is off. Yoga caches parse and validation per document
 * text, so a repeated query pays for the checks once.
 */
export function useOperationLimits(limits: OperationLimits): Plugin {
  const rules = limitValidationRules(limits);
  const tokens = limits.tokens
    ? maxTokensPlugin({
        n: limits.tokens,
        onReject: [
          () => {
            throw queryTooComplex('MAX_QUERY_TOKENS', limits.tokens, limits.tokens + 1);
          },
        ],
      })
    : {};
  return {
    ...(tokens as Plugin),
    onValidate({ addValidationRule }) {
      for (const rule of rules) addValidationRule(rule);
    },
  };
}
