import type { DocumentNode, GraphQLNamedType, GraphQLSchema } from 'graphql';
import { sharedGraphql } from '../composer/shared-graphql.js';

const { Kind, TypeInfo, getNamedType, isEnumType, isInputObjectType, typeFromAST, visit, visitWithTypeInfo } = sharedGraphql;

/** What one operation of a document touches, computed once per (schema, document, operation). */
export interface OperationCoordinates {
  /** `Type.field`, `Type.field(arg:)`, `Enum.VALUE` (literal input), `Input.field` (literal input). */
  fixed: readonly string[];
  /** Variables of enum type (or lists of it): their values are coordinates too, read per request. */
  enumVariables: ReadonlyArray<{ variable: string; enumType: string }>;
}

function namedEnum(type: GraphQLNamedType | undefined | null): string | null {
  return type && isEnumType(type) ? type.name : null;
}

/**
 * The schema coordinates an operation uses: every field selected (on the type it is selected
 * on), every argument passed, and enum values and input-object fields written as input literals.
 * Introspection fields are left out. Other operations of the document are skipped; fragments are
 * counted wherever they are defined.
 *
 * @example collectCoordinates(schema, parse('{ farms(first: 2) { name } }')) // fixed: ['Query.farms', 'Query.farms(first:)', 'Farm.name']
 */
export function collectCoordinates(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): OperationCoordinates {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const chosen = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  const fixed = new Set<string>();
  const enumVariables: Array<{ variable: string; enumType: string }> = [];
  const typeInfo = new TypeInfo(schema);
  const definitions = document.definitions.filter((d) => d.kind !== Kind.OPERATION_DEFINITION || d === chosen);
  visit(
    { kind: Kind.DOCUMENT, definitions },
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent && typeInfo.getFieldDef() && !node.name.value.startsWith('__')) fixed.add(`${parent.name}.${node.name.value}`);
      },
      Argument(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        // Arguments of directives (`@include(if:)`) have no field: not a schema member of ours.
        if (parent && field && typeInfo.getDirective() === null) fixed.add(`${parent.name}.${field.name}(${node.name.value}:)`);
      },
      EnumValue(node) {
        const type = namedEnum(getNamedType(typeInfo.getInputType() ?? undefined));
        if (type) fixed.add(`${type}.${node.value}`);
      },
      ObjectField(node) {
        const parent = getNamedType(typeInfo.getParentInputType() ?? undefined);
        if (parent && isInputObjectType(parent)) fixed.add(`${parent.name}.${node.name.value}`);
      },
      VariableDefinition(node) {
        const type = typeFromAST(schema, node.type as Parameters<typeof typeFromAST>[1]);
        const enumType = namedEnum(type ? getNamedType(type) : undefined);
        if (enumType) enumVariables.push({ variable: node.variable.name.value, enumType });
      },
    }),
  );
  return { fixed: [...fixed], enumVariables };
}

/** The coordinates of one request: the fixed ones plus the enum values its variables carry. */
export function requestCoordinates(operation: OperationCoordinates, variables: Record<string, unknown> | null | undefined): string[] {
  if (operation.enumVariables.length === 0 || !variables) return operation.fixed as string[];
  const coordinates = [...operation.fixed];
  for (const { variable, enumType } of operation.enumVariables) {
    const value = variables[variable];
    for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'string') coordinates.push(`${enumType}.${item}`);
  }
  return coordinates;
}
