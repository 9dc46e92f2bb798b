/**
 * The composition root of a sweep (STYLE.md): wires the SQLite store, the device slots and their
 * executor, the orchestrator, Ctrl-C and the live display together. Every input is checked before
 * the database is opened, so bad input writes nothing.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { describeObjective, type SweepSpec, type TrialExecutor } from '@loopsweep/core';
import {
  DEFAULT_QUEUE_NAME,
  SweepControl,
  createExecutor,
  resolveObjective,
  runSweep,
  type QueueTarget,
  type SweepOutcome,
  type TrialSource,
} from '@loopsweep/runner';
import { SqliteTrialStore, SweepReader } from '@loopsweep/store';
import { formatCompactComparison, judgeFromReader, judgeObjectives, summaryParam } from './compare-report.js';
import { bestFeasible, formatHypervolume, frontStatus, readFront } from './front.js';
import { comparisonBudget, describeSampler } from './describe-spec.js';
import { deviceSlots } from './devices.js';
import { openCoordinator } from './distributed/coordinator.js';
import { EXIT, UsageError } from './errors.js';
import { formatDuration } from './format/duration.js';
import { formatNumber, formatParams } from './format/value.js';
import { onInterrupt } from './interrupt.js';
import { observeStore } from './progress/observed-store.js';
import { finishedCount } from './progress/progress-view.js';
import { RunReporter } from './progress/run-reporter.js';

export interface ExecuteOptions {
  readonly db: string;
  readonly parallel: number | undefined;
  readonly devices: string | undefined;
  readonly verbose: boolean;
  /** Trials go through this queue to agents (`--queue`); `parallel` 0 then runs none here. */
  readonly queue?: QueueTarget;
  /**
   * A later stage's trials to run on a stored sweep (`sweep replay`): its trial sources, the first
   * line that says what runs, and the summary printed at the end instead of the sweep's.
   */
  readonly stage?: {
    readonly sources: readonly TrialSource[];
    readonly intro: string;
    readonly summarize: (outcome: SweepOutcome) => void;
  };
}

export type SweepStart =
  | { readonly kind: 'new'; readonly spec: SweepSpec; readonly specDir: string }
  | { readonly kind: 'resume'; readonly spec: SweepSpec; readonly specDir: string };

/** Runs the sweep to its end or an interruption; returns the exit code (0, or 130 when interrupted). */
export async function executeSweep(start: SweepStart, options: ExecuteOptions): Promise<number> {
  const { spec } = start;
  const parallel = options.parallel ?? spec.budget.parallel ?? os.availableParallelism();
  if (parallel === 0 && !options.queue)
    throw new UsageError(
      '--parallel 0 runs no trials on this machine, so it needs --queue',
      'add --queue redis://host:6379 and start agents with `sweep agent`',
    );
  if (parallel === 0 && options.devices !== undefined)
    throw new UsageError(
      '--parallel 0 and --devices contradict each other',
      'drop one: --parallel 0 runs no local trials; --devices says where local trials run',
    );
  if (options.queue && typeof spec.objective !== 'string')
    throw new UsageError(
      'a command objective does not run through --queue: agents run data, never a program a job names',
      'run this sweep without --queue (use --devices to spread it over this machine)',
    );
  if (options.queue && spec.sampler.type === 'pbt')
    throw new UsageError(
      "population-based training (sampler.type pbt) does not run through --queue yet: its checkpoints are kept by the orchestrator's local store and are not moved through the queue",
      'run this sweep without --queue (use --devices to spread it over this machine)',
    );
  const slots = parallel === 0 ? undefined : deviceSlots(options.devices, parallel);
  if (start.kind === 'new' && existsSync(options.db)) refuseTakenName(options.db, spec.name);

  const live = process.stdout.isTTY === true && process.env['TERM'] !== 'dumb';
  const paramOrder = Object.keys(spec.parameters);
  const reporter = new RunReporter({ stdout: process.stdout, stderr: process.stderr, live, verbose: options.verbose, paramOrder });
  // The queue is reached (or refused) before the database is touched: bad input writes nothing.
  let executor: TrialExecutor | undefined = options.queue
    ? await openCoordinator({
        target: options.queue,
        localSlots: slots,
        objective: resolveObjective(describeObjective(spec.objective), start.specDir),
        say: (line) => reporter.info(line),
      })
    : undefined;
  let store: SqliteTrialStore;
  try {
    store = SqliteTrialStore.open(options.db);
  } catch (error) {
    await executor?.close();
    throw error;
  }
  let stopInterrupts = () => {};
  try {
    executor ??= createExecutor(slots as NonNullable<typeof slots>);
    const observed = observeStore(store, (number, update) =>
      reporter.trialChanged({
        number,
        state: update.state,
        ...(update.value !== undefined ? { value: update.value } : {}),
        ...(update.failureReason !== undefined ? { failureReason: update.failureReason } : {}),
        ...(update.attempt !== undefined ? { attempt: update.attempt } : {}),
      }),
    );
    const control = new SweepControl();
    stopInterrupts = onInterrupt({
      stopAsking: () => control.stopAsking(),
      abortRunning: () => control.abortRunning(),
      say: (text) => reporter.info(text),
      runningCount: () => reporter.latest?.running.length ?? 0,
    });
    const budget =
      spec.budget.trials !== undefined
        ? `${spec.budget.trials} trials`
        : spec.compare
          ? comparisonBudget(spec)
          : spec.sampler.type === 'grid'
            ? 'the whole grid'
            : 'no trial limit';
    if (options.stage) reporter.info(`${options.stage.intro}; ${executor.description}; database ${options.db}`);
    else
      reporter.info(
        `${start.kind === 'new' ? 'sweep' : 'resuming sweep'} ${spec.name}: ${budget}, ${describeSampler(spec)}, ${spec.pruner.type === 'none' ? 'no pruner' : `${spec.pruner.type} pruner`}; ` +
          `${executor.description}; database ${options.db}`,
      );
    const outcome = await runSweep({
      store: observed,
      executor,
      start: start.kind === 'new' ? { kind: 'new', spec, specDir: start.specDir } : { kind: 'resume', name: spec.name, specDir: start.specDir },
      control,
      ...(options.stage ? { sources: options.stage.sources } : {}),
      onEvent: (event) => {
        if (event.type === 'progress') reporter.progress(event.progress);
        else reporter.log(event.message, event.trialNumber);
      },
    });
    stopInterrupts();
    reporter.end();
    await executor.close();
    executor = undefined;
    // Read back while the writer is still open: the last connection to close (the writer's)
    // then checkpoints and removes the WAL files.
    if (options.stage) options.stage.summarize(outcome);
    else printSummary(outcome, spec, options.db, reporter.latest?.elapsedSeconds, options.queue);
    if (outcome.status === 'failed') {
      // One message for a systematic failure: what failed, which trials, how to look and go on.
      const [first] = outcome.failedTrials;
      process.stderr.write(
        `error: sweep ${spec.name} stopped: ${outcome.reason}\n` +
          (first !== undefined ? `  see one: sweep show ${spec.name} ${first}${options.db === './loopsweep.db' ? '' : ` --db ${options.db}`}\n` : '') +
          `  hint: fix the cause, then continue with \`${resumeCommand(spec.name, options.db, options.queue)}\` (budget.fail_fast and budget.max_failures set when failures stop a sweep)\n`,
      );
      return EXIT.failure;
    }
    return outcome.status === 'interrupted' ? EXIT.interrupted : EXIT.ok;
  } finally {
    stopInterrupts();
    reporter.end();
    await executor?.close();
    store.close();
  }
}

