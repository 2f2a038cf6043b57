import type { DocumentNode } from 'graphql';
import { sharedGraphql } from '../composer/shared-graphql.js';

const { Kind } = sharedGraphql;

/**
 * The schema coordinates a module's SDL defines: its types, their fields, arguments, enum
 * values and input fields, and the members it adds to other types with `extend type`.
 *
 * @example definedCoordinates(parse('type Farm { name: String } extend type Query { farms(first: Int): [Farm] }'))
 * // Set { 'Farm', 'Farm.name', 'Query.farms', 'Query.farms(first:)' }
 */
export function definedCoordinates(document: DocumentNode): Set<string> {
  const coordinates = new Set<string>();
  for (const definition of document.definitions) {
    if (!('name' in definition) || !definition.name || definition.kind === Kind.DIRECTIVE_DEFINITION) continue;
    const type = definition.name.value;
    const isExtension = definition.kind.endsWith('Extension');
    if (!isExtension) coordinates.add(type);
    if ('fields' in definition) {
      for (const field of definition.fields ?? []) {
        coordinates.add(`${type}.${field.name.value}`);
        if ('arguments' in field)
          for (const arg of field.arguments ?? []) coordinates.add(`${type}.${field.name.value}(${arg.name.value}:)`);
      }
    }
    if ('values' in definition) for (const value of definition.values ?? []) coordinates.add(`${type}.${value.name.value}`);
  }
  return coordinates;
}
