import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { collectCoordinates, type OperationCoordinates, requestCoordinates } from './collect-coordinates.js';
import type { FieldUsageRecorder } from './create-field-usage-recorder.js';

type ByDocument = WeakMap<DocumentNode, Map<string, OperationCoordinates>>;

/**
 * Counts the schema coordinates every executed operation touches (see `collectCoordinates`).
 * The coordinates are computed once per schema object, parsed document (yoga's parse cache
 * hands back the same DocumentNode for the same text) and operation name; a request then costs
 * one map increment per coordinate. Both caches empty themselves when the objects go away.
 */
export function useFieldUsage(recorder: Pick<FieldUsageRecorder, 'record'>): Plugin {
  const bySchema = new WeakMap<GraphQLSchema, ByDocument>();

  function coordinatesOf(schema: GraphQLSchema, document: DocumentNode, operationName: string): OperationCoordinates {
    let byDocument = bySchema.get(schema);
    if (!byDocument) {
      byDocument = new WeakMap();
      bySchema.set(schema, byDocument);
    }
    let byOperation = byDocument.get(document);
    if (!byOperation) {
      byOperation = new Map();
      byDocument.set(document, byOperation);
    }
    let coordinates = byOperation.get(operationName);
    if (!coordinates) {
      coordinates = collectCoordinates(schema, document, operationName || null);
      byOperation.set(operationName, coordinates);
    }
    return coordinates;
  }

  return {
    onExecute({ args }) {
      const operation = coordinatesOf(args.schema, args.document, args.operationName ?? '');
      recorder.record(requestCoordinates(operation, args.variableValues as Record<string, unknown> | undefined));
    },
  };
}
