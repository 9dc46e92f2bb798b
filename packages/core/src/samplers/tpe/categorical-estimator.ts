/**
 * log P(choice) for a categorical param: each choice starts with priorWeight/k (so an unseen
 * choice keeps a chance), each observation adds its weight to the choice it took, then the whole
 * is normalized. `observed` holds choice indices, `weights` the observations' weights.
 */
export function categoricalLogProbabilities(choiceCount: number, observed: Int32Array, weights: Float64Array, priorWeight: number): Float64Array {
  const masses = new Float64Array(choiceCount).fill(priorWeight / choiceCount);
  let total = priorWeight;
  for (let i = 0; i < observed.length; i++) {
    const weight = weights[i] as number;
    const choice = observed[i] as number;
    masses[choice] = (masses[choice] as number) + weight;
    total += weight;
  }
  for (let c = 0; c < choiceCount; c++) masses[c] = Math.log((masses[c] as number) / total);
  return masses;
}
