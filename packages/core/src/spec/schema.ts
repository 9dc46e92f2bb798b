import { z } from 'zod';
import { COMMAND_ANSWERS, DEFAULT_STOP_GRACE_SECONDS } from '../objective/command-objective.js';
import { DURATION_PATTERN, durationSeconds } from './duration.js';
import { parametersSchema } from './param-schema.js';
import { prunerSchema } from './pruner-schema.js';
import { samplerSchema } from './sampler-schema.js';
import { worded } from './wording.js';

/** Sweep names become keys and directory names: no separators, and never '.' or '..'. */
export const SWEEP_NAME_PATTERN = /^(?!\.\.?$)[A-Za-z0-9._-]+$/;

/** A built-in objective's name (kebab-case), or a module path: ./x.js, ../x.mjs, /abs/x.js. */
export const OBJECTIVE_PATTERN = /^(?:[a-z][a-z0-9]*(?:-[a-z0-9]+)*|(?:\.\.?)?\/.+\.m?js)$/;

const nameSchema = worded(
  z
    .string()
    .min(1)
    .max(100)
    .regex(SWEEP_NAME_PATTERN)
    .meta({
      description: "The sweep's name: letters, digits, '.', '_' and '-' (it names the sweep's directory and its key).",
      examples: ['spam-rnn-strategies'],
    }),
  { message: "must use only letters, digits, '.', '_' and '-' (and not be '.' or '..')", codes: ['invalid_format'], hint: 'e.g. name: spam-rnn-strategies' },
);

export const objectiveNameSchema = worded(
  z
    .string()
    .regex(OBJECTIVE_PATTERN)
    .meta({
      description:
        'A built-in objective (rnn-text, noop) or a module path (./my-objective.js, relative to the spec) whose default export is async (params, ctx) => number | metrics.',
      examples: ['rnn-text', './my-objective.js'],
    }),
  {
    message: "must be a built-in objective name or a module path starting with './', '../' or '/' and ending in .js or .mjs",
    hint: 'e.g. objective: rnn-text, or objective: ./my-objective.js',
  },
);

const secondsSchema = (description: string, example: string) =>
  worded(
    z
      .union([
        z.number().positive(),
        z
          .string()
          .regex(DURATION_PATTERN)
          .transform((text) => durationSeconds(text) ?? Number.NaN)
          .pipe(z.number().positive()),
      ])
      .optional()
      .meta({ description, examples: [example] }),
    { message: "must be a positive number of seconds or a duration such as '90s', '30m', '2h' or '1h30m'" },
  );

export const commandObjectiveSchema = z
  .strictObject({
    command: worded(
      z
        .array(z.string().min(1))
        .min(1)
        .meta({
          description:
            "The program and its arguments, run without a shell. {name} is replaced by the trial's value of a parameter, or by max_epochs, seed or trial.",
          examples: [['python3', 'train.py', '--lr', '{lr}', '--epochs', '{max_epochs}']],
        }),
      { hint: 'e.g. command: [python3, train.py, --lr, "{lr}"]' },
    ),
    cwd: z.string().min(1).optional().meta({ description: "The program's working directory, relative to the spec's folder. Default: the spec's folder." }),
    env: z
      .record(z.string(), z.string())
      .optional()
      .meta({ description: 'Environment variables added to the inherited environment (quote numbers: OMP_NUM_THREADS: "1").' }),
    answers: z.enum(COMMAND_ANSWERS).optional().meta({
      description:
        'signal (default): a pruned trial\'s program gets SIGTERM, then SIGKILL after grace. stdin: after each report the program reads one line {"stop": true|false} from stdin and stops by itself.',
    }),
    timeout: secondsSchema('Wall-clock limit of one trial; a trial past it ends FAILED. Default: none.', '30m'),
    grace: secondsSchema(`Time between SIGTERM and SIGKILL when a trial's program must stop. Default ${DEFAULT_STOP_GRACE_SECONDS}s.`, '10s'),
  })
  .meta({
    title: 'Command objective',
    description:
      'A program each trial runs. It reports by printing JSON lines such as {"step": 3, "val_accuracy": 0.91} (other lines are its log); its params are also in LOOPSWEEP_PARAMS (JSON).',
  });

