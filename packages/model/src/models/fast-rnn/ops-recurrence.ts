/**
 * The tfjs-ops implementation of Recurrence: runs on every backend (wasm, cpu, webgpu, native).
 */
import type { Recurrence } from './recurrence.js';
import { gruRecurrence } from './ops-gru.js';
import { loopRecurrence } from './ops-loop.js';
import { lstmRecurrence } from './ops-lstm.js';
import { simpleRecurrence } from './ops-simple.js';

export const opsRecurrence: Recurrence = (inputs) => {
  switch (inputs.cell) {
    case 'simple':
      return simpleRecurrence(inputs);
    case 'lstm':
      return lstmRecurrence(inputs);
    case 'gru':
      return gruRecurrence(inputs);
    case 'loop':
      return loopRecurrence(inputs);
  }
};
