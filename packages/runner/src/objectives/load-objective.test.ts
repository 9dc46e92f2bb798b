import { describe, expect, it } from 'vitest';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rnnTextObjective } from '@loopsweep/model';
import { loadObjective } from './load-objective.js';
import { noopObjective } from './noop.js';
import { ObjectiveLoadError } from './objective-load-error.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

async function loadError(name: string): Promise<ObjectiveLoadError> {
  const error = await loadObjective(name).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ObjectiveLoadError);
  return error as ObjectiveLoadError;
}

describe('loadObjective', () => {
  it('finds the built-ins, once per thread', async () => {
    expect(await loadObjective('noop')).toBe(noopObjective);
    expect(await loadObjective('rnn-text')).toBe(rnnTextObjective);
    expect(loadObjective('noop')).toBe(loadObjective('noop'));
  });

  it('imports a module by absolute path or file URL and returns its default export', async () => {
    const byPath = await loadObjective(fixture('user-objective.mjs'));
    const byUrl = await loadObjective(pathToFileURL(fixture('user-objective.mjs')).href);
    expect(byPath).toBe(byUrl);
    const reports: number[] = [];
    const result = await byPath({ x: 3 }, { seed: 4, maxEpochs: 2, report: async (step) => void reports.push(step) });
    expect(result).toEqual({ score: 6, seed: 4 });
    expect(reports).toEqual([1, 2]);
  });

  it('says what a module without a default export exports', async () => {
    const error = await loadError(fixture('no-default.mjs'));
    expect(error.message).toBe(
      `objective module ${fixture('no-default.mjs')} has no default export (it exports name, objective); write \`export default async function (params, ctx) { … }\``,
    );
  });

  it('refuses a default export that is not a function', async () => {
    const error = await loadError(fixture('default-not-function.mjs'));
    expect(error.message).toBe(
      `objective module ${fixture('default-not-function.mjs')} default-exports a number, not a function (params, ctx) => number | metrics`,
    );
  });

  it('names a missing module, and the import error of one that cannot be imported, and tries again next time', async () => {
    const missing = await loadError('/no/such/objective.mjs');
    expect(missing.message).toBe('objective module /no/such/objective.mjs does not exist');
    expect((await loadError('file:///no/such/objective.mjs')).message).toBe('objective module /no/such/objective.mjs does not exist');
    expect((await loadError('file://server/share/objective.mjs')).message).toMatch(
      /^objective 'file:\/\/server\/share\/objective\.mjs' is not a valid file URL: TypeError/,
    );
    const broken = await loadError(fixture('throws-on-import.mjs'));
    expect(broken.message).toBe(`cannot import objective module ${fixture('throws-on-import.mjs')}: Error: broken at import time`);
    expect(broken.cause).toBeInstanceOf(Error);
    const first = loadObjective('/no/such/objective.mjs');
    await first.catch(() => undefined);
    const second = loadObjective('/no/such/objective.mjs');
    await second.catch(() => undefined);
    expect(second).not.toBe(first);
  });

  it('lists the built-ins for an unknown name and refuses relative paths', async () => {
    expect((await loadError('rnn')).message).toBe(
      "unknown objective 'rnn'; the built-in objectives are rnn-text, noop, and a module objective is given by its absolute path or file URL",
    );
    expect((await loadError('./my-objective.js')).message).toBe(
      "objective './my-objective.js' is a relative path; give an absolute path or a file URL (the orchestrator resolves paths against the spec's folder)",
    );
    expect((await loadError('my-objective.mjs')).message).toMatch(/^objective 'my-objective\.mjs' is a relative path/);
  });
});
