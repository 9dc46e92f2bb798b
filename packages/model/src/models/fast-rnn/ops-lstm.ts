/**
 * LSTM recurrence in tfjs ops with the whole backward pass through time written out.
 *
 * Forward, per step: one matMul and a handful of element-wise ops. Backward: every coefficient
 * that does not depend on the incoming gradient (gate derivatives, masks) is computed for all
 * timesteps in a few large ops first, so each step of the backward loop is one matMul and about
 * ten small ops; the gradient of U is one matMul over all steps at the end.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { RecurrenceInputs } from './recurrence.js';
import { expandMask, FLUSH_OFFSET, maskColumn, previousStates, sumOuterOverTime, timeSteps } from './time-steps.js';

export function lstmRecurrence(inputs: RecurrenceInputs): tf.Tensor3D {
  const { mask, recurrentDropoutMask: dropMask } = inputs;
  const [steps, batch, width] = inputs.xProj.shape;
  const units = width / 4;

  const run = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xProj, kernel, save] = args as [tf.Tensor3D, tf.Tensor, tf.GradSaveFunc];
    const [outputs, preActivations, cellCandidates, cells] = tf.tidy(() => {
      const xs = timeSteps(xProj);
      const ms = mask ? timeSteps(expandMask(mask, units)) : undefined;
      let h: tf.Tensor = tf.zeros([batch, units]);
      let c: tf.Tensor = tf.zeros([batch, units]);
      const hs: tf.Tensor[] = [];
      const zs: tf.Tensor[] = [];
      const cns: tf.Tensor[] = [];
      const cs: tf.Tensor[] = [];
      for (let t = 0; t < steps; t++) {
        const input = dropMask ? tf.mul(h, dropMask) : h;
        const z = tf.add(tf.matMul(input, kernel), xs[t] as tf.Tensor);
        // Three slices, not tf.split: wasm's SplitV cost 4× as much per step here.
        const s = tf.sigmoid(z);
        const gate = (k: number, from = s) => tf.slice(from, [0, k * units], [batch, units]);
        const [i, f, o] = [gate(0), gate(1), gate(3)];
        const g = tf.tanh(gate(2, z));
        const cn = tf.add(tf.mul(f, c), tf.mul(i, g));
        const hn = tf.mul(o, tf.tanh(cn));
        const m = ms?.[t];
        c = m ? tf.where(m, cn, c) : cn;
        h = m ? tf.where(m, hn, h) : hn;
        zs.push(z);
        cns.push(cn);
        cs.push(c);
        hs.push(h);
      }
      return [tf.stack(hs), tf.stack(zs), tf.stack(cns), tf.stack(cs)] as tf.Tensor3D[];
    });
    save([preActivations!, cellCandidates!, cells!, outputs!, kernel, ...(mask ? [mask] : []), ...(dropMask ? [dropMask] : [])]);
    return {
      value: outputs!,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => lstmBackward(dy as tf.Tensor3D, saved, mask !== undefined, dropMask !== undefined),
    };
  });
  return run(inputs.xProj, inputs.recurrentKernel);
}

function lstmBackward(dy: tf.Tensor3D, saved: tf.Tensor[], masked: boolean, dropped: boolean): tf.Tensor[] {
  const [z, cn, c, h, kernel] = saved as [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D, tf.Tensor3D, tf.Tensor];
  const mask = masked ? (saved[5] as tf.Tensor) : undefined;
  const dropMask = dropped ? (saved[masked ? 6 : 5] as tf.Tensor) : undefined;
  const [steps, batch, units] = h.shape;
  return tf.tidy(() => {
    // Coefficients for every step at once.
    const [i, f, , o] = tf.split<tf.Tensor3D>(tf.sigmoid(z), 4, 2);
    const g = tf.tanh(tf.slice(z, [0, 0, 2 * units], [steps, batch, units]));
    const tanhC = tf.tanh(cn);
    const cPrev = previousStates(c);
    const m = mask ? maskColumn(mask) : undefined;
    const masked3 = (x: tf.Tensor) => (m ? tf.mul(x, m) : x);
    const one = tf.scalar(1);
    // dS = dc + dh·A is the gradient of the unmasked cell candidate; dz = [dS, dS, dS, dh]·B.
    const a = masked3(tf.mul(o!, tf.sub(one, tf.square(tanhC))));
    const b = masked3(
      tf.concat(
        [
          tf.mul(g, tf.mul(i!, tf.sub(one, i!))),
          tf.mul(cPrev, tf.mul(f!, tf.sub(one, f!))),
          tf.mul(i!, tf.sub(one, tf.square(g))),
          tf.mul(tanhC, tf.mul(o!, tf.sub(one, o!))),
        ],
        2,
      ),
    );
    const forget = masked3(f!);
    const as = timeSteps(a);
    const bs = timeSteps(b);
    const fs = timeSteps(forget);
    const carry = m ? timeSteps(tf.sub(one, m)) : undefined;
    const dys = timeSteps(tf.add(dy, FLUSH_OFFSET));
    const kernelT = tf.transpose(kernel);
    const offset = tf.scalar(FLUSH_OFFSET);

    let dh = tf.sub(dys[steps - 1] as tf.Tensor, offset);
    let dc: tf.Tensor | undefined;
    const dzs = new Array<tf.Tensor>(steps);
    for (let t = steps - 1; t >= 0; t--) {
      const step = tf.tidy(() => {
        let dS = tf.mul(dh, as[t] as tf.Tensor);
        dS = tf.sub(dc ? tf.add(tf.add(dS, dc), offset) : tf.add(dS, offset), offset);
        const dz = tf.mul(tf.concat([dS, dS, dS, dh], 1), bs[t] as tf.Tensor);
        let dcPrev = tf.mul(dS, fs[t] as tf.Tensor);
        const k = carry?.[t];
        if (k && dc) dcPrev = tf.add(dcPrev, tf.mul(dc, k));
        if (t === 0) return { dz, dc: dcPrev, dh };
        let back = tf.matMul(dz, kernelT);
        if (dropMask) back = tf.mul(back, dropMask);
        if (k) back = tf.add(back, tf.mul(dh, k));
        return { dz, dc: dcPrev, dh: tf.sub(tf.add(back, dys[t - 1] as tf.Tensor), offset) };
      });
      dzs[t] = step.dz;
      if (dc) dc.dispose();
      if (step.dh !== dh) dh.dispose();
      dc = step.dc;
      dh = step.dh;
    }
    const dxProj = tf.stack(dzs) as tf.Tensor3D;
    const hPrev = previousStates(h);
    const dKernel = sumOuterOverTime(dropMask ? tf.mul<tf.Tensor3D>(hPrev, dropMask) : hPrev, dxProj);
    return [dxProj, dKernel];
  });
}
