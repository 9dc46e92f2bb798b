#!/usr/bin/env node
// GP sampler cost per ask: the median milliseconds of `sample` on a stored history of 50, 100,
// 200 and 300 COMPLETE trials, for a 2-dim (continuous), a 6-dim and an 8-dim (mixed: log floats,
// ints, a stepped float, categoricals) space. The history is random search on a smooth objective,
// so the fit and the acquisition see realistic data. Uses the built @loopsweep/core: build first
// (`npx tsc -p packages/core/tsconfig.build.json`). Run on a quiet machine; note `uptime`.
//
//   npm run bench:gp -- [--asks 7]
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { GpSampler, RandomSampler } from '@loopsweep/core';

const { values } = parseArgs({ options: { asks: { type: 'string', default: '7' } } });
const asks = Number(values.asks);

const float = (name, low, high, log = false) => ({ name, distribution: { kind: 'float', low, high, log } });
const int = (name, low, high, log = false, step = 1) => ({ name, distribution: { kind: 'int', low, high, log, step } });
const categorical = (name, choices) => ({ name, distribution: { kind: 'categorical', choices } });

const spaces = {
  '2-dim': [float('x', -5, 10), float('y', 0, 15)],
  '6-dim': [
    float('lr', 1e-5, 1e-1, true),
    float('dropout', 0, 0.5),
    int('units', 16, 512, true),
    int('layers', 1, 8),
    categorical('optimizer', ['sgd', 'adam', 'rmsprop']),
    float('wd', 1e-6, 1e-2, true),
  ],
  '8-dim': [
    float('lr', 1e-5, 1e-1, true),
    float('dropout', 0, 0.5),
    int('units', 16, 512, true),
    int('layers', 1, 8),
    categorical('optimizer', ['sgd', 'adam', 'rmsprop']),
    float('wd', 1e-6, 1e-2, true),
    float('warmup', 0, 0.3, false),
    int('batch', 16, 256, false, 16),
  ],
};

/** A smooth objective of any params: a bowl in each numeric coordinate's (log) value, plus a categorical offset. */
function objective(space, params) {
  let sum = 0;
  for (const { name, distribution: d } of space) {
    const v = params[name];
    if (d.kind === 'categorical') sum += d.choices.indexOf(v) * 0.3;
    else {
      const t = d.log ? (Math.log(v) - Math.log(d.low)) / (Math.log(d.high) - Math.log(d.low)) : (v - d.low) / (d.high - d.low);
      sum += (t - 0.37) ** 2 + 0.1 * Math.sin(9 * t);
    }
  }
  return sum;
}

function history(space, n) {
  const random = new RandomSampler({ seed: 42 });
  const trials = [];
  for (let number = 0; number < n; number++) {
    const params = random.sample({ space: { params: space }, trials, number, direction: 'minimize' });
    trials.push({ number, state: 'COMPLETE', params, value: objective(space, params), intermediate: new Map(), attempt: 1 });
  }
  return trials;
}

function medianAskMs(space, n) {
  const trials = history(space, n);
  const sampler = new GpSampler({ seed: 7 });
  const times = [];
  // One untimed ask warms the JIT for this size.
  sampler.sample({ space: { params: space }, trials, number: n, direction: 'minimize' });
  for (let k = 0; k < asks; k++) {
    const started = performance.now();
    sampler.sample({ space: { params: space }, trials, number: n + 1 + k, direction: 'minimize' });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

console.log(
  `GP sampler: median ms per ask over ${asks} asks (load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')})`,
);
const sizes = [50, 100, 200, 300];
console.log(['space', ...sizes.map((n) => `n=${n}`)].join('\t'));
for (const [label, space] of Object.entries(spaces)) {
  console.log([label, ...sizes.map((n) => medianAskMs(space, n).toFixed(1))].join('\t'));
}
console.log(
  `load average after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
