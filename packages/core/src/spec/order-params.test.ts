import { describe, expect, test } from 'vitest';
import { orderParams } from './order-params.js';

const graph = (edges: Readonly<Record<string, readonly string[]>>) => (name: string) => edges[name] ?? [];

describe('orderParams', () => {
  test('keeps the order when no parameter depends on a later one', () => {
    expect(orderParams(['a', 'b', 'c'], graph({ c: ['a'] }))).toEqual({ order: ['a', 'b', 'c'], cycles: [] });
  });

  test('moves a child after its parent, and nothing else', () => {
    expect(orderParams(['child', 'x', 'parent', 'y'], graph({ child: ['parent'] })).order).toEqual(['x', 'parent', 'child', 'y']);
  });

  test('waits for every parent', () => {
    expect(orderParams(['c', 'a', 'b'], graph({ c: ['a', 'b'] })).order).toEqual(['a', 'b', 'c']);
  });

  test('ignores unknown parents and self-dependence', () => {
    expect(orderParams(['a', 'b'], graph({ a: ['a', 'missing'] }))).toEqual({ order: ['a', 'b'], cycles: [] });
  });

  test('reports each cycle once and leaves out what hangs off it', () => {
    const result = orderParams(['dep', 'a', 'b', 'free', 'p', 'q'], graph({ dep: ['a'], a: ['b'], b: ['a'], p: ['q'], q: ['p'] }));
    expect(result.order).toEqual(['free']);
    expect(result.cycles).toEqual([
      ['a', 'b', 'a'],
      ['p', 'q', 'p'],
    ]);
  });
});
