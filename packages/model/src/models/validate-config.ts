import { ConfigError } from '../errors.js';
import { CELL_TYPES, KERNEL_INITS, POOLING_TYPES, RECURRENT_INITS, RNN_IMPLEMENTATIONS, type ClassifierConfig } from './classifier-config.js';

function positiveInt(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function rate(value: unknown): boolean {
  return typeof value === 'number' && value >= 0 && value < 1;
}

/**
 * Checks a ClassifierConfig completely and reports every problem at once.
 * @throws {ConfigError} listing each invalid field with the value it got.
 */
export function validateClassifierConfig(config: ClassifierConfig): void {
  const problems: string[] = [];
  const { input, output } = config;
  if (input.kind === 'tokens') {
    if (!positiveInt(input.vocabSize) || input.vocabSize < 3)
      problems.push(`input.vocabSize must be an integer ≥ 3 (pad, OOV, one word), got ${input.vocabSize}`);
    if (!positiveInt(input.maxLen)) problems.push(`input.maxLen must be a positive integer, got ${input.maxLen}`);
    if (input.embeddingDim !== undefined && !positiveInt(input.embeddingDim))
      problems.push(`input.embeddingDim must be a positive integer, got ${input.embeddingDim}`);
  } else if (input.kind === 'sequence') {
    if (!positiveInt(input.timesteps)) problems.push(`input.timesteps must be a positive integer, got ${input.timesteps}`);
    if (!positiveInt(input.features)) problems.push(`input.features must be a positive integer, got ${input.features}`);
  } else {
    problems.push(`input.kind must be 'tokens' or 'sequence'`);
  }
  if (output.kind === 'classification' && (!positiveInt(output.classes) || output.classes < 2)) {
    problems.push(`output.classes must be an integer ≥ 2, got ${output.classes}`);
  }
  if (!(CELL_TYPES as readonly string[]).includes(config.cell)) problems.push(`cell must be one of ${CELL_TYPES.join(', ')}, got '${config.cell}'`);
  if (!positiveInt(config.units)) problems.push(`units must be a positive integer, got ${config.units}`);
  const layers = config.layers ?? 1;
  if (!positiveInt(layers) || layers > 3) problems.push(`layers must be 1, 2 or 3, got ${layers}`);
  if (config.activation !== undefined) {
    if (config.activation !== 'tanh' && config.activation !== 'relu') problems.push(`activation must be 'tanh' or 'relu', got '${String(config.activation)}'`);
    else if (config.cell !== 'simple' && config.activation !== 'tanh')
      problems.push(`activation '${config.activation}' applies only to the simple cell, not '${config.cell}'`);
  }
  if (config.dropout !== undefined && !rate(config.dropout)) problems.push(`dropout must be in [0, 1), got ${config.dropout}`);
  if (config.recurrentDropout !== undefined) {
    if (!rate(config.recurrentDropout)) problems.push(`recurrentDropout must be in [0, 1), got ${config.recurrentDropout}`);
    else if (config.cell === 'loop' && config.recurrentDropout > 0) {
      problems.push(
        `recurrentDropout is not supported by the loop cell (its dropout already acts inside the step); condition it on the cell (when: { cell: [simple, lstm, gru] })`,
      );
    }
  }
  if (config.pooling !== undefined && !(POOLING_TYPES as readonly string[]).includes(config.pooling))
    problems.push(`pooling must be one of ${POOLING_TYPES.join(', ')}, got '${config.pooling}'`);
  const init = config.init ?? {};
  if (init.kernel !== undefined && !(KERNEL_INITS as readonly string[]).includes(init.kernel))
    problems.push(`init.kernel must be one of ${KERNEL_INITS.join(', ')}, got '${init.kernel}'`);
  if (init.recurrent !== undefined && !(RECURRENT_INITS as readonly string[]).includes(init.recurrent))
    problems.push(`init.recurrent must be one of ${RECURRENT_INITS.join(', ')}, got '${init.recurrent}'`);
  if (config.rnnImplementation !== undefined && !(RNN_IMPLEMENTATIONS as readonly string[]).includes(config.rnnImplementation)) {
    problems.push(`rnnImplementation must be one of ${RNN_IMPLEMENTATIONS.join(', ')}, got '${String(config.rnnImplementation)}'`);
  }
  if (!Number.isInteger(config.seed)) problems.push(`seed must be an integer, got ${config.seed}`);
  if (problems.length > 0) throw new ConfigError(`invalid model config:\n  ${problems.join('\n  ')}`);
}
