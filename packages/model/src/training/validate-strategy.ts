import { ConfigError } from '../errors.js';
import { EMBEDDING_UPDATES, LAZY_OPTIMIZERS, type TrainingStrategy } from './strategy.js';
import type { TrainingData } from './training-data.js';

/**
 * Checks the loop-level fields of a strategy against the data it will train on. Optimizer,
 * schedule and clipping configs are checked by their own factories.
 * @throws {ConfigError} listing every problem.
 */
export function validateStrategy(strategy: TrainingStrategy, data: TrainingData): void {
  const problems: string[] = [];
  const positiveInt = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value > 0;
  if (!positiveInt(strategy.batchSize)) problems.push(`batchSize must be a positive integer, got ${strategy.batchSize}`);
  if (!positiveInt(strategy.epochs)) problems.push(`epochs must be a positive integer, got ${strategy.epochs}`);
  if (!Number.isInteger(strategy.seed)) problems.push(`seed must be an integer, got ${strategy.seed}`);
  if (strategy.truncation !== undefined) {
    if (!positiveInt(strategy.truncation)) problems.push(`truncation must be a positive integer, got ${strategy.truncation}`);
    else if (!(data.train.x instanceof Int32Array))
      problems.push('truncation applies to token sequences (text datasets); the adding problem trains on whole sequences');
  }
  const weights = strategy.classWeights;
  if (weights !== undefined && weights !== 'balanced') {
    if (data.task !== 'classification') problems.push('classWeights apply to classification only');
    else if (!Array.isArray(weights) || weights.length !== data.classes || weights.some((w) => typeof w !== 'number' || !(w >= 0) || !Number.isFinite(w))) {
      problems.push(`classWeights must be 'balanced' or ${data.classes} non-negative numbers (one per class), got ${JSON.stringify(weights)}`);
    }
  }
  if (strategy.earlyStopping !== undefined) {
    const { patience, minDelta } = strategy.earlyStopping;
    if (!(Number.isInteger(patience) && patience >= 0)) problems.push(`earlyStopping.patience must be a non-negative integer, got ${patience}`);
    if (minDelta !== undefined && !(minDelta >= 0)) problems.push(`earlyStopping.minDelta must be ≥ 0, got ${minDelta}`);
  }
  const update = strategy.embeddingUpdate;
  if (update !== undefined && !(EMBEDDING_UPDATES as readonly unknown[]).includes(update)) {
    problems.push(`embeddingUpdate must be one of ${EMBEDDING_UPDATES.join(', ')}, got ${JSON.stringify(update)}`);
  } else if (update === 'lazy') {
    if (!(LAZY_OPTIMIZERS as readonly string[]).includes(strategy.optimizer.name)) {
      problems.push(`embeddingUpdate 'lazy' is defined for ${LAZY_OPTIMIZERS.join(', ')}; ${strategy.optimizer.name} updates every row (use 'dense')`);
    }
    if (!(data.train.x instanceof Int32Array))
      problems.push("embeddingUpdate 'lazy' applies to token sequences (text datasets); the adding problem has no embedding");
  }
  if (data.train.count === 0) problems.push('the training split is empty');
  if (data.validation.count === 0) problems.push('the validation split is empty (val_split must leave at least one example per class)');
  if (problems.length > 0) throw new ConfigError(`invalid training strategy:\n  ${problems.join('\n  ')}`);
}