/** Validation words a string or a mapping by its own branch (see validate-sweep-spec.ts); this wording is for anything else. */
const objectiveSchema = worded(
  z.union([objectiveNameSchema, commandObjectiveSchema]).meta({
    description:
      'What each trial runs: a built-in objective (rnn-text, noop), a module path (./my-objective.js, relative to the spec), or a program: { command: [python3, train.py, --lr, "{lr}"] }.',
  }),
  {
    message: "must be a built-in objective name, a module path starting with './', '../' or '/' and ending in .js or .mjs, or { command: [...] }",
    hint: 'e.g. objective: rnn-text, objective: ./my-objective.js, or objective: { command: [python3, train.py, --lr, "{lr}"] }',
  },
);

const metricSchema = worded(
  z
    .strictObject({
      name: z.string().min(1).meta({ description: 'A metric the objective reports (per epoch and at the end), e.g. val_accuracy or val_loss.' }),
      goal: z.enum(['maximize', 'minimize']).meta({ description: 'Whether larger or smaller values are better.' }),
    })
    .meta({ title: 'Metric', description: 'The metric the sweep optimizes.' }),
  { hint: 'e.g. metric: { name: val_accuracy, goal: maximize }' },
);

const objectiveMetricSchema = worded(
  z
    .strictObject({
      name: z.string().min(1).meta({ description: 'A metric the objective reports, e.g. val_accuracy or train_seconds.' }),
      goal: z.enum(['maximize', 'minimize']).meta({ description: 'Whether larger or smaller values are better.' }),
      reference: z.number().optional().meta({
        description:
          "The hypervolume's bound on this objective: a value worse than any result you would accept. Default: derived from the feasible trials (the worst value plus 10% of the range), and said so.",
      }),
    })
    .meta({ title: 'Objective', description: 'One of the metrics a multi-objective sweep optimizes.' }),
  { hint: 'e.g. { name: train_seconds, goal: minimize, reference: 600 }' },
);

const metricsSchema = worded(
  z
    .array(objectiveMetricSchema)
    .min(2)
    .meta({
      title: 'Metrics',
      description:
        'Two or more metrics to optimize at once, each in its own direction: a multi-objective sweep, whose result is a Pareto front. Use metric for one.',
      examples: [
        [
          { name: 'val_accuracy', goal: 'maximize' },
          { name: 'train_seconds', goal: 'minimize' },
        ],
      ],
    }),
  { hint: 'e.g. metrics: [{ name: val_accuracy, goal: maximize }, { name: train_seconds, goal: minimize }] (one objective: metric: { ... })' },
);

const constraintSchema = worded(
  z
    .strictObject({
      metric: z.string().min(1).meta({ description: 'A metric the objective reports, e.g. parameters or inference_ms_per_example.' }),
      min: z.number().optional().meta({ description: 'The smallest feasible value (inclusive).' }),
      max: z.number().optional().meta({ description: 'The largest feasible value (inclusive).' }),
    })
    .meta({
      title: 'Constraint',
      description: "A bound on a reported metric's final value; a trial outside it is infeasible (never on the front, never best).",
    }),
  { hint: 'e.g. { metric: parameters, max: 100000 }' },
);

const constraintsSchema = z
  .array(constraintSchema)
  .min(1)
  .meta({
    title: 'Constraints',
    description: 'Bounds on reported metrics (min and/or max): infeasible trials are never on the front nor best, and the samplers steer away from them.',
    examples: [[{ metric: 'parameters', max: 100000 }]],
  });

const positiveInt = (description: string) => z.int().min(1).optional().meta({ description });

