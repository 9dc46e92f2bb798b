/**
 * `sweep replay`: re-trains a population-based training member's schedule (its ancestors' params
 * up to each exploit step, then its own) from scratch with fresh seeds, so a schedule PBT found
 * can be confirmed like any other strategy: k final values, their mean and 95% interval, next to
 * the member's own. Runs on the stored sweep (its trials are the replay's, stage 'replay');
 * run again with the same flags, it runs only what an interruption left.
 */
import { meanOf, mixSeed, studentTQuantile, validateSweepSpec, type FrozenTrial, type SweepSpec } from '@loopsweep/core';
import type { TrialRow } from '@loopsweep/store';
import type { CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import { formatNumber, formatParams } from '../format/value.js';
import { withExecution, type GlobalArgs } from '../options.js';
import { requireSweep, withReader } from '../reader.js';

interface ReplayArgs extends GlobalArgs {
  readonly sweep: string;
  readonly trial: number | undefined;
  readonly seeds: number;
  readonly parallel: number | undefined;
  readonly devices: string | undefined;
  readonly verbose: boolean;
}

const DEFAULT_SEEDS = 3;
/** Mixed into each replay seed, so a replay's seeds are not any member's. */
const REPLAY_SALT = 0x7e91a7;

/** The stages of PBT's members (the sampler's first members and their exploit successors). */
const isMember = (trial: Pick<TrialRow, 'stage'>): boolean => trial.stage === undefined || trial.stage === 'search' || trial.stage === 'exploit';

export const replayCommand: CommandModule<GlobalArgs, ReplayArgs> = {
  command: 'replay <sweep>',
  describe: "Re-train a population-based training member's schedule from scratch with fresh seeds: was the schedule good, or the member lucky?",
  builder: (y) =>
    withExecution(
      y
        .positional('sweep', { type: 'string', demandOption: true, describe: 'A finished pbt sweep' })
        .option('trial', { alias: 't', type: 'number', describe: 'The member whose schedule to replay (default: the best complete member)' })
        .option('seeds', { alias: 'k', type: 'number', default: DEFAULT_SEEDS, describe: 'How many fresh seeds (one re-training each)' })
        .check((argv) => {
          if (!Number.isInteger(argv.seeds) || argv.seeds < 2)
            throw new UsageError(`--seeds must be a whole number ≥ 2, got ${String(argv.seeds)}`, 'an interval needs two values at least');
          if (argv.trial !== undefined && (!Number.isInteger(argv.trial) || argv.trial < 0))
            throw new UsageError(`--trial must be a trial number (a whole number ≥ 0), got ${String(argv.trial)}`);
          return true;
        }),
    ),
  handler: async (argv) => {
    // Read-only first: a bad sweep or trial is refused without writing anything.
    const { stored, member, original } = await withReader(argv.db, (reader) => {
      const stored = requireSweep(reader, argv.sweep, argv.db);
      const sampler = (stored.spec as { sampler?: { type?: unknown } } | undefined)?.sampler;
      if (sampler?.type !== 'pbt') {
        throw new UsageError(
          `sweep '${stored.name}' is not a population-based training sweep (sampler ${typeof sampler?.type === 'string' ? sampler.type : 'auto'})`,
          "replay re-trains a pbt member's schedule; to re-run a configuration with other seeds, compare it in a `compare:` sweep",
        );
      }
      const trials = reader.trials(stored.name);
      const members = trials.filter((t) => isMember(t) && t.state === 'COMPLETE' && t.value !== undefined);
      const member = argv.trial === undefined ? pickBest(members, stored.direction) : checkMember(trials, argv.trial, stored.name);
      if (member === undefined) throw new UsageError(`sweep '${stored.name}' has no complete member yet`, `finish it first: \`sweep resume ${stored.name}\``);
      return { stored, member: member.number, original: member.value as number };
    });
    const [{ preflight }, { objectiveBlocks, ScheduleReplay, scheduleOf, replayChain }] = await Promise.all([
      import('../spec-file.js'),
      import('@loopsweep/runner'),
    ]);
    const specDir = process.cwd();
    const source = `stored for sweep '${stored.name}'`;
    const spec = await preflight(validateSweepSpec(stored.spec, source, { objectiveBlocks }), specDir, source);
    const seeds = Array.from({ length: argv.seeds }, (_, i) => mixSeed(spec.sampler.seed, REPLAY_SALT, member, i));
    const { executeSweep } = await import('../execute-sweep.js');
    const maxEpochs = spec.budget.max_epochs ?? 10;
    process.exitCode = await executeSweep(
      { kind: 'resume', spec, specDir },
      {
        db: argv.db,
        parallel: argv.parallel,
        devices: argv.devices,
        verbose: argv.verbose,
        stage: {
          sources: [new ScheduleReplay(member, seeds)],
          intro: `replaying trial #${member}'s schedule of sweep ${spec.name} with ${seeds.length} fresh seeds (${maxEpochs} epochs each)`,
          summarize: (outcome) => {
            const schedule = scheduleOf(outcome.trials, outcome.trials[member] as FrozenTrial, maxEpochs);
            const chains = seeds.map((seed) => replayChain(outcome, member, seed));
            printReplay(spec, member, original, schedule, chains, outcome.status, argv);
          },
        },
      },
    );
  },
};

function pickBest(members: readonly TrialRow[], direction: 'minimize' | 'maximize'): TrialRow | undefined {
  let best: TrialRow | undefined;
  for (const m of members)
    if (best === undefined || (direction === 'minimize' ? (m.value as number) < (best.value as number) : (m.value as number) > (best.value as number)))
      best = m;
  return best;
}

/** The member `--trial` names. @throws {UsageError} for a trial that is missing, no member, or not complete. */
function checkMember(trials: readonly TrialRow[], number: number, sweep: string): TrialRow {
  const trial = trials[number];
  if (trial === undefined)
    throw new UsageError(`sweep '${sweep}' has no trial ${number} (its trials are #0–#${trials.length - 1})`, `\`sweep best ${sweep}\` lists its best`);
  if (!isMember(trial))
    throw new UsageError(
      `trial ${number} of sweep '${sweep}' is not a population member (stage ${trial.stage})`,
      'name a member: a first one or an exploit successor',
    );
  if (trial.state !== 'COMPLETE')
    throw new UsageError(
      `trial ${number} of sweep '${sweep}' is ${trial.state}, not COMPLETE: its schedule never reached the last epoch`,
      `name a complete member; \`sweep best ${sweep}\` lists them`,
    );
  return trial;
}

function printReplay(
  spec: SweepSpec,
  member: number,
  original: number,
  schedule: readonly { params: Readonly<Record<string, unknown>>; from: number; to: number }[],
  chains: readonly (readonly FrozenTrial[])[],
  status: string,
  argv: ReplayArgs,
): void {
  const order = Object.keys(spec.parameters);
  console.log(`schedule of trial #${member} (${schedule.length} segment${schedule.length === 1 ? '' : 's'}):`);
  for (const segment of schedule) console.log(`  epochs ${segment.from + 1}–${segment.to}: ${formatParams(segment.params as never, order)}`);
  const finals = chains.map((chain) => {
    const last = chain.at(-1);
    return last !== undefined && last.state === 'COMPLETE' && last.maxEpochs === undefined && chain.length === schedule.length ? last.value : undefined;
  });
  const values = finals.filter((v): v is number => v !== undefined);
  const metric = spec.metric.name;
  chains.forEach((chain, i) => {
    const seed = chain[0]?.seed;
    const trials = chain.map((t) => `#${t.number}`).join(' → ') || 'not started';
    console.log(`  seed ${i + 1}${seed !== undefined ? ` (${seed})` : ''}: ${metric}=${formatNumber(finals[i])}  trials ${trials}`);
  });
  console.log(`original trial #${member}: ${metric}=${formatNumber(original)}`);
  if (values.length >= 2) {
    const sorted = [...values].sort((a, b) => a - b);
    const mean = meanOf(sorted);
    const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1));
    const half = studentTQuantile(0.975, values.length - 1) * (sd / Math.sqrt(values.length));
    const where = original < mean - half ? 'below' : original > mean + half ? 'above' : 'inside';
    console.log(
      `replay: ${metric} mean ${formatNumber(mean)}, 95% interval [${formatNumber(mean - half)}, ${formatNumber(mean + half)}] (t, ${values.length} seeds); the original's value is ${where} it`,
    );
  }
  if (values.length < chains.length) {
    const db = argv.db === './loopsweep.db' ? '' : ` --db ${argv.db}`;
    const again = `sweep replay ${spec.name}${db} --trial ${member} --seeds ${argv.seeds}`;
    console.log(
      status === 'interrupted'
        ? `interrupted: ${values.length} of ${chains.length} replays done; continue with \`${again}\``
        : `${chains.length - values.length} of ${chains.length} replays did not finish (see \`sweep show ${spec.name}\`)`,
    );
  }
}
