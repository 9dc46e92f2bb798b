/**
 * Simple (Elman) recurrence, tanh or relu, in tfjs ops with the backward pass through time
 * written out: per step one matMul and a few element-wise ops each way.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { RecurrenceInputs } from './recurrence.js';
import { expandMask, FLUSH_OFFSET, maskColumn, previousStates, sumOuterOverTime, timeSteps } from './time-steps.js';

export function simpleRecurrence(inputs: RecurrenceInputs): tf.Tensor3D {
  const { mask, recurrentDropoutMask: dropMask, activation } = inputs;
  const [steps, batch, units] = inputs.xProj.shape;
  const act = activation === 'relu' ? tf.relu : tf.tanh;

  const run = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xProj, kernel, save] = args as [tf.Tensor3D, tf.Tensor, tf.GradSaveFunc];
    const [outputs, candidates] = tf.tidy(() => {
      const xs = timeSteps(xProj);
      const ms = mask ? timeSteps(expandMask(mask, units)) : undefined;
      let h: tf.Tensor = tf.zeros([batch, units]);
      const hs: tf.Tensor[] = [];
      const hns: tf.Tensor[] = [];
      for (let t = 0; t < steps; t++) {
        const input = dropMask ? tf.mul(h, dropMask) : h;
        const hn = act(tf.add(tf.matMul(input, kernel), xs[t] as tf.Tensor));
        const m = ms?.[t];
        h = m ? tf.where(m, hn, h) : hn;
        hns.push(hn);
        hs.push(h);
      }
      const outputs = tf.stack(hs) as tf.Tensor3D;
      return [outputs, mask ? (tf.stack(hns) as tf.Tensor3D) : outputs];
    });
    save([candidates, outputs, kernel, ...(mask ? [mask] : []), ...(dropMask ? [dropMask] : [])]);
    return {
      value: outputs,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => simpleBackward(dy as tf.Tensor3D, saved, activation, mask !== undefined, dropMask !== undefined),
    };
  });
  return run(inputs.xProj, inputs.recurrentKernel);
}

function simpleBackward(dy: tf.Tensor3D, saved: tf.Tensor[], activation: 'tanh' | 'relu', masked: boolean, dropped: boolean): tf.Tensor[] {
  const [candidates, h, kernel] = saved as [tf.Tensor3D, tf.Tensor3D, tf.Tensor];
  const mask = masked ? (saved[3] as tf.Tensor) : undefined;
  const dropMask = dropped ? (saved[masked ? 4 : 3] as tf.Tensor) : undefined;
  const steps = h.shape[0];
  return tf.tidy(() => {
    const one = tf.scalar(1);
    // The activation's derivative from its output: 1 − y² for tanh, [y > 0] for relu.
    let derivative: tf.Tensor = activation === 'relu' ? tf.step(candidates) : tf.sub(one, tf.square(candidates));
    const m = mask ? maskColumn(mask) : undefined;
    if (m) derivative = tf.mul(derivative, m);
    const ds = timeSteps(derivative);
    const carry = m ? timeSteps(tf.sub(one, m)) : undefined;
    const dys = timeSteps(tf.add(dy, FLUSH_OFFSET));
    const kernelT = tf.transpose(kernel);
    const offset = tf.scalar(FLUSH_OFFSET);

    let dh = tf.sub(dys[steps - 1] as tf.Tensor, offset);
    const das = new Array<tf.Tensor>(steps);
    for (let t = steps - 1; t >= 0; t--) {
      const step = tf.tidy(() => {
        const da = tf.mul(dh, ds[t] as tf.Tensor);
        if (t === 0) return { da, dh };
        let back = tf.matMul(da, kernelT);
        if (dropMask) back = tf.mul(back, dropMask);
        const k = carry?.[t];
        if (k) back = tf.add(back, tf.mul(dh, k));
        return { da, dh: tf.sub(tf.add(back, dys[t - 1] as tf.Tensor), offset) };
      });
      das[t] = step.da;
      if (step.dh !== dh) dh.dispose();
      dh = step.dh;
    }
    const dxProj = tf.stack(das) as tf.Tensor3D;
    const hPrev = previousStates(h);
    return [dxProj, sumOuterOverTime(dropMask ? tf.mul<tf.Tensor3D>(hPrev, dropMask) : hPrev, dxProj)];
  });
}
