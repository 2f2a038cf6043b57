import { type DocumentNode, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { PlatformMetrics } from './create-platform-metrics.js';
import { rateLimitRefusals } from './rate-limit-refusals.js';

// Refusals by a limit: also counted in a64_rate_limited_total.
const LIMIT_CODES = new Set(['RATE_LIMITED', 'QUERY_TOO_COMPLEX']);

// Yoga's parse cache hands back the same DocumentNode for the same text: the operation type of a
// (document, operation name) is worked out once, not on every request.
const operationTypes = new WeakMap<DocumentNode, Map<string, string>>();

function operationType(document: DocumentNode, name: string | null | undefined): string {
  let byName = operationTypes.get(document);
  if (!byName) {
    byName = new Map();
    operationTypes.set(document, byName);
  }
  const key = name ?? '';
  let type = byName.get(key);
  if (type === undefined) {
    type = getOperationAST(document, name)?.operation ?? 'unknown';
    byName.set(key, type);
  }
  return type;
}

function countErrors(
  metrics: PlatformMetrics,
  operation: string,
  errors: readonly Error[] | undefined,
  fallbackCode = 'INTERNAL_SERVER_ERROR',
): void {
  for (const error of errors ?? []) {
    const { extensions, path } = error as { extensions?: Record<string, unknown>; path?: readonly unknown[] };
    const code = typeof extensions?.code === 'string' ? extensions.code : fallbackCode;
    metrics.errors.inc({ operation, code });
    if (LIMIT_CODES.has(code)) {
      // Named by the limit when the error says (query limits), else by the refused field (login).
      const limit = typeof extensions?.limit === 'string' ? extensions.limit : String(path?.[0] ?? code.toLowerCase());
      rateLimitRefusals.inc({ limit });
    }
  }
}

/**
 * Counts GraphQL operations by type, times their execution and counts their errors by code.
 * A document refused by validation counts as operation `invalid`.
 */
export function useGraphqlMetrics(metrics: PlatformMetrics): Plugin {
  return {
    onValidate() {
      return ({ result }) => {
        if (result.length === 0) return;
        metrics.requests.inc({ operation: 'invalid' });
        // Yoga adds the code to validation errors only later, when it formats the response.
        countErrors(metrics, 'invalid', result, 'GRAPHQL_VALIDATION_FAILED');
      };
    },
    onExecute({ args }) {
      const operation = operationType(args.document, args.operationName);
      const started = performance.now();
      metrics.requests.seriesFor(operation).inc();
      return {
        onExecuteDone({ result }) {
          metrics.requestDuration.seriesFor(operation).observe((performance.now() - started) / 1000);
          if (!(Symbol.asyncIterator in result)) countErrors(metrics, operation, result.errors);
        },
      };
    },
    onSubscribe({ args }) {
      metrics.requests.inc({ operation: operationType(args.document, args.operationName) });
    },
  };
}
