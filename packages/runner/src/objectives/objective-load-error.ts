/**
 * An objective could not be found or loaded: an unknown built-in name, a module that fails to
 * import, or one without a default export function. Raised inside the worker, so it reaches the
 * orchestrator as the reason of a failed 'error' trial: `ObjectiveLoadError: …`.
 */
export class ObjectiveLoadError extends Error {
  readonly code = 'OBJECTIVE_LOAD';
  readonly objective: string;

  constructor(objective: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ObjectiveLoadError';
    this.objective = objective;
  }
}
