/**
 * The spec blocks the built-in objectives read, as they declare them (core's ObjectiveBlockSchemas):
 * what `sweep validate` and `sweep run` check a spec's `dataset` against, and what the editor
 * JSON Schema says about it.
 */
import type { ObjectiveBlockSchemas } from '@loopsweep/core';
// The light entry: the schema without TensorFlow.js, which the main thread never needs.
import { rnnTextDatasetSchema } from '@loopsweep/model/spec';
import type { BuiltInObjective } from './load-objective.js';

export const BUILT_IN_OBJECTIVE_BLOCKS: Readonly<Record<BuiltInObjective, ObjectiveBlockSchemas>> = {
  'rnn-text': { dataset: rnnTextDatasetSchema },
  // noop reads no data, so a dataset block there is a mistake (a copied spec, the wrong objective).
  noop: { dataset: false },
};

/**
 * The blocks `objective` declares: a built-in's, or undefined for a module objective (its blocks
 * pass unchecked) or an unknown name (refused elsewhere). Pass it as `objectiveBlocks` to
 * parseSweepSpec / validateSweepSpec.
 */
export function objectiveBlocks(objective: string): ObjectiveBlockSchemas | undefined {
  return Object.hasOwn(BUILT_IN_OBJECTIVE_BLOCKS, objective) ? BUILT_IN_OBJECTIVE_BLOCKS[objective as BuiltInObjective] : undefined;
}
