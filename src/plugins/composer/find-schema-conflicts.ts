import { type DefinitionNode, type DocumentNode, Kind } from 'graphql';

/** One SDL contributor: `owner` is a module name, or `the core`. */
export interface SdlPart {
  owner: string;
  document: DocumentNode;
}

const TYPE_DEFINITIONS = new Set<Kind>([
  Kind.OBJECT_TYPE_DEFINITION,
  Kind.INTERFACE_TYPE_DEFINITION,
  Kind.UNION_TYPE_DEFINITION,
  Kind.ENUM_TYPE_DEFINITION,
  Kind.INPUT_OBJECT_TYPE_DEFINITION,
  Kind.SCALAR_TYPE_DEFINITION,
]);
const TYPE_EXTENSIONS = new Set<Kind>([
  Kind.OBJECT_TYPE_EXTENSION,
  Kind.INTERFACE_TYPE_EXTENSION,
  Kind.UNION_TYPE_EXTENSION,
  Kind.ENUM_TYPE_EXTENSION,
  Kind.INPUT_OBJECT_TYPE_EXTENSION,
  Kind.SCALAR_TYPE_EXTENSION,
]);

function memberNames(definition: DefinitionNode): string[] {
  if ('fields' in definition && definition.fields) return definition.fields.map((field) => field.name.value);
  if ('values' in definition && definition.values) return definition.values.map((value) => value.name.value);
  return [];
}

function by(first: string, second: string): string {
  return first === second ? `twice by ${first}` : `by ${first} and ${second}`;
}

/**
 * Finds every type, directive or field defined by two contributors (core or modules), whatever
 * its kind, and every `extend type` of a type nobody defines. Adding new fields with
 * `extend type` is fine. Returns messages like `Type Farm defined by farm_manager and other_mod`
 * or `Query.farms defined by farm_manager and other_mod`; empty when the parts fit together.
 */
export function findSchemaConflicts(parts: readonly SdlPart[]): string[] {
  const conflicts: string[] = [];
  const typeOwners = new Map<string, string>();
  const memberOwners = new Map<string, string>();
  const extensions: Array<{ owner: string; type: string }> = [];
  const claimMembers = (owner: string, type: string, definition: DefinitionNode) => {
    for (const member of memberNames(definition)) {
      const coordinate = `${type}.${member}`;
      const previous = memberOwners.get(coordinate);
      if (previous !== undefined) conflicts.push(`${coordinate} defined ${by(previous, owner)}`);
      else memberOwners.set(coordinate, owner);
    }
  };
  for (const { owner, document } of parts) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.DIRECTIVE_DEFINITION) {
        const key = `@${definition.name.value}`;
        const previous = typeOwners.get(key);
        if (previous !== undefined) conflicts.push(`Directive ${key} defined ${by(previous, owner)}`);
        else typeOwners.set(key, owner);
      } else if (TYPE_DEFINITIONS.has(definition.kind) && 'name' in definition && definition.name) {
        const type = definition.name.value;
        const previous = typeOwners.get(type);
        if (previous !== undefined) {
          conflicts.push(`Type ${type} defined ${by(previous, owner)}`);
          continue;
        }
        typeOwners.set(type, owner);
        claimMembers(owner, type, definition);
      } else if (TYPE_EXTENSIONS.has(definition.kind) && 'name' in definition && definition.name) {
        extensions.push({ owner, type: definition.name.value });
        claimMembers(owner, definition.name.value, definition);
      } else if (owner !== 'the core') {
        conflicts.push(`${owner} defines or extends the schema root (only the core may)`);
      }
    }
  }
  for (const { owner, type } of extensions) {
    if (!typeOwners.has(type)) conflicts.push(`${owner} extends type ${type}, which neither the core nor an enabled module defines`);
  }
  return conflicts;
}
