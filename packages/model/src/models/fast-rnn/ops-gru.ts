/**
 * GRU recurrence (tfjs-layers/Keras "reset before", gates z, r, h) in tfjs ops with the backward
 * pass through time written out. Two matMuls per step each way; step-independent coefficients
 * are computed for all timesteps at once.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { RecurrenceInputs } from './recurrence.js';
import { expandMask, FLUSH_OFFSET, maskColumn, previousStates, sumOuterOverTime, timeSteps } from './time-steps.js';

export function gruRecurrence(inputs: RecurrenceInputs): tf.Tensor3D {
  const { mask, recurrentDropoutMask: dropMask } = inputs;
  const [steps, batch, width] = inputs.xProj.shape;
  const units = width / 3;

  const run = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xProj, kernel, save] = args as [tf.Tensor3D, tf.Tensor, tf.GradSaveFunc];
    const [outputs, gates, candidates] = tf.tidy(() => {
      const [xGates, xCandidate] = tf.split<tf.Tensor3D>(xProj, [2 * units, units], 2);
      const [kGates, kCandidate] = tf.split<tf.Tensor>(kernel, [2 * units, units], 1);
      const xgs = timeSteps(xGates!);
      const xcs = timeSteps(xCandidate!);
      const ms = mask ? timeSteps(expandMask(mask, units)) : undefined;
      let h: tf.Tensor = tf.zeros([batch, units]);
      const hs: tf.Tensor[] = [];
      const ss: tf.Tensor[] = [];
      const cs: tf.Tensor[] = [];
      for (let t = 0; t < steps; t++) {
        const input = dropMask ? tf.mul(h, dropMask) : h;
        const s = tf.sigmoid(tf.add(tf.matMul(input, kGates!), xgs[t] as tf.Tensor));
        const [z, reset] = tf.split<tf.Tensor>(s, 2, 1);
        const candidate = tf.tanh(tf.add(tf.matMul(tf.mul(reset!, input), kCandidate!), xcs[t] as tf.Tensor));
        // The carry uses the undropped state, as Keras does (CONTRACT.md).
        const hn = tf.add(candidate, tf.mul(z!, tf.sub(h, candidate)));
        const m = ms?.[t];
        h = m ? tf.where(m, hn, h) : hn;
        ss.push(s);
        cs.push(candidate);
        hs.push(h);
      }
      return [tf.stack(hs), tf.stack(ss), tf.stack(cs)] as tf.Tensor3D[];
    });
    save([gates!, candidates!, outputs!, kernel, ...(mask ? [mask] : []), ...(dropMask ? [dropMask] : [])]);
    return {
      value: outputs!,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => gruBackward(dy as tf.Tensor3D, saved, mask !== undefined, dropMask !== undefined),
    };
  });
  return run(inputs.xProj, inputs.recurrentKernel);
}

function gruBackward(dy: tf.Tensor3D, saved: tf.Tensor[], masked: boolean, dropped: boolean): tf.Tensor[] {
  const [gates, candidate, h, kernel] = saved as [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D, tf.Tensor];
  const mask = masked ? (saved[4] as tf.Tensor) : undefined;
  const dropMask = dropped ? (saved[masked ? 5 : 4] as tf.Tensor) : undefined;
  const [steps, , units] = h.shape;
  return tf.tidy(() => {
    const one = tf.scalar(1);
    const [z, reset] = tf.split<tf.Tensor3D>(gates, 2, 2);
    const hPrev = previousStates(h);
    const input = dropMask ? tf.mul<tf.Tensor3D>(hPrev, dropMask) : hPrev;
    const m = mask ? maskColumn(mask) : undefined;
    const masked3 = (x: tf.Tensor) => (m ? tf.mul(x, m) : x);
    // With dh the gradient of h_t: da_h = dh·P1, da_z = dh·P2, da_r = dq·Q, and dh_{t−1} gets
    // dh·Zc + (dq·ρ + da_zr·U_zrᵀ)∘drop, where q = ρ∘(h_{t−1}∘drop) feeds the candidate's matMul.
    const p1 = masked3(tf.mul(tf.sub(one, z!), tf.sub(one, tf.square(candidate))));
    const p2 = masked3(tf.mul(tf.sub(hPrev, candidate), tf.mul(z!, tf.sub(one, z!))));
    const q = tf.mul(input, tf.mul(reset!, tf.sub(one, reset!)));
    const zc = m ? tf.add(tf.mul(z!, m), tf.sub(one, m)) : z!;
    const p1s = timeSteps(p1);
    const p2s = timeSteps(p2);
    const qs = timeSteps(q);
    const rs = timeSteps(reset!);
    const zcs = timeSteps(zc);
    const dys = timeSteps(tf.add(dy, FLUSH_OFFSET));
    const [kGates, kCandidate] = tf.split<tf.Tensor>(kernel, [2 * units, units], 1);
    const kGatesT = tf.transpose(kGates!);
    const kCandidateT = tf.transpose(kCandidate!);
    const offset = tf.scalar(FLUSH_OFFSET);

    let dh = tf.sub(dys[steps - 1] as tf.Tensor, offset);
    const dGates = new Array<tf.Tensor>(steps);
    const dCandidates = new Array<tf.Tensor>(steps);
    for (let t = steps - 1; t >= 0; t--) {
      const step = tf.tidy(() => {
        const daH = tf.mul(dh, p1s[t] as tf.Tensor);
        const dq = tf.matMul(daH, kCandidateT);
        const daZR = tf.concat([tf.mul(dh, p2s[t] as tf.Tensor), tf.mul(dq, qs[t] as tf.Tensor)], 1);
        if (t === 0) return { daH, daZR, dh };
        let back = tf.add(tf.mul(dq, rs[t] as tf.Tensor), tf.matMul(daZR, kGatesT));
        if (dropMask) back = tf.mul(back, dropMask);
        const next = tf.sub(tf.add(tf.add(tf.mul(dh, zcs[t] as tf.Tensor), back), dys[t - 1] as tf.Tensor), offset);
        return { daH, daZR, dh: next };
      });
      dGates[t] = step.daZR;
      dCandidates[t] = step.daH;
      if (step.dh !== dh) dh.dispose();
      dh = step.dh;
    }
    const dxGates = tf.stack(dGates) as tf.Tensor3D;
    const dxCandidate = tf.stack(dCandidates) as tf.Tensor3D;
    const dKernel = tf.concat([sumOuterOverTime(input, dxGates), sumOuterOverTime(tf.mul<tf.Tensor3D>(reset!, input), dxCandidate)], 1);
    return [tf.concat([dxGates, dxCandidate], 2), dKernel];
  });
}
