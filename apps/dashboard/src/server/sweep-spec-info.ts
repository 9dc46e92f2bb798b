/**
 * What the dashboard needs from a stored sweep's spec document: its parameters as the charts see
 * them, the budget, sampler and pruner. The document was validated before it was stored
 * (SweepSpecDocument), but it is read defensively: a field of an unexpected shape is left out
 * rather than trusted.
 */
import type { ParamSpec, ParamValue, PrunerConfig, SamplerConfig, SweepRecord } from '@loopsweep/core';
import type { ConstraintInfo, ObjectiveInfo, ParamInfo, SweepOverview } from '../api/types.js';

interface SpecShape {
  readonly parameters?: Readonly<Record<string, ParamSpec>>;
  readonly budget?: { readonly trials?: unknown; readonly parallel?: unknown; readonly max_epochs?: unknown };
  readonly sampler?: SamplerConfig;
  readonly pruner?: PrunerConfig;
  readonly metrics?: unknown;
  readonly constraints?: unknown;
}

const RANGE_KINDS = ['uniform', 'log_uniform', 'int', 'int_log_uniform'] as const;

function spec(sweep: SweepRecord): SpecShape {
  return typeof sweep.spec === 'object' && sweep.spec !== null ? sweep.spec : {};
}

function paramInfo(name: string, param: ParamSpec): ParamInfo {
  const conditional = param.when !== undefined && Object.keys(param.when).length > 0;
  if (param.values !== undefined) return { name, kind: 'categorical', values: param.values, conditional };
  if (param.value !== undefined) return { name, kind: 'categorical', values: [param.value], conditional };
  for (const kind of RANGE_KINDS) {
    const range = param[kind];
    if (range !== undefined)
      return { name, kind: 'numeric', log: kind === 'log_uniform' || kind === 'int_log_uniform', range: [range[0], range[1]], conditional };
  }
  return { name, kind: 'numeric', conditional };
}

/** The sweep's parameters in spec order. */
export function sweepParameters(sweep: SweepRecord): ParamInfo[] {
  return Object.entries(spec(sweep).parameters ?? {}).map(([name, param]) => paramInfo(name, param));
}

const positive = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined);

/** budget/sampler/pruner of the overview; the sampler and pruner default as the spec parser defaults them. */
export function sweepSettings(sweep: SweepRecord): Pick<SweepOverview, 'budget' | 'sampler' | 'pruner' | 'objective'> {
  const { budget, sampler, pruner } = spec(sweep);
  const trials = positive(budget?.trials);
  const parallel = positive(budget?.parallel);
  const maxEpochs = positive(budget?.max_epochs);
  return {
    objective: sweep.objective,
    budget: { ...(trials === undefined ? {} : { trials }), ...(parallel === undefined ? {} : { parallel }), ...(maxEpochs === undefined ? {} : { maxEpochs }) },
    sampler: sampler ?? { type: 'tpe', seed: sweep.seed },
    pruner: pruner ?? { type: 'none' },
  };
}

/** Turns a URL's text into the param's value: a categorical choice by its text, a number for a range. */
export function paramValueFromText(param: ParamInfo, text: string): ParamValue | undefined {
  if (param.kind === 'categorical') return (param.values ?? []).find((choice) => String(choice) === text);
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) ? value : undefined;
}

const finite = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function objectiveInfo(entry: unknown): ObjectiveInfo | undefined {
  if (!isRecord(entry) || typeof entry['name'] !== 'string' || (entry['goal'] !== 'minimize' && entry['goal'] !== 'maximize')) return undefined;
  const reference = finite(entry['reference']);
  return { name: entry['name'], goal: entry['goal'], ...(reference === undefined ? {} : { reference }) };
}

function constraintInfo(entry: unknown): ConstraintInfo | undefined {
  if (!isRecord(entry) || typeof entry['metric'] !== 'string') return undefined;
  const min = finite(entry['min']);
  const max = finite(entry['max']);
  return { metric: entry['metric'], ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

/**
 * The objectives and constraints of a multi-objective or constrained sweep (core's isVectorSweep:
 * `metrics:` or a non-empty `constraints:`); undefined for a one-metric, unconstrained sweep. A
 * constrained one-metric sweep has the sweep's metric as its one objective.
 */
export function multiObjectiveInfo(sweep: SweepRecord): SweepOverview['multiObjective'] {
  const { metrics, constraints } = spec(sweep);
  const objectives = Array.isArray(metrics) ? metrics.map(objectiveInfo).filter((o) => o !== undefined) : [];
  const bounds = Array.isArray(constraints) ? constraints.map(constraintInfo).filter((c) => c !== undefined) : [];
  if (objectives.length === 0 && bounds.length === 0) return undefined;
  return { objectives: objectives.length > 0 ? objectives : [{ name: sweep.metric, goal: sweep.direction }], constraints: bounds };
}
