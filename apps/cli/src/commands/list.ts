import type { CommandModule } from 'yargs';
import type { SweepSummary } from '@loopsweep/store';
import { formatTimestamp } from '../format/duration.js';
import { formatTable } from '../format/table.js';
import { formatNumber } from '../format/value.js';
import { withJson, type GlobalArgs } from '../options.js';
import { out, outJson } from '../output.js';
import { withReader } from '../reader.js';

interface ListArgs extends GlobalArgs {
  readonly json: boolean;
}

export const listCommand: CommandModule<GlobalArgs, ListArgs> = {
  command: 'list',
  aliases: ['ls'],
  describe: 'List the sweeps in the database',
  builder: (y) => withJson(y),
  handler: async (argv) => {
    await withReader(argv.db, (reader) => {
      const sweeps = reader.listSweeps();
      if (argv.json) return outJson({ sweeps });
      if (sweeps.length === 0) return out(`no sweeps in ${argv.db}; start one with \`sweep run <spec>\``);
      out(formatSweepList(sweeps));
    });
  },
};

export function formatSweepList(sweeps: readonly SweepSummary[]): string {
  return formatTable(sweeps, [
    { header: 'sweep', cell: (s) => s.name },
    { header: 'status', cell: (s) => s.status },
    { header: 'objective', cell: (s) => s.objective },
    { header: 'metric', cell: (s) => `${s.metric} (${s.direction === 'maximize' ? 'max' : 'min'})` },
    { header: 'trials', cell: (s) => String(s.total), align: 'right' },
    { header: 'complete', cell: (s) => String(s.counts.COMPLETE), align: 'right' },
    { header: 'pruned', cell: (s) => String(s.counts.PRUNED), align: 'right' },
    { header: 'failed', cell: (s) => String(s.counts.FAILED), align: 'right' },
    { header: 'running', cell: (s) => String(s.counts.RUNNING), align: 'right' },
    { header: 'best', cell: (s) => (s.best ? `${formatNumber(s.best.value)} #${s.best.number}` : '—'), align: 'right' },
    { header: 'created', cell: (s) => formatTimestamp(s.createdAt) },
  ]);
}
