/**
 * Finding the objective a trial names: a built-in, or a user module whose default export is
 * `async (params, ctx) => number | metrics` (DESIGN.md, "Objectives"). Runs inside workers.
 */
import type { Objective, ObjectiveResult } from '@loopsweep/core';
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describeError } from '../worker/describe-error.js';
import { noopObjective } from './noop.js';
import { ObjectiveLoadError } from './objective-load-error.js';

/** The objective contract of @loopsweep/core; the worker checks what an objective actually returns. */
export type ObjectiveFn = Objective;
export type { ObjectiveResult };

export const BUILT_IN_OBJECTIVES = ['rnn-text', 'noop'] as const;
export type BuiltInObjective = (typeof BUILT_IN_OBJECTIVES)[number];

// One load per objective per thread (module state is per thread): trials after the first reuse it.
const loaded = new Map<string, Promise<ObjectiveFn>>();

/**
 * The objective called `name`: 'rnn-text', 'noop', or an absolute path or file URL of a module
 * (the orchestrator resolves relative paths against the spec's folder before this). Cached per
 * thread; a failed load is not cached, so a fixed module loads on the next try.
 *
 * @throws {ObjectiveLoadError} (as a rejection) for an unknown built-in, a relative path, a module
 *   that does not exist or cannot be imported, or one whose default export is not a function.
 */
export function loadObjective(name: string): Promise<ObjectiveFn> {
  let objective = loaded.get(name);
  if (!objective) {
    objective = resolveObjective(name);
    loaded.set(name, objective);
    objective.catch(() => loaded.delete(name));
  }
  return objective;
}

async function resolveObjective(name: string): Promise<ObjectiveFn> {
  switch (name) {
    case 'rnn-text': {
      // Loaded on demand: TensorFlow.js costs memory and start-up time that noop trials never need.
      const { rnnTextObjective } = await import('@loopsweep/model');
      return rnnTextObjective;
    }
    case 'noop':
      return noopObjective;
  }
  if (name.startsWith('file:') || isAbsolute(name)) return importObjective(name);
  if (/^\.{1,2}[\\/]|\.[cm]?[jt]s$/.test(name)) {
    throw new ObjectiveLoadError(
      name,
      `objective '${name}' is a relative path; give an absolute path or a file URL (the orchestrator resolves paths against the spec's folder)`,
    );
  }
  throw new ObjectiveLoadError(
    name,
    `unknown objective '${name}'; the built-in objectives are ${BUILT_IN_OBJECTIVES.join(', ')}, and a module objective is given by its absolute path or file URL`,
  );
}

async function importObjective(name: string): Promise<ObjectiveFn> {
  let url: URL;
  let path: string;
  try {
    url = name.startsWith('file:') ? new URL(name) : pathToFileURL(name);
    path = fileURLToPath(url);
  } catch (error) {
    throw new ObjectiveLoadError(name, `objective '${name}' is not a valid file URL: ${describeError(error)}`, { cause: error });
  }
  // Node's own message for this names a file URL and the runner's module; the user needs less.
  if (!existsSync(path)) throw new ObjectiveLoadError(name, `objective module ${path} does not exist`);
  let module: Record<string, unknown>;
  try {
    module = (await import(url.href)) as Record<string, unknown>;
  } catch (error) {
    throw new ObjectiveLoadError(name, `cannot import objective module ${path}: ${describeError(error)}`, { cause: error });
  }
  const objective = module['default'];
  if (typeof objective === 'function') return objective as ObjectiveFn;
  if (objective === undefined) {
    const names = Object.keys(module).sort();
    throw new ObjectiveLoadError(
      name,
      `objective module ${path} has no default export (it exports ${names.length > 0 ? names.join(', ') : 'nothing'}); write \`export default async function (params, ctx) { … }\``,
    );
  }
  throw new ObjectiveLoadError(
    name,
    `objective module ${path} default-exports ${objective === null ? 'null' : `a ${typeof objective}`}, not a function (params, ctx) => number | metrics`,
  );
}