const timeoutSchema = worded(
  z
    .union([
      z.number().positive(),
      z
        .string()
        .regex(DURATION_PATTERN)
        .transform((text) => durationSeconds(text) ?? Number.NaN)
        .pipe(z.number().positive()),
    ])
    .meta({ description: "Wall-clock limit of the sweep: seconds, or a duration such as '90s', '30m', '2h' or '1h30m'.", examples: ['2h', 5400] }),
  { message: "must be a positive number of seconds or a duration such as '90s', '30m', '2h' or '1h30m'" },
);

const budgetSchema = z
  .strictObject({
    trials: positiveInt('Trials to run in all.'),
    parallel: positiveInt('Trials running at the same time.'),
    max_epochs: positiveInt('Epochs per trial: the objective trains this long unless pruned.'),
    timeout: timeoutSchema.optional(),
    retries: z.int().min(0).default(0).meta({ description: 'How many times a failed or interrupted trial is run again. Default 0.' }),
    max_failures: positiveInt('Stop the sweep (exit 1) once this many trials have FAILED. Default: no limit beyond fail_fast.'),
    fail_fast: z.int().min(0).optional().meta({
      description:
        'Stop the sweep (exit 1) when its first N finished trials all FAILED with the same error: a broken objective, not a bad region of the space. Default 3; 0 turns it off.',
    }),
  })
  .default({ retries: 0 })
  .meta({ title: 'Budget', description: 'When the sweep stops (trials and/or timeout; a grid also stops when done) and how much runs at once.' });

const compareSchema = z
  .strictObject({
    by: z.string().min(1).meta({ description: 'The categorical parameter whose values are compared (e.g. optimizer).' }),
    trials_per_value: z
      .int()
      .min(2)
      .meta({ description: 'The search budget of each value: every value gets this many trials, each with its own sampler history.' }),
    confirm: z
      .strictObject({
        seeds: z.int().min(2).meta({
          description:
            "Re-runs of each value's best configuration, one per fresh seed: the replicates the verdict is computed on. About 10 find an effect of 2 noise sd among 3–5 values.",
        }),
      })
      .meta({ description: "The confirmation stage: each value's best configuration run again with fresh seeds." }),
    confidence: z
      .number()
      .gt(0)
      .lt(1)
      .optional()
      .meta({ description: 'How sure the verdict must be before it names a winner (family-wise, over every comparison with the leader). Default 0.95.' }),
  })
  .optional()
  .meta({
    title: 'Comparison protocol',
    description:
      "Turns the sweep into a fair comparison of one parameter's values: the same search budget for each value, then its best configuration confirmed over fresh seeds.",
    examples: [{ by: 'optimizer', trials_per_value: 30, confirm: { seeds: 10 } }],
  });

/**
 * The whole spec, as editors see it (sweepSpecJsonSchema) and as documentation. Validation uses
 * the same schema with `parameters` left to createSearchSpace (see validate-sweep-spec.ts).
 */
export const sweepSpecSchema = z
  .strictObject({
    // JSON specs point editors at the schema this way; YAML specs use a comment instead.
    $schema: z.string().optional().meta({ description: 'The JSON Schema this file follows, for editors; ignored by loopsweep.' }),
    name: nameSchema,
    objective: objectiveSchema,
    dataset: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({
        description:
          "Options of the dataset: the keys the objective declares (rnn-text: name spamassassin, csv, jsonl or adding and that dataset's keys), checked before anything runs and passed to the objective as written.",
        examples: [{ name: 'spamassassin', max_len: 200 }],
      }),
    // Optional here: a spec has `metric` or `metrics`, exactly one (check-objectives.ts says so with a hint).
    metric: metricSchema.optional(),
    metrics: metricsSchema.optional(),
    constraints: constraintsSchema.optional(),
    budget: budgetSchema,
    sampler: samplerSchema,
    pruner: prunerSchema,
    compare: compareSchema,
    parameters: parametersSchema,
  })
  .meta({ title: 'Sweep spec' });

/** The top-level keys of a spec, in the order the schema (and the docs) list them. */
export const SWEEP_SPEC_KEYS = Object.keys(sweepSpecSchema.shape);
