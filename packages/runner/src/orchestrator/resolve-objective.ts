import { existsSync } from 'node:fs';
import path from 'node:path';
import { SpecError } from '@loopsweep/core';

import { BUILT_IN_OBJECTIVES } from '../objectives/load-objective.js';

/**
 * A spec's `objective` as a worker can load it: a built-in name, or an absolute path for a module
 * path (relative paths are relative to the spec file's folder).
 * @throws {SpecError} for an unknown built-in or a module file that does not exist.
 */
export function resolveObjective(objective: string, specDir: string): string {
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
        hint: `use one of ${BUILT_IN_OBJECTIVES.join(', ')} or a module path like ./my-objective.js`,
      },
    ]);
  }
  return objective;
}
