import type { FrozenTrial } from '../../trial/frozen-trial.js';

/**
 * Optuna's group decomposition of a conditional space: the params of the finished (COMPLETE or
 * PRUNED) trials split into the largest groups whose members always appeared together, each
 * group's names sorted. Each trial's param set cuts every group into the part inside it and the
 * part outside, and adds its unseen params as a new group, in trial order, as Optuna's
 * _SearchSpaceGroup does. A param set seen before changes nothing (it is already a union of
 * groups), so each distinct set is applied once: O(trials) with few distinct sets.
 */
export function decomposeGroups(trials: readonly FrozenTrial[]): string[][] {
  let groups: string[][] = [];
  const seen = new Set<string>();
  let previous: string[] = [];
  for (const trial of trials) {
    if (trial.state !== 'COMPLETE' && trial.state !== 'PRUNED') continue;
    // Most trials have the same params as the one before: checked without allocating.
    if (hasExactly(trial.params, previous)) continue;
    const names = Object.keys(trial.params);
    previous = names;
    // Unsorted: params are assigned in the space's order, so equal sets almost always come in the
    // same order, and a set applied twice changes nothing anyway.
    const key = names.join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    const unseen = new Set(names);
    const next: string[][] = [];
    for (const group of groups) {
      next.push(group.filter((name) => unseen.has(name)));
      next.push(group.filter((name) => !unseen.has(name)));
      for (const name of group) unseen.delete(name);
    }
    next.push([...unseen]);
    groups = next.filter((group) => group.length > 0);
  }
  return groups.map((group) => [...group].sort());
}

function hasExactly(params: FrozenTrial['params'], names: readonly string[]): boolean {
  let count = 0;
  for (const name in params) {
    if (!names.includes(name)) return false;
    count++;
  }
  return count === names.length && count > 0;
}

/** The params present in every finished trial (Optuna's intersection search space, pruned trials included), sorted. */
export function intersectionOfParams(trials: readonly FrozenTrial[]): string[] {
  let common: Set<string> | undefined;
  for (const trial of trials) {
    if (trial.state !== 'COMPLETE' && trial.state !== 'PRUNED') continue;
    common = common === undefined ? new Set(Object.keys(trial.params)) : new Set([...common].filter((name) => name in trial.params));
  }
  return common === undefined ? [] : [...common].sort();
}