/** A new sweep whose name the database already holds: say so before anything is written. */
function refuseTakenName(db: string, name: string): void {
  const reader = SweepReader.open(db);
  try {
    if (reader.getSweep(name)) {
      throw new UsageError(
        `a sweep named '${name}' already exists in ${db}`,
        `continue it with \`sweep resume ${name}\`, or change \`name:\` in the spec (or use another --db)`,
      );
    }
  } finally {
    reader.close();
  }
}

function printSummary(outcome: SweepOutcome, spec: SweepSpec, db: string, elapsedSeconds: number | undefined, queue: QueueTarget | undefined): void {
  const reader = SweepReader.open(db);
  try {
    const counts = reader.summary(spec.name)?.counts;
    if (!counts) return;
    const done = finishedCount(counts);
    const tally = `${done} trial${done === 1 ? '' : 's'} (${counts.COMPLETE} complete, ${counts.PRUNED} pruned, ${counts.FAILED} failed)`;
    if (outcome.status === 'failed') {
      console.log(`stopped by failures: ${tally} done`);
    } else if (outcome.status === 'interrupted') {
      const left = counts.QUEUED + counts.RUNNING;
      console.log(`interrupted: ${tally} done${left > 0 ? `, ${left} to run again` : ''}; continue with \`${resumeCommand(spec.name, db, queue)}\``);
    } else {
      console.log(`finished: ${tally}${elapsedSeconds !== undefined ? `, this run took ${formatDuration(elapsedSeconds)}` : ''}`);
    }
    const stored = reader.getSweep(spec.name);
    // A multi-objective or constrained sweep's best is its best feasible trial (by the first objective).
    const front = stored ? readFront(reader, stored) : undefined;
    const [best] = front ? bestFeasible(front, spec.metric.goal, 1) : reader.best(spec.name, 1);
    if (best)
      console.log(`best: trial #${best.number} ${spec.metric.name}=${formatNumber(best.value)}  ${formatParams(best.params, Object.keys(spec.parameters))}`);
    else console.log(front ? 'best: no feasible trial completed' : 'best: no trial completed');
    if (best && spec.sampler.type === 'pbt')
      console.log(
        `schedule: \`sweep lineage ${spec.name}${db === './loopsweep.db' ? '' : ` --db ${db}`}\` shows the trials behind #${best.number} and the params it trained with per epoch`,
      );
    if (front && front.objectives.length > 1)
      console.log(`front: ${front.summary.front.length} trials, ${formatHypervolume(frontStatus(front))}; \`sweep best ${spec.name}\` lists them`);
    // The stored spec, not the parsed one: it is what `sweep compare` and the dashboard read, so the three agree.
    const by = stored ? summaryParam(stored.spec, spec.parameters) : undefined;
    if (stored && by && best) {
      // A vector sweep: its first objective, infeasible trials left out (as `sweep compare` judges it).
      const judged = front ? judgeObjectives(reader, stored, front, by)[0] : undefined;
      console.log(`by ${by}${front && front.objectives.length > 1 ? ` (${spec.metric.name})` : ''}:`);
      console.log(formatCompactComparison(judged?.verdict ?? judgeFromReader(reader, stored, by), spec.name));
    }
  } finally {
    reader.close();
  }
}

/** The command that continues this sweep; a queue's URL only where it carries no password. */
function resumeCommand(name: string, db: string, queue: QueueTarget | undefined): string {
  const dbPart = db === './loopsweep.db' ? '' : ` --db ${db}`;
  if (!queue) return `sweep resume ${name}${dbPart}`;
  const url = queue.redactedUrl.includes(':***@') ? '<its Redis URL>' : queue.redactedUrl;
  return `sweep resume ${name}${dbPart} --queue ${url}${queue.name === DEFAULT_QUEUE_NAME ? '' : ` --queue-name ${queue.name}`}`;
}
