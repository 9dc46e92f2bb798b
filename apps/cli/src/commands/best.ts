import type { CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import { formatTable } from '../format/table.js';
import { formatNumber, formatParams } from '../format/value.js';
import { withJson, type GlobalArgs } from '../options.js';
import { out, outJson } from '../output.js';
import { requireSweep, specParamNames, withReader } from '../reader.js';

interface BestArgs extends GlobalArgs {
  readonly sweep: string;
  readonly top: number;
  readonly json: boolean;
}

export const bestCommand: CommandModule<GlobalArgs, BestArgs> = {
  command: 'best <sweep>',
  describe: 'The best completed trials of a sweep, with their params',
  builder: (y) =>
    withJson(
      y
        .positional('sweep', { type: 'string', demandOption: true, describe: 'Sweep name' })
        .option('top', { alias: 'k', type: 'number', default: 5, describe: 'How many trials' })
        .check((argv) => {
          if (!Number.isInteger(argv.top) || argv.top < 1) throw new UsageError(`--top must be a whole number ≥ 1, got ${String(argv.top)}`);
          return true;
        }),
    ),
  handler: async (argv) => {
    await withReader(argv.db, (reader) => {
      const sweep = requireSweep(reader, argv.sweep, argv.db);
      const trials = reader.best(sweep.name, argv.top);
      if (argv.json) return outJson({ sweep: sweep.name, metric: sweep.metric, direction: sweep.direction, trials });
      if (trials.length === 0) return out(`${sweep.name}: no completed trial yet`);
      const order = specParamNames(sweep);
      out(`${sweep.name}: best ${trials.length === 1 ? 'trial' : `${trials.length} trials`} by ${sweep.metric} (${sweep.direction})`);
      out(
        formatTable(trials, [
          { header: 'rank', cell: (t) => String(trials.indexOf(t) + 1), align: 'right' },
          { header: 'trial', cell: (t) => `#${t.number}`, align: 'right' },
          { header: sweep.metric, cell: (t) => formatNumber(t.value), align: 'right' },
          { header: 'params', cell: (t) => formatParams(t.params, order) },
        ]),
      );
    });
  },
};
