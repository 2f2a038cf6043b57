import type { DefinitionNode, DocumentNode, GraphQLSchema } from 'graphql';
import { sharedGraphql } from '../composer/shared-graphql.js';

const { Kind, buildASTSchema } = sharedGraphql;

const EXTENSION_TO_DEFINITION: Partial<Record<string, DefinitionNode['kind']>> = {
  [Kind.OBJECT_TYPE_EXTENSION]: Kind.OBJECT_TYPE_DEFINITION,
  [Kind.INTERFACE_TYPE_EXTENSION]: Kind.INTERFACE_TYPE_DEFINITION,
  [Kind.ENUM_TYPE_EXTENSION]: Kind.ENUM_TYPE_DEFINITION,
  [Kind.INPUT_OBJECT_TYPE_EXTENSION]: Kind.INPUT_OBJECT_TYPE_DEFINITION,
  [Kind.UNION_TYPE_EXTENSION]: Kind.UNION_TYPE_DEFINITION,
  [Kind.SCALAR_TYPE_EXTENSION]: Kind.SCALAR_TYPE_DEFINITION,
};

function definedNames(definitions: readonly DefinitionNode[]): Set<string> {
  return new Set(definitions.flatMap((d) => ('name' in d && d.name && !(d.kind in EXTENSION_TO_DEFINITION) ? [d.name.value] : [])));
}

/**
 * One module's SDL on top of the core's, for comparing two versions of a module outside a
 * platform (`a64 registry publish`): types it extends that come from other modules get an
 * empty stand-in, so only the module's own members differ between the two schemas.
 */
export function moduleAloneSchema(core: DocumentNode, module: DocumentNode): GraphQLSchema {
  const known = definedNames([...core.definitions, ...module.definitions]);
  const stubs: DefinitionNode[] = [];
  for (const definition of module.definitions) {
    const kind = EXTENSION_TO_DEFINITION[definition.kind];
    if (!kind || !('name' in definition) || !definition.name || known.has(definition.name.value)) continue;
    known.add(definition.name.value);
    stubs.push({ kind, name: definition.name } as DefinitionNode);
  }
  const definitions = [...core.definitions, ...stubs, ...module.definitions];
  return buildASTSchema({ kind: Kind.DOCUMENT, definitions }, { assumeValidSDL: true });
}
