// A user objective for loopsweep: the default export is called once per trial with the trial's
// params and a context; it reports one step at a time and returns the final value.
//
//   sweep run examples/custom-objective/sweep.yaml
//
// This one needs no model: it "trains" a deterministic curve that approaches a score that depends on
// the params (best near x = 0.3 with shape 'smooth'), so every run of the sweep gives the same
// numbers. Replace the loop with your own training.

/**
 * @param {{ x: number, shape: string, steps?: number }} params
 * @param {{ report(step: number, metrics: Record<string, number>): void | Promise<void>,
 *           signal?: AbortSignal, seed: number, maxEpochs?: number, log?(message: string): void }} ctx
 * @returns {Promise<Record<string, number>>} the final metrics (they must include the spec's metric)
 */
export default async function objective(params, ctx) {
  const steps = ctx.maxEpochs ?? 5;
  const target = score(params.x, params.shape);
  ctx.log?.(`custom objective: x=${params.x} shape=${params.shape}, ${steps} steps`);
  let loss = 1;
  for (let step = 1; step <= steps; step++) {
    // Honour pruning and Ctrl-C: stop as soon as the signal fires.
    ctx.signal?.throwIfAborted();
    await new Promise((resolve) => setTimeout(resolve, 20));
    loss = target + (1 - target) * Math.exp(-step);
    await ctx.report(step, { loss, score: 1 - loss });
  }
  return { loss, score: 1 - loss };
}

/** Lowest (best) at x = 0.3; 'rough' adds a penalty, 'smooth' none. */
function score(x, shape) {
  const penalty = shape === 'rough' ? 0.1 : 0;
  return Math.min(0.99, (x - 0.3) ** 2 + 0.05 + penalty);
}
