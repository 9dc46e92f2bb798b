/**
 * DESIGN.md's package boundaries are ESLint rules (eslint.config.js). These tests lint small
 * sources in place of a package's entry file, with the real configuration, and expect each
 * forbidden import to fail the lint and an allowed one to pass. (Type-aware linting needs a file
 * that a tsconfig includes, so each source stands in for an existing entry; nothing is written.)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: root });

/** The import-rule errors of `code` linted as the file `file` (relative to the root). */
async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  if (result === undefined) throw new Error(`ESLint returned no result for ${file}`);
  // Anything other than the import rule (a parse error, say) would make the test meaningless.
  const others = result.messages.filter((m) => m.ruleId !== '@typescript-eslint/no-restricted-imports');
  expect(others).toEqual([]);
  return result.messages.map((m) => m.message);
}

describe('package boundaries (DESIGN.md) fail the lint', () => {
  it('the dashboard never imports the runner', async () => {
    const errors = await importErrors('apps/dashboard/src/server/index.ts', "export { parseDevices } from '@loopsweep/runner';\n");
    expect(errors).toEqual([expect.stringContaining('never imports the runner')]);
  });

  it("the dashboard never imports the store's writer, only its read API", async () => {
    const errors = await importErrors('apps/dashboard/src/server/index.ts', "export { SqliteTrialStore, SweepReader } from '@loopsweep/store';\n");
    expect(errors).toEqual([expect.stringContaining('never writes the database')]);
  });

  it('the web app never imports the model', async () => {
    const errors = await importErrors('apps/dashboard/web/src/main.tsx', "export type { BackendName } from '@loopsweep/model';\n");
    expect(errors).toEqual([expect.stringContaining('never imports the model')]);
  });

  it('core does no I/O and imports nothing internal', async () => {
    const code = "export { readFileSync } from 'node:fs';\nexport { spawn } from 'child_process';\nexport type { TrialRow } from '@loopsweep/store';\n";
    const errors = await importErrors('packages/core/src/index.ts', code);
    expect(errors).toEqual([
      expect.stringContaining('core does no I/O'),
      expect.stringContaining('core does no I/O'),
      expect.stringContaining('core imports nothing internal'),
    ]);
  });

  it('the model never imports the store, the store never imports the runner', async () => {
    expect(await importErrors('packages/model/src/index.ts', "export type { TrialRow } from '@loopsweep/store';\n")).toHaveLength(1);
    expect(await importErrors('packages/store/src/index.ts', "export type { ThreadPoolOptions } from '@loopsweep/runner';\n")).toHaveLength(1);
  });

  it("no file reaches into another package's src/, by name or by relative path", async () => {
    const code =
      "export { parseSweepSpec } from '@loopsweep/core/src/spec/parse-sweep-spec.js';\nexport { SweepReader } from '../../../packages/store/src/index.js';\n";
    const errors = await importErrors('apps/cli/src/main.ts', code);
    expect(errors).toEqual([expect.stringContaining("the package's public entry"), expect.stringContaining('not a path into its src/')]);
  });

  it('allowed imports pass: the dashboard reads through SweepReader, the CLI imports the runner', async () => {
    expect(
      await importErrors(
        'apps/dashboard/src/server/index.ts',
        "export { SweepReader } from '@loopsweep/store';\nexport type { TrialState } from '@loopsweep/core';\n",
      ),
    ).toEqual([]);
    expect(await importErrors('apps/cli/src/main.ts', "export { parseDevices } from '@loopsweep/runner';\n")).toEqual([]);
  });
});
