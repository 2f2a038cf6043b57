import { type DocumentNode, type FragmentDefinitionNode, Kind, type SelectionSetNode } from 'graphql';

/** What graphql-jit's compile time and memory grow with, counted after expanding fragments. */
export interface JitCost {
  /** Fields the compiler emits code for (every fragment spread expanded where it is used). */
  selections: number;
  /** Fragment spreads, each expanded where it is used. */
  fragmentSpreads: number;
  /** Aliased fields, each expanded where it is used. */
  aliases: number;
}

/** Documents over any of these run on graphql-js instead of being compiled. */
export interface JitBudget {
  maxSelections: number;
  maxFragmentSpreads: number;
  maxAliases: number;
}

/**
 * Generous for real queries (the admin page's largest has ~40 fields), small enough that a
 * compile stays in the low milliseconds and a few hundred KB.
 */
export const DEFAULT_JIT_BUDGET: JitBudget = { maxSelections: 300, maxFragmentSpreads: 40, maxAliases: 40 };

const ZERO: JitCost = { selections: 0, fragmentSpreads: 0, aliases: 0 };

function add(a: JitCost, b: JitCost): JitCost {
  return {
    selections: a.selections + b.selections,
    fragmentSpreads: a.fragmentSpreads + b.fragmentSpreads,
    aliases: a.aliases + b.aliases,
  };
}

/**
 * The expanded size of a document, in time linear in its text: a fragment is measured once and
 * its cost reused at every spread, so `...F ...F` nesting (a "fragment bomb", 2^n fields) is
 * counted, not walked. A fragment cycle (refused by validation anyway) counts as empty.
 *
 * @example measureJitCost(parse('{ a: platform { version } b: platform { version } }')) // { selections: 4, fragmentSpreads: 0, aliases: 2 }
 */
export function measureJitCost(document: DocumentNode): JitCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const measured = new Map<string, JitCost>();

  function measure(selectionSet: SelectionSetNode): JitCost {
    let cost = ZERO;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        cost = add(cost, { selections: 1, fragmentSpreads: 0, aliases: selection.alias ? 1 : 0 });
        if (selection.selectionSet) cost = add(cost, measure(selection.selectionSet));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        cost = add(cost, measure(selection.selectionSet));
      } else {
        const name = selection.name.value;
        if (!measured.has(name)) {
          measured.set(name, ZERO);
          const fragment = fragments.get(name);
          if (fragment) measured.set(name, measure(fragment.selectionSet));
        }
        cost = add(cost, { ...measured.get(name)!, fragmentSpreads: measured.get(name)!.fragmentSpreads + 1 });
      }
    }
    return cost;
  }

  let total = ZERO;
  for (const definition of document.definitions)
    if (definition.kind === Kind.OPERATION_DEFINITION) total = add(total, measure(definition.selectionSet));
  return total;
}

/**
 * Whether graphql-jit may compile this document. Over budget — or too deeply nested to even
 * measure — it runs on graphql-js, which is linear where graphql-jit's compile is not.
 */
export function isWithinJitBudget(
  document: DocumentNode,
  budget: JitBudget = DEFAULT_JIT_BUDGET,
): { within: boolean; cost: JitCost | null } {
  let cost: JitCost;
  try {
    cost = measureJitCost(document);
  } catch (error) {
    if (error instanceof RangeError) return { within: false, cost: null };
    throw error;
  }
  const within =
    cost.selections <= budget.maxSelections && cost.fragmentSpreads <= budget.maxFragmentSpreads && cost.aliases <= budget.maxAliases;
  return { within, cost };
}
