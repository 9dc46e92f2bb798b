/**
 * Errors thrown by @loopsweep/model. Each carries a stable `code` so callers (the runner, the CLI)
 * can map them without matching message text; `cause` is passed through untouched.
 */
export type ModelErrorCode = 'DATASET' | 'PARAMS' | 'BACKEND' | 'DIVERGED' | 'ABORTED' | 'MODEL_IO' | 'CONFIG';

export class ModelError extends Error {
  readonly code: ModelErrorCode;

  constructor(code: ModelErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ModelError';
    this.code = code;
  }
}

/** A dataset could not be loaded: missing file, missing column, empty text, a single class… */
export class DatasetError extends ModelError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('DATASET', message, options);
    this.name = 'DatasetError';
  }
}

/** One problem with one parameter, named by its key. */
export interface ParamProblem {
  readonly param: string;
  readonly message: string;
}

/** The objective's flat params were unknown or invalid; every problem is listed, not just the first. */
export class ParamsError extends ModelError {
  readonly problems: readonly ParamProblem[];

  constructor(problems: readonly ParamProblem[]) {
    super('PARAMS', `invalid params:\n${problems.map((p) => `  ${p.param}: ${p.message}`).join('\n')}`);
    this.name = 'ParamsError';
    this.problems = problems;
  }
}

/** A model or training configuration that cannot be built (e.g. 4 recurrent layers). */
export class ConfigError extends ModelError {
  constructor(message: string) {
    super('CONFIG', message);
    this.name = 'ConfigError';
  }
}

/** The requested TensorFlow.js backend could not be loaded here. */
export class BackendError extends ModelError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('BACKEND', message, options);
    this.name = 'BackendError';
  }
}

/** The training loss became NaN or ±Infinity. Never worth a retry: the same params diverge again. */
export class DivergedError extends ModelError {
  readonly epoch: number;
  readonly step: number;
  readonly loss: number;

  constructor(epoch: number, step: number, loss: number) {
    super('DIVERGED', `training diverged: loss is ${loss} at epoch ${epoch}, step ${step}`);
    this.name = 'DivergedError';
    this.epoch = epoch;
    this.step = step;
    this.loss = loss;
  }
}

/** Training stopped because its AbortSignal fired (pruning or cancel). */
export class TrainingAbortedError extends ModelError {
  readonly epoch: number;

  constructor(epoch: number, reason: unknown) {
    super(
      'ABORTED',
      `training aborted during epoch ${epoch}${reason instanceof Error ? `: ${reason.message}` : typeof reason === 'string' ? `: ${reason}` : ''}`,
      { cause: reason },
    );
    this.name = 'TrainingAbortedError';
    this.epoch = epoch;
  }
}

/** Saving or loading a model directory failed. */
export class ModelIoError extends ModelError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('MODEL_IO', message, options);
    this.name = 'ModelIoError';
  }
}
