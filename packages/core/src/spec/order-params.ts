/** The result of ordering parameters by their conditions. */
export interface ParamOrder {
  /** Every name not caught in (or behind) a cycle, parents first, otherwise in the given order. */
  readonly order: readonly string[];
  /** Each cycle once, as the names along it, back to the first: [a, b, a]. */
  readonly cycles: readonly (readonly string[])[];
}

/**
 * Orders `names` so that every parent comes before the names that depend on it, keeping the given
 * order wherever the conditions allow (each step takes the earliest name whose parents are all
 * placed). `parentsOf` lists a name's parents; names outside `names` are ignored (they are
 * reported as unknown elsewhere), and so is a name's dependence on itself.
 */
export function orderParams(names: readonly string[], parentsOf: (name: string) => readonly string[]): ParamOrder {
  const known = new Set(names);
  const parents = new Map(names.map((name) => [name, parentsOf(name).filter((parent) => known.has(parent) && parent !== name)]));
  const placed = new Set<string>();
  const order: string[] = [];
  for (;;) {
    const next = names.find((name) => !placed.has(name) && (parents.get(name) ?? []).every((parent) => placed.has(parent)));
    if (next === undefined) break;
    placed.add(next);
    order.push(next);
  }
  return {
    order,
    cycles: findCycles(
      names.filter((name) => !placed.has(name)),
      parents,
    ),
  };
}

/**
 * Every name left unplaced is on a cycle or depends on one. Walking up from each through its
 * unplaced parents must come back to a name already on the walk: that stretch is a cycle.
 */
function findCycles(left: readonly string[], parents: ReadonlyMap<string, readonly string[]>): string[][] {
  const unplaced = new Set(left);
  const onCycle = new Set<string>();
  const cycles: string[][] = [];
  for (const start of left) {
    if (onCycle.has(start)) continue;
    const walk: string[] = [];
    let current: string | undefined = start;
    while (current !== undefined && !walk.includes(current) && !onCycle.has(current)) {
      walk.push(current);
      current = (parents.get(current) ?? []).find((parent) => unplaced.has(parent));
    }
    if (current === undefined || onCycle.has(current)) continue;
    const cycle = walk.slice(walk.indexOf(current));
    cycle.forEach((name) => onCycle.add(name));
    cycles.push([...cycle, current]);
  }
  return cycles;
}
