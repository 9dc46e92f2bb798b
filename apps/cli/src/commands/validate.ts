import type { CommandModule } from 'yargs';
import { SpecError, sweepSpecDocument } from '@loopsweep/core';
import { describeSpec } from '../describe-spec.js';
import { EXIT } from '../errors.js';
import { withJson, type GlobalArgs } from '../options.js';
import { out, outJson } from '../output.js';

interface ValidateArgs extends GlobalArgs {
  readonly spec: string;
  readonly json: boolean;
}

export const validateCommand: CommandModule<GlobalArgs, ValidateArgs> = {
  command: 'validate <spec>',
  describe: 'Check a sweep spec (and its objective, dataset and params) without running it',
  builder: (y) => withJson(y.positional('spec', { type: 'string', demandOption: true, describe: 'Sweep spec file (YAML or JSON)' })),
  handler: async (argv) => {
    // Loaded on demand: the checks of rnn-text params load @loopsweep/model.
    const { loadSpecFile } = await import('../spec-file.js');
    try {
      const { spec } = await loadSpecFile(argv.spec);
      if (argv.json) return outJson({ ok: true, spec: sweepSpecDocument(spec) });
      out(describeSpec(spec));
    } catch (error) {
      if (!(argv.json && error instanceof SpecError)) throw error;
      outJson({ ok: false, problems: error.problems });
      process.exitCode = EXIT.badInput;
    }
  },
};
