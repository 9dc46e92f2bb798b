/**
 * Which weights are decayed (L2 penalty or AdamW's decoupled decay).
 *
 * Usual practice (BERT, Loshchilov & Hutter's reference code): biases and normalization scales and
 * offsets are not decayed. Shrinking a bias or a LayerNorm gain towards 0 does not regularize the
 * function the network computes, it only distorts it.
 */

/** tfjs-layers appends `_<n>` to a variable name that is already taken (`out/bias_1`). */
const UNIQUE_SUFFIX = /_\d+$/;

/**
 * Whether weight decay applies to the variable of this name.
 *
 * Exempt: a variable whose last path segment (after the last `/`, without tfjs-layers' `_<n>`
 * uniqueness suffix) ends in `bias` or is `gamma` or `beta`, and every variable of a
 * `layer_normalization` or `batch_normalization` layer. Everything else is decayed: kernels,
 * recurrent kernels, embeddings.
 *
 * @param name the variable's name as tfjs registers it, e.g. `bi/forward_lstm_LSTM1/kernel`
 * @returns true when the variable is decayed
 */
export function decaysWeight(name: string): boolean {
  if (name.includes('layer_normalization') || name.includes('batch_normalization')) return false;
  const last = name.slice(name.lastIndexOf('/') + 1).replace(UNIQUE_SUFFIX, '');
  return !(last.endsWith('bias') || last === 'gamma' || last === 'beta');
}
