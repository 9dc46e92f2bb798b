// One core's sgemm rate with the project's own WebAssembly GEMM (native/gemm.h through the kernel's
// rnn_sgemm export), the yardstick both bench:kernel and bench:train state shares against: a
// step's useful FLOPs per second ÷ the best rate measured here ("the peak").
//
// Rates are 2·m·n·k FLOPs per product over this process's CPU time (process.cpuUsage: on a shared
// machine it leaves out time spent waiting for a core), the median of several samples of repeated
// products on operands placed once in the kernel's memory (packing B is inside each product, as in
// every recurrent step). The shapes are two squares and the products training runs at batch 32.
import { loadRnnKernel } from '@loopsweep/model';

/** label, shape; "why" says where training meets the shape. */
export const SGEMM_SHAPES = [
  { why: 'square', m: 256, n: 256, k: 256 },
  { why: 'square', m: 512, n: 512, k: 512 },
  { why: 'LSTM step h·U, H=64', m: 32, n: 256, k: 64 },
  { why: 'LSTM step h·U, H=256', m: 32, n: 1024, k: 256 },
  { why: 'input projection x·W, T·B=3200, LSTM H=64', m: 3200, n: 256, k: 64 },
  { why: 'input kernel gradient xᵀ·dXProj', m: 64, n: 256, k: 3200, transposeA: true },
];

export const shapeLabel = ({ m, n, k, transposeA, transposeB }) => `${m}×${k}${transposeA ? 'ᵀ' : ''}·${k}×${n}${transposeB ? 'ᵀ' : ''}`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function cpuSeconds(fn) {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

/** GFLOP/s of one shape: median of `samples` samples of ~`sampleSeconds` CPU seconds each. */
export function measureSgemm(kernel, shape, { samples = 7, sampleSeconds = 0.02 } = {}) {
  const placed = kernel.placeSgemm(shape);
  // Values in (−1, 1) as training's; C grows by at most k per run, far from overflow.
  placed.a.forEach((_, i, a) => (a[i] = Math.sin(i)));
  placed.b.forEach((_, i, b) => (b[i] = Math.cos(i)));
  const flops = 2 * shape.m * shape.n * shape.k;
  // Warm-up, and how many products make one sample.
  let reps = 1;
  while (cpuSeconds(() => runTimes(placed, reps)) < sampleSeconds / 4) reps *= 2;
  reps = Math.max(
    1,
    Math.round(
      reps *
        4 *
        (sampleSeconds /
          4 /
          Math.max(
            cpuSeconds(() => runTimes(placed, reps)),
            1e-6,
          )),
    ),
  );
  const rates = Array.from({ length: samples }, () => (flops * reps) / cpuSeconds(() => runTimes(placed, reps)) / 1e9);
  return median(rates);
}

function runTimes(placed, times) {
  for (let i = 0; i < times; i++) placed.run();
}

/**
 * Every shape's rate and the best of them (about 1 s in all). `rows` keep SGEMM_SHAPES' order;
 * `peak` is { gflops, label, why } of the fastest.
 */
export function sgemmPeak({ kernel = loadRnnKernel(), shapes = SGEMM_SHAPES, samples, sampleSeconds } = {}) {
  const rows = shapes.map((shape) => ({ ...shape, label: shapeLabel(shape), gflops: measureSgemm(kernel, shape, { samples, sampleSeconds }) }));
  const best = rows.reduce((a, b) => (b.gflops > a.gflops ? b : a));
  return { rows, peak: { gflops: best.gflops, label: best.label, why: best.why } };
}

/** The rows as printed lines, the peak named last. */
export function formatSgemmPeak({ rows, peak }) {
  return [
    "sgemm, one core, the kernel's own GEMM (gemm.h 4×8 block, WebAssembly SIMD, no FMA); GFLOP/s per CPU second, median:",
    ...rows.map((r) => `  ${r.label.padEnd(20)} ${r.gflops.toFixed(1).padStart(6)}  ${r.why}`),
    `  peak: ${peak.gflops.toFixed(1)} GFLOP/s (${peak.label})`,
  ];
}
