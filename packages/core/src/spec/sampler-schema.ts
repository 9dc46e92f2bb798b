import { z } from 'zod';

// Seeds are mixed as 32-bit integers (random.ts), so larger ones would silently alias smaller ones.
const seedSchema = z
  .int()
  .min(0)
  .max(4294967295)
  .default(0)
  .meta({ description: 'Seed of every random choice the sampler makes (0 to 4294967295). Same seed and history, same proposals.' });

/** `sampler:`: how trials' parameters are proposed. Output: SamplerConfig. */
export const samplerSchema = z
  .discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('auto').meta({
        description:
          'Chooses for you (the default): a Gaussian process for small budgets (≤ 200 trials) of ≤ 12 mostly numeric parameters without a pruner, TPE otherwise. `sweep validate` says which.',
      }),
      seed: seedSchema,
    }),
    z.strictObject({
      type: z.literal('tpe').meta({ description: 'Tree-structured Parzen Estimator: learns from finished trials which regions are good.' }),
      seed: seedSchema,
      n_startup_trials: z.int().min(0).optional().meta({ description: 'Random proposals before TPE takes over. Default 10.' }),
      n_ei_candidates: z
        .int()
        .min(1)
        .optional()
        .meta({ description: 'Candidates drawn per parameter (or group) to pick the most promising. Default 12, or 24 when multivariate.' }),
      gamma: z.number().gt(0).lte(1).optional().meta({ description: 'Fraction of finished trials counted as good (capped at 25 trials).' }),
      prior_weight: z.number().positive().optional().meta({ description: 'Weight of the prior in each Parzen estimator. Default 1.' }),
      constant_liar: z.boolean().optional().meta({ description: 'Treat running trials as bad results so parallel workers spread out. Default true.' }),
      multivariate: z
        .boolean()
        .optional()
        .meta({ description: 'Model the parameters jointly (multivariate TPE), so that correlations between them are learnt. Default false.' }),
      group: z.boolean().optional().meta({
        description:
          'With multivariate: one joint model per group of parameters that always appear together (conditional spaces); false models only the parameters every trial has jointly. Default true.',
      }),
    }),
    z.strictObject({
      type: z.literal('gp').meta({
        description: 'Gaussian-process Bayesian optimization (Matérn 5/2, log expected improvement): for small budgets of mostly continuous parameters.',
      }),
      seed: seedSchema,
      n_startup_trials: z.int().min(0).optional().meta({ description: 'Random proposals before the GP takes over. Default 10.' }),
      n_candidates: z.int().min(1).optional().meta({ description: 'Random points scored by the acquisition before local search. Default 512.' }),
    }),
    z.strictObject({
      type: z.literal('nsga2').meta({
        description:
          'NSGA-II (Deb et al. 2002), for multi-objective or constrained sweeps: generations of trials, parents chosen by Pareto rank and crowding, constrained domination.',
      }),
      seed: seedSchema,
      population_size: z.int().min(2).optional().meta({ description: 'Trials per generation; the first generation is random. Default 50.' }),
      crossover_probability: z
        .number()
        .min(0)
        .max(1)
        .optional()
        .meta({ description: 'Chance that a child mixes two parents rather than copying one. Default 0.9.' }),
      mutation_probability: z
        .number()
        .min(0)
        .max(1)
        .optional()
        .meta({ description: "Chance that each of a child's parameters is mutated. Default 1 / (number of parameters)." }),
      crossover_eta: z.number().min(0).optional().meta({ description: 'SBX distribution index: larger keeps children closer to their parents. Default 20.' }),
      mutation_eta: z.number().min(0).optional().meta({ description: 'Polynomial mutation distribution index: larger means smaller steps. Default 20.' }),
    }),
    z.strictObject({
      type: z.literal('motpe').meta({
        description: 'Multi-objective TPE (Ozaki et al. 2020) with constraints (c-TPE), for multi-objective or constrained sweeps; `tpe` means this there.',
      }),
      seed: seedSchema,
      n_startup_trials: z.int().min(0).optional().meta({ description: 'Random proposals before MOTPE takes over. Default 10.' }),
      n_ei_candidates: z.int().min(1).optional().meta({ description: 'Candidates drawn per parameter to pick the most promising. Default 24.' }),
      gamma: z.number().gt(0).lte(1).optional().meta({ description: 'Fraction of finished trials counted as good (capped at 25 trials).' }),
      prior_weight: z.number().positive().optional().meta({ description: 'Weight of the prior in each Parzen estimator. Default 1.' }),
      constant_liar: z.boolean().optional().meta({ description: 'Treat running trials as bad results so parallel workers spread out. Default true.' }),
    }),
    z.strictObject({
      type: z.literal('pbt').meta({
        description:
          'Population-based training (Jaderberg et al. 2017): a population trains at once; every `interval` epochs a member in the bottom quantile continues from a top member’s checkpoint with perturbed params. Needs budget.max_epochs and an objective that checkpoints (rnn-text does).',
      }),
      seed: seedSchema,
      population: z
        .int()
        .min(2)
        .optional()
        .meta({ description: 'Members training at once; the sweep trains population × max_epochs epochs in all. Default 8.' }),
      interval: z.int().min(1).optional().meta({ description: 'Epochs between exploit decisions. Default 2.' }),
      quantile: z
        .number()
        .gt(0)
        .lte(0.5)
        .optional()
        .meta({ description: 'Share of members replaced (bottom) and copied (top) at each decision. Default 0.25.' }),
      perturb: z
        .array(z.number().positive())
        .min(1)
        .optional()
        .meta({ description: 'Factors a perturbed number is multiplied by (one chosen at random; clipped to its range). Default [0.8, 1.2].' }),
      resample_probability: z
        .number()
        .min(0)
        .max(1)
        .optional()
        .meta({ description: 'Chance that a param is drawn afresh instead of perturbed. Default 0.25.' }),
    }),
    z.strictObject({
      type: z.literal('random').meta({ description: 'Independent uniform draws from each distribution.' }),
      seed: seedSchema,
    }),
    z.strictObject({
      type: z.literal('grid').meta({ description: 'Every combination of the parameters (each needs finite values); the sweep ends when the grid is done.' }),
      seed: seedSchema,
      shuffle: z.boolean().optional().meta({ description: "Visit the grid in a seeded random order instead of the spec's order." }),
    }),
  ])
  .default({ type: 'auto', seed: 0 })
  .meta({
    title: 'Sampler',
    description:
      'How parameters are proposed: auto (the default: gp or tpe, chosen from the space and budget; motpe for multi-objective or constrained sweeps), tpe, gp, nsga2, motpe, pbt, random or grid.',
  });

/** The sampler types, as written in specs. */
export const SAMPLER_TYPES = ['auto', 'tpe', 'gp', 'nsga2', 'motpe', 'pbt', 'random', 'grid'] as const;
