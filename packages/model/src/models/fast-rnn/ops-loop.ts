/**
 * The loop cell's recurrence in tfjs ops with the backward pass through time written out:
 *
 *   a_t = relu(tanh(xProj_t + h_{t−1}·U1)) ∘ d1_t;   h_t = relu(tanh(a_t·W2 + b2)) ∘ d2_t
 *
 * relu(tanh(x)) = tanh(relu(x)), and its derivative from the output y is (1 − y²)·[y > 0], so the
 * backward needs only the saved outputs of both squashing layers.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ConfigError } from '../../errors.js';
import type { RecurrenceInputs } from './recurrence.js';
import { expandMask, FLUSH_OFFSET, maskColumn, previousStates, sumOuterOverTime, timeSteps } from './time-steps.js';

export function loopRecurrence(inputs: RecurrenceInputs): tf.Tensor3D {
  const { mask, loop } = inputs;
  if (!loop) throw new ConfigError('loop recurrence needs inputs.loop (kernel2, bias2)');
  const drops = loop.dropoutMasks;
  const [steps, batch, units] = inputs.xProj.shape;

  const run = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xProj, kernel1, kernel2, bias2, save] = args as [tf.Tensor3D, tf.Tensor, tf.Tensor, tf.Tensor1D, tf.GradSaveFunc];
    const [outputs, firsts, seconds, firstDropped] = tf.tidy(() => {
      const xs = timeSteps(xProj);
      const ms = mask ? timeSteps(expandMask(mask, units)) : undefined;
      const d1s = drops ? timeSteps(drops[0]) : undefined;
      const d2s = drops ? timeSteps(drops[1]) : undefined;
      let h: tf.Tensor = tf.zeros([batch, units]);
      const hs: tf.Tensor[] = [];
      const y1s: tf.Tensor[] = [];
      const y2s: tf.Tensor[] = [];
      const as: tf.Tensor[] = [];
      for (let t = 0; t < steps; t++) {
        const y1 = tf.tanh(tf.relu(tf.add(tf.matMul(h, kernel1), xs[t] as tf.Tensor)));
        const a = d1s ? tf.mul(y1, d1s[t] as tf.Tensor) : y1;
        const y2 = tf.tanh(tf.relu(tf.add(tf.matMul(a, kernel2), bias2)));
        const hn = d2s ? tf.mul(y2, d2s[t] as tf.Tensor) : y2;
        const m = ms?.[t];
        h = m ? tf.where(m, hn, h) : hn;
        y1s.push(y1);
        y2s.push(y2);
        as.push(a);
        hs.push(h);
      }
      const firsts = tf.stack(y1s) as tf.Tensor3D;
      return [tf.stack(hs), firsts, tf.stack(y2s), drops ? tf.stack(as) : firsts] as tf.Tensor3D[];
    });
    save([firsts!, seconds!, firstDropped!, outputs!, kernel1, kernel2, ...(mask ? [mask] : []), ...(drops ? [drops[0], drops[1]] : [])]);
    return {
      value: outputs!,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => loopBackward(dy as tf.Tensor3D, saved, mask !== undefined, drops !== undefined),
    };
  });
  return run(inputs.xProj, inputs.recurrentKernel, loop.kernel2, loop.bias2);
}

function loopBackward(dy: tf.Tensor3D, saved: tf.Tensor[], masked: boolean, dropped: boolean): tf.Tensor[] {
  const [y1, y2, a, h, kernel1, kernel2] = saved as [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D, tf.Tensor3D, tf.Tensor, tf.Tensor];
  const mask = masked ? (saved[6] as tf.Tensor) : undefined;
  const d1 = dropped ? (saved[masked ? 7 : 6] as tf.Tensor3D) : undefined;
  const d2 = dropped ? (saved[masked ? 8 : 7] as tf.Tensor3D) : undefined;
  const steps = h.shape[0];
  return tf.tidy(() => {
    const one = tf.scalar(1);
    const squashDerivative = (y: tf.Tensor3D) => tf.mul(tf.sub(one, tf.square(y)), tf.step(y));
    const m = mask ? maskColumn(mask) : undefined;
    let c2: tf.Tensor = squashDerivative(y2);
    if (d2) c2 = tf.mul(c2, d2);
    if (m) c2 = tf.mul(c2, m);
    const c1 = d1 ? tf.mul(squashDerivative(y1), d1) : squashDerivative(y1);
    const c2s = timeSteps(c2);
    const c1s = timeSteps(c1);
    const carry = m ? timeSteps(tf.sub(one, m)) : undefined;
    const dys = timeSteps(tf.add(dy, FLUSH_OFFSET));
    const kernel1T = tf.transpose(kernel1);
    const kernel2T = tf.transpose(kernel2);
    const offset = tf.scalar(FLUSH_OFFSET);

    let dh = tf.sub(dys[steps - 1] as tf.Tensor, offset);
    const dqs = new Array<tf.Tensor>(steps);
    const dps = new Array<tf.Tensor>(steps);
    for (let t = steps - 1; t >= 0; t--) {
      const step = tf.tidy(() => {
        const dq = tf.mul(dh, c2s[t] as tf.Tensor);
        const dp = tf.mul(tf.matMul(dq, kernel2T), c1s[t] as tf.Tensor);
        if (t === 0) return { dq, dp, dh };
        let back = tf.matMul(dp, kernel1T);
        const k = carry?.[t];
        if (k) back = tf.add(back, tf.mul(dh, k));
        return { dq, dp, dh: tf.sub(tf.add(back, dys[t - 1] as tf.Tensor), offset) };
      });
      dqs[t] = step.dq;
      dps[t] = step.dp;
      if (step.dh !== dh) dh.dispose();
      dh = step.dh;
    }
    const dQ = tf.stack(dqs) as tf.Tensor3D;
    const dP = tf.stack(dps) as tf.Tensor3D;
    const dKernel1 = sumOuterOverTime(previousStates(h), dP);
    const dKernel2 = sumOuterOverTime(a, dQ);
    const dBias2 = tf.sum(dQ, [0, 1]);
    return [dP, dKernel1, dKernel2, dBias2];
  });
}
