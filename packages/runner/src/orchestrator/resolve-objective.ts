import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { SpecError, type CommandObjective, type ObjectiveRef } from '@loopsweep/core';

import { BUILT_IN_OBJECTIVES } from '../objectives/load-objective.js';

/**
 * A spec's `objective` as a worker can load it: a built-in name, an absolute path for a module
 * path, or a command whose `cwd` is absolute (relative paths are relative to the spec file's
 * folder, which is also a command's default `cwd`).
 * @throws {SpecError} for an unknown built-in, a module file or a command's cwd that does not exist.
 */
export function resolveObjective(objective: string, specDir: string): string;
export function resolveObjective(objective: ObjectiveRef, specDir: string): ObjectiveRef;
export function resolveObjective(objective: ObjectiveRef, specDir: string): ObjectiveRef {
  if (typeof objective !== 'string') return resolveCommand(objective, specDir);
  if (/^(\.{1,2}\/|\/)/.test(objective)) {
    const absolute = path.resolve(specDir, objective);
    if (!existsSync(absolute)) {
      throw new SpecError([{ path: 'objective', message: `no objective module at ${absolute}`, hint: 'paths are relative to the spec file' }]);
    }
    return absolute;
  }
  if (!(BUILT_IN_OBJECTIVES as readonly string[]).includes(objective)) {
    throw new SpecError([
      {
        path: 'objective',
        message: `unknown objective '${objective}'`,
        hint: `use one of ${BUILT_IN_OBJECTIVES.join(', ')}, a module path like ./my-objective.js, or { command: [...] }`,
      },
    ]);
  }
  return objective;
}

function resolveCommand(objective: CommandObjective, specDir: string): CommandObjective {
  const cwd = path.resolve(specDir, objective.cwd ?? '.');
  if (!existsSync(cwd) || !statSync(cwd).isDirectory()) {
    throw new SpecError([{ path: 'objective.cwd', message: `no folder at ${cwd}`, hint: "cwd is relative to the spec file's folder" }]);
  }
  return { ...objective, cwd };
}
