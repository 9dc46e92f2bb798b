#!/usr/bin/env node
/** The `sweep` binary: runs the command line, maps every error to one message and an exit code. */
import { hideBin } from 'yargs/helpers';
import { buildCli } from './cli.js';
import { reportError } from './errors.js';

try {
  await buildCli(hideBin(process.argv)).parseAsync();
} catch (error) {
  const { exitCode, text } = reportError(error, process.env['LOOPSWEEP_DEBUG'] === '1');
  process.stderr.write(text);
  process.exitCode = exitCode;
}
// A sweep's worker threads and processes are closed by now; should a stray handle keep the event
// loop alive, leave anyway (an unref'd timer fires only in that case).
setTimeout(() => process.exit(), 5000).unref();
