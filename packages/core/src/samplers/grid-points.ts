import { SweepError } from '../errors/sweep-error.js';
import { enumerate, type ParamValue, type Params } from '../search-space/distributions.js';
import { isActive, type SearchSpace } from '../search-space/search-space.js';

/**
 * Every point of a grid over `space`, in spec order (the first param varies slowest). The space is
 * walked as a tree: a conditional param multiplies only the branches where it is active, so
 * `momentum` (when optimizer = momentum) adds its values to one optimizer, not to all five.
 * A space with no params has one point, {}.
 * @throws {SweepError} code 'SAMPLER' when a param has no finite list of values (a float without
 *   a step); spec validation should have refused such a grid.
 */
export function gridPoints(space: SearchSpace): Params[] {
  const values = space.params.map((definition) => {
    const list = enumerate(definition.distribution);
    if (list === undefined) {
      throw new SweepError('SAMPLER', `grid: parameter '${definition.name}' has no finite list of values (give it values or a step)`);
    }
    return list;
  });
  const points: Params[] = [];
  const assigned: Record<string, ParamValue> = {};
  const visit = (index: number): void => {
    const definition = space.params[index];
    if (definition === undefined) {
      points.push({ ...assigned });
      return;
    }
    if (!isActive(definition, assigned)) {
      visit(index + 1);
      return;
    }
    for (const value of values[index] ?? []) {
      assigned[definition.name] = value;
      visit(index + 1);
    }
    // Later siblings must not see this param as assigned when they test their conditions.
    delete assigned[definition.name];
  };
  visit(0);
  return points;
}

/**
 * A key equal for equal params whatever their key order (JSON keeps 1, '1' and true apart), so a
 * trial's params read back from storage match the grid point they came from.
 */
export function pointKey(params: Params): string {
  return JSON.stringify(
    Object.keys(params)
      .sort()
      .map((name) => [name, params[name]]),
  );
}
