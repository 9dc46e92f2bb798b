/**
 * The update rules of fused-rules.ts run by the WebAssembly kernel (native/optimizer_kernel.c) on
 * tfjs-wasm's heap: the same arithmetic, in float32 SIMD. The views a rule gets are of that heap,
 * so their byte offsets are the kernel's pointers. Scalars are passed as float32 values computed
 * exactly as the JavaScript rules compute them.
 */
import type { OptimizerKernel } from '../kernels/load-optimizer-kernel.js';
import type { AdamCoefficients, Decay, RuleSet, UpdateRule } from './fused-rules.js';

const f = Math.fround;

function slot(slots: readonly Float32Array[], k: number): number {
  return (slots[k] as Float32Array).byteOffset;
}

export function kernelRules(kernel: OptimizerKernel): RuleSet {
  return {
    sgd: (lr: number, decay: Decay): UpdateRule => {
      const c = f(-lr);
      const l2 = f(decay.l2);
      return (w, out, g, _slots, from, to) => kernel.sgd(w.byteOffset, out.byteOffset, g.byteOffset, from, to, c, l2);
    },
    momentum: (lr: number, momentum: number, nesterov: boolean, decay: Decay): UpdateRule => {
      const c = f(-lr);
      const m = f(momentum);
      const l2 = f(decay.l2);
      return (w, out, g, slots, from, to) => kernel.momentum(w.byteOffset, out.byteOffset, g.byteOffset, slot(slots, 0), from, to, c, m, nesterov ? 1 : 0, l2);
    },
    rmsprop: (lr: number, rho: number, momentum: number, epsilon: number, decay: Decay): UpdateRule => {
      const args = [f(lr), f(rho), f(1 - rho), f(momentum), f(epsilon), f(decay.l2)] as const;
      return (w, out, g, slots, from, to) => kernel.rmsprop(w.byteOffset, out.byteOffset, g.byteOffset, slot(slots, 0), slot(slots, 1), from, to, ...args);
    },
    adagrad: (lr: number, backendEpsilon: number, decay: Decay): UpdateRule => {
      const args = [f(-lr), f(backendEpsilon), f(decay.l2)] as const;
      return (w, out, g, slots, from, to) => kernel.adagrad(w.byteOffset, out.byteOffset, g.byteOffset, slot(slots, 0), from, to, ...args);
    },
    adam: (k: AdamCoefficients, decay: Decay): UpdateRule => {
      const args = [
        f(k.beta1),
        f(k.beta2),
        f(1 - k.beta1),
        f(1 - k.beta2),
        f(1 - k.accBeta1),
        f(1 - k.accBeta2),
        f(k.epsilon),
        f(-k.lr),
        f(decay.l2),
        f(decay.shrink),
      ] as const;
      return (w, out, g, slots, from, to) => kernel.adam(w.byteOffset, out.byteOffset, g.byteOffset, slot(slots, 0), slot(slots, 1), from, to, ...args);
    },
  };
}
