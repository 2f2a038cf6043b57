import { type DocumentNode, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { PlatformMetrics } from './create-platform-metrics.js';

function operationType(document: DocumentNode, name: string | null | undefined): string {
  return getOperationAST(document, name)?.operation ?? 'unknown';
}

function countErrors(
  metrics: PlatformMetrics,
  operation: string,
  errors: readonly Error[] | undefined,
  fallbackCode = 'INTERNAL_SERVER_ERROR',
): void {
  for (const error of errors ?? []) {
    const code = (error as { extensions?: Record<string, unknown> }).extensions?.code;
    metrics.errors.inc({ operation, code: typeof code === 'string' ? code : fallbackCode });
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
      const stop = metrics.requestDuration.startTimer({ operation });
      metrics.requests.inc({ operation });
      return {
        onExecuteDone({ result }) {
          stop();
          if (!(Symbol.asyncIterator in result)) countErrors(metrics, operation, result.errors);
        },
      };
    },
    onSubscribe({ args }) {
      metrics.requests.inc({ operation: operationType(args.document, args.operationName) });
    },
  };
}
