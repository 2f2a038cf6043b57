export interface TopologicalResult {
  /** Every name whose dependencies come before it. */
  order: string[];
  /** Names caught in (or behind) a dependency cycle, each cycle as a path `a → b → a`. */
  cycles: string[][];
}

/**
 * Orders names so each comes after the names it depends on. Dependencies outside `graph` are
 * ignored here (the dependency check reports them). Ties keep name order so loading is stable.
 *
 * @example topologicalOrder(new Map([['b', ['a']], ['a', []]])) // { order: ['a', 'b'], cycles: [] }
 */
export function topologicalOrder(graph: ReadonlyMap<string, readonly string[]>): TopologicalResult {
  const order: string[] = [];
  const cycles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done' | 'cyclic'>();
  const visit = (name: string, path: string[]): boolean => {
    const seen = state.get(name);
    if (seen === 'done') return true;
    if (seen === 'cyclic') return false;
    if (seen === 'visiting') {
      cycles.push([...path.slice(path.indexOf(name)), name]);
      return false;
    }
    state.set(name, 'visiting');
    let ok = true;
    for (const dependency of [...(graph.get(name) ?? [])].sort()) {
      if (graph.has(dependency) && !visit(dependency, [...path, name])) ok = false;
    }
    state.set(name, ok ? 'done' : 'cyclic');
    if (ok) order.push(name);
    return ok;
  };
  for (const name of [...graph.keys()].sort()) visit(name, []);
  return { order, cycles };
}
