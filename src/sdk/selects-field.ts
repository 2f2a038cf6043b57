// Types only: a module bundles the SDK, and graphql's runtime would come with a value import.
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

type Fragments = GraphQLResolveInfo['fragments'];

/** The fields named `name` (by field name, not alias) in a selection set, through fragments. */
function fieldsNamed(selectionSet: SelectionSetNode | undefined, name: string, fragments: Fragments, seen: Set<string>): FieldNode[] {
  const found: FieldNode[] = [];
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === 'Field') {
      if (selection.name.value === name) found.push(selection);
    } else if (selection.kind === 'InlineFragment') {
      found.push(...fieldsNamed(selection.selectionSet, name, fragments, seen));
    } else if (!seen.has(selection.name.value)) {
      // A fragment spread twice (or in a cycle validation let through) is walked once.
      seen.add(selection.name.value);
      found.push(...fieldsNamed(fragments[selection.name.value]?.selectionSet, name, fragments, seen));
    }
  }
  return found;
}

/**
 * Whether the field being resolved selects `path` below it (`selectsField(info, 'items',
 * 'blocks')` in a resolver of `farms { items { blocks { … } } }`), through inline fragments and
 * fragment spreads. `@skip`/`@include` are not evaluated, so it may answer true for a field the
 * response leaves out: use it to read ahead, never to decide what a caller may see.
 */
export function selectsField(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, ...path: string[]): boolean {
  let level: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) {
    level = level.flatMap((node) => fieldsNamed(node.selectionSet, name, info.fragments, new Set()));
    if (level.length === 0) return false;
  }
  return path.length > 0;
}
