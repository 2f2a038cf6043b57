import { Kind, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import { queryTooComplex } from './query-too-complex.js';

type FieldCounts = Map<string, number>;

function addCounts(into: FieldCounts, from: FieldCounts, times = 1): void {
  for (const [field, count] of from) into.set(field, (into.get(field) ?? 0) + count * times);
}

/**
 * How often each root field appears in a selection set, through fragments and inline fragments.
 * Fragment counts are memoized so `...F ...F` nesting costs linear time; a fragment cycle (which
 * graphql-js reports on its own) counts as empty.
 */
function countRootFields(selectionSet: SelectionSetNode, context: ValidationContext, memo: Map<string, FieldCounts>): FieldCounts {
  const counts: FieldCounts = new Map();
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) counts.set(selection.name.value, (counts.get(selection.name.value) ?? 0) + 1);
    else if (selection.kind === Kind.INLINE_FRAGMENT) addCounts(counts, countRootFields(selection.selectionSet, context, memo));
    else {
      const name = selection.name.value;
      if (!memo.has(name)) {
        memo.set(name, new Map());
        const fragment = context.getFragment(name);
        if (fragment) memo.set(name, countRootFields(fragment.selectionSet, context, memo));
      }
      addCounts(counts, memo.get(name)!);
    }
  }
  return counts;
}

/**
 * Caps how many times one mutation field may run in one request (aliases, fragments): 150
 * aliased `login`s would otherwise cost 15 s of password hashing in one request. `login` is
 * always capped at 1; every other mutation field at `max`.
 */
export function maxMutationAliasesRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      if (operation.operation !== 'mutation') return;
      for (const [field, count] of countRootFields(operation.selectionSet, context, new Map())) {
        const cap = field === 'login' ? 1 : max;
        if (count > cap) context.reportError(queryTooComplex('MAX_MUTATION_ALIASES', cap, count, `\`${field}\` repeated, times:`));
      }
    },
  });
}
