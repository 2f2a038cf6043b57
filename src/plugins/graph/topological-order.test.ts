import { describe, expect, it } from 'vitest';
import { topologicalOrder } from './topological-order.js';

describe('topologicalOrder', () => {
  it('puts dependencies first and ignores names outside the graph', () => {
    const graph = new Map([
      ['inventory', ['farm_manager', 'core']],
      ['farm_manager', []],
      ['reports', ['inventory', 'farm_manager']],
    ]);
    expect(topologicalOrder(graph)).toEqual({ order: ['farm_manager', 'inventory', 'reports'], cycles: [] });
  });

  it('reports cycles and leaves their members (and what depends on them) out of the order', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['a']],
      ['c', ['a']],
      ['d', []],
    ]);
    const result = topologicalOrder(graph);
    expect(result.order).toEqual(['d']);
    expect(result.cycles).toEqual([['a', 'b', 'a']]);
  });
});
