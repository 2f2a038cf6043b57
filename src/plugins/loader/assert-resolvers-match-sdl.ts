import { type DocumentNode, Kind } from 'graphql';
import { platformError } from '../../errors/index.js';

/** Field-like member names per type the module's own SDL defines or extends. */
function membersByType(document: DocumentNode): Map<string, { kind: Kind; members: Set<string> }> {
  const types = new Map<string, { kind: Kind; members: Set<string> }>();
  for (const definition of document.definitions) {
    if (!('name' in definition) || !definition.name || definition.kind === Kind.DIRECTIVE_DEFINITION) continue;
    const entry = types.get(definition.name.value) ?? { kind: definition.kind, members: new Set<string>() };
    if ('fields' in definition) for (const field of definition.fields ?? []) entry.members.add(field.name.value);
    if ('values' in definition) for (const value of definition.values ?? []) entry.members.add(value.name.value);
    types.set(definition.name.value, entry);
  }
  return types;
}

const SCALAR_KINDS = new Set<Kind>([Kind.SCALAR_TYPE_DEFINITION, Kind.SCALAR_TYPE_EXTENSION]);

/**
 * Refuses resolvers for types or fields the module's own typeDefs do not define or extend: such
 * a resolver would be silently dead, or would replace a core or another module's resolver.
 * Throws MODULE_LOAD_FAILED naming each `Type.field`.
 */
export function assertResolversMatchSdl(name: string, resolvers: Record<string, unknown> | undefined, document: DocumentNode): void {
  if (!resolvers) return;
  const types = membersByType(document);
  const unknown: string[] = [];
  for (const [typeName, typeResolvers] of Object.entries(resolvers)) {
    const type = types.get(typeName);
    if (!type) {
      unknown.push(typeName);
      continue;
    }
    // A scalar's resolver is the GraphQLScalarType (or its config), not a field map.
    if (SCALAR_KINDS.has(type.kind) || typeof typeResolvers !== 'object' || typeResolvers === null) continue;
    for (const field of Object.keys(typeResolvers)) {
      if (field.startsWith('__')) continue;
      if (!type.members.has(field)) unknown.push(`${typeName}.${field}`);
    }
  }
  if (unknown.length > 0) {
    throw platformError(
      'MODULE_LOAD_FAILED',
      `Module ${name} has resolvers for ${unknown.join(', ')}, which its typeDefs do not define; remove them or add them to typeDefs.`,
      { details: { module: name, fields: unknown } },
    );
  }
}
