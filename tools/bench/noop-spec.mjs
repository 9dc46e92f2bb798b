// The sweep both overhead benchmarks run (orchestration, distributed): `noop` trials with one
// report each, so what is measured is the machinery around a trial, not the trial.
import { parseSweepSpec } from '@loopsweep/core';

/** A random-sampler `noop` sweep of `trials` trials named `name`. */
export function noopOverheadSpec(name, trials) {
  return parseSweepSpec(`
name: ${name}
objective: noop
metric: { name: value, goal: minimize }
budget: { trials: ${trials}, max_epochs: 1 }
sampler: { type: random, seed: 1 }
parameters:
  x: { uniform: [-5, 10] }
  y: { uniform: [0, 15] }
  opt: { values: [sgd, adam] }
`);
}
