import fastJson from 'fast-json-stringify';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLAbstractType,
  type GraphQLList,
  type GraphQLNamedType,
  type GraphQLNonNull,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** A JSON schema as fast-json-stringify reads it; `{}` means "any value, via JSON.stringify". */
type JsonSchema = Record<string, unknown>;

/** Scalars whose serialized value has a fixed JSON type. Any other scalar (JSON, module scalars) is written as-is. */
const SCALAR_TYPES: Record<string, string> = {
  Int: 'integer',
  Float: 'number',
  String: 'string',
  Boolean: 'boolean',
  ID: 'string',
  // The core DateTime scalar serializes to an ISO 8601 string.
  DateTime: 'string',
};

/**
 * GraphQL types tell their class by Symbol.toStringTag ('GraphQLObjectType', …). Asked that way
 * rather than with graphql's `isObjectType` (instanceof), a schema built by another copy of
 * graphql (CJS vs ESM entry, as under vitest) works too.
 */
function typeKind(type: unknown): string {
  return Object.prototype.toString.call(type).slice(8, -1);
}

const isAbstract = (type: unknown): type is GraphQLAbstractType => ['GraphQLInterfaceType', 'GraphQLUnionType'].includes(typeKind(type));

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
}

function appliesTo(walk: Walk, condition: string | undefined, type: GraphQLObjectType): boolean {
  if (!condition || condition === type.name) return true;
  const conditionType = walk.schema.getType(condition);
  return !!conditionType && isAbstract(conditionType) && walk.schema.isSubType(conditionType, type);
}

/** Response name → field nodes of `type` selected by `selectionSets` (fragments inlined). */
function collectFields(
  walk: Walk,
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
  into = new Map<string, FieldNode[]>(),
) {
  for (const selectionSet of selectionSets) {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.alias?.value ?? selection.name.value;
        into.set(name, [...(into.get(name) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (appliesTo(walk, selection.typeCondition?.name.value, type)) collectFields(walk, type, [selection.selectionSet], into);
      } else {
        const fragment = walk.fragments.get(selection.name.value);
        if (fragment && appliesTo(walk, fragment.typeCondition.name.value, type)) collectFields(walk, type, [fragment.selectionSet], into);
      }
    }
  }
  return into;
}

function objectSchema(walk: Walk, type: GraphQLObjectType, nodes: readonly FieldNode[]): JsonSchema {
  const selectionSets = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  const properties: Record<string, JsonSchema> = {};
  for (const [responseName, fieldNodes] of collectFields(walk, type, selectionSets)) {
    const fieldName = fieldNodes[0]!.name.value;
    if (fieldName === '__typename') properties[responseName] = { type: 'string' };
    else {
      const field = type.getFields()[fieldName];
      // Unknown fields (introspection meta fields such as __schema) are written as-is.
      properties[responseName] = field ? valueSchema(walk, field.type, fieldNodes) : {};
    }
  }
  return { type: 'object', properties, nullable: true };
}

/** Several possible object types: the union of their properties; a name typed two ways becomes "any". */
function abstractSchema(walk: Walk, type: GraphQLAbstractType, nodes: readonly FieldNode[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const possible of walk.schema.getPossibleTypes(type)) {
    const own = objectSchema(walk, possible, nodes).properties as Record<string, JsonSchema>;
    for (const [name, schema] of Object.entries(own)) {
      const seen = properties[name];
      properties[name] = seen && JSON.stringify(seen) !== JSON.stringify(schema) ? {} : schema;
    }
  }
  return { type: 'object', properties, nullable: true };
}

function valueSchema(walk: Walk, type: GraphQLOutputType, nodes: readonly FieldNode[]): JsonSchema {
  const kind = typeKind(type);
  if (kind === 'GraphQLNonNull')
    return { ...valueSchema(walk, (type as GraphQLNonNull<GraphQLOutputType>).ofType, nodes), nullable: false };
  if (kind === 'GraphQLList')
    return { type: 'array', items: valueSchema(walk, (type as GraphQLList<GraphQLOutputType>).ofType, nodes), nullable: true };
  if (kind === 'GraphQLObjectType') return objectSchema(walk, type as GraphQLObjectType, nodes);
  if (isAbstract(type)) return abstractSchema(walk, type, nodes);
  if (kind === 'GraphQLEnumType') return { type: 'string', nullable: true };
  const scalar = SCALAR_TYPES[(type as GraphQLNamedType).name];
  return scalar ? { type: scalar, nullable: true } : {};
}

/**
 * The JSON schema of the `{ data, errors, extensions }` answers to one operation: the shape of
 * `data` follows the selection; `DateTime` is a string, `JSON` and any other custom scalar are
 * written with JSON.stringify. Throws when the document has no such operation.
 */
export function operationResultSchema(schema: GraphQLSchema, document: DocumentNode, operationName?: string): JsonSchema {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName ? operations.find((candidate) => candidate.name?.value === operationName) : operations[0];
  if (!operation) throw new Error(`The document has no operation ${operationName ?? ''}.`);
  const root = schema.getRootType(operation.operation);
  if (!root) throw new Error(`The schema has no ${operation.operation} type.`);
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const data = objectSchema({ schema, fragments }, root, [
    { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '' }, selectionSet: operation.selectionSet },
  ]);
  return { type: 'object', properties: { data, errors: {}, extensions: {} } };
}

/**
 * A serializer compiled for one operation's results (fast-json-stringify), which knows the
 * platform's scalars, so queries with `DateTime` or `JSON` fields keep the fast path. Only for
 * results shaped by that operation; anything else must use JSON.stringify.
 *
 * @example const stringify = compileResultSerializer(schema, parse('{ platform { startedAt } }'));
 */
export function compileResultSerializer(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string,
): (result: unknown) => string {
  return fastJson(operationResultSchema(schema, document, operationName) as unknown as Parameters<typeof fastJson>[0]) as (
    result: unknown,
  ) => string;
}
