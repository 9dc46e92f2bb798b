/** The `sweep` command line: global options, the commands, and how bad flags are reported. */
import yargs, { type Argv } from 'yargs';
import { agentCommand } from './commands/agent.js';
import { bestCommand } from './commands/best.js';
import { compareCommand } from './commands/compare.js';
import { dashboardCommand } from './commands/dashboard.js';
import { dataCommand } from './commands/data.js';
import { exportCommand } from './commands/export.js';
import { initCommand } from './commands/init.js';
import { lineageCommand } from './commands/lineage.js';
import { listCommand } from './commands/list.js';
import { replayCommand } from './commands/replay.js';
import { reportCommand } from './commands/report.js';
import { resumeCommand } from './commands/resume.js';
import { runCommand } from './commands/run.js';
import { showCommand } from './commands/show.js';
import { statusCommand } from './commands/status.js';
import { validateCommand } from './commands/validate.js';
import { defaultDbPath } from './db-path.js';
import { UsageError } from './errors.js';
import type { GlobalArgs } from './options.js';
import { cliVersion } from './version.js';

export function buildCli(args: readonly string[]): Argv<GlobalArgs> {
  return yargs(args as string[])
    .scriptName('sweep')
    .usage('$0 <command> [options]\n\nHyperparameter sweeps that find the best way to train recurrent neural networks.')
    .option('db', {
      type: 'string',
      default: defaultDbPath(),
      defaultDescription: '$LOOPSWEEP_DB, else ./loopsweep.db',
      describe: 'SQLite database file',
      global: true,
      requiresArg: true,
    })
    .command(runCommand)
    .command(resumeCommand)
    .command(statusCommand)
    .command(listCommand)
    .command(bestCommand)
    .command(showCommand)
    .command(lineageCommand)
    .command(exportCommand)
    .command(compareCommand)
    .command(replayCommand)
    .command(reportCommand)
    .command(dashboardCommand)
    .command(validateCommand)
    .command(initCommand)
    .command(agentCommand)
    .command(dataCommand)
    .completion('completion', 'Print a bash/zsh completion script (add `source <(sweep completion)` to your shell rc)')
    .demandCommand(1, 'name a command; `sweep --help` lists them')
    .recommendCommands()
    .strict()
    .help()
    .alias('h', 'help')
    .version(cliVersion())
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .epilogue('Exit codes: 0 ok, 1 unexpected failure, 2 bad input, 130 interrupted. Set LOOPSWEEP_DEBUG=1 for stack traces.')
    .fail((message, error) => {
      // Errors thrown by handlers pass through; yargs' own messages (bad flags) are bad input.
      if (error) throw error;
      throw new UsageError(message ?? 'bad command line', 'see `sweep --help`, or `sweep <command> --help`');
    });
}
