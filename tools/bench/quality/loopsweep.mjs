// loopsweep's side of the search-quality benchmark: one sequential Study per (sampler, function,
// seed), built from a spec as a sweep would be. Each sampler is a spec `sampler:` block, so a new
// type works unchanged once core knows it, and is skipped (with the reason) until then.
import { createPruner, createSampler, parseSweepSpec, specSamplerChoice, Study } from '@loopsweep/core';
import { parametersYaml } from './functions.mjs';

/** The named samplers `--samplers` knows; `default` is the spec without a `sampler:` block. */
export const KNOWN_SAMPLERS = {
  tpe: '{type: tpe}',
  random: '{type: random}',
  'tpe-mv': '{type: tpe, multivariate: true}',
  gp: '{type: gp}',
  auto: '{type: auto}',
  default: null,
};

/**
 * `--samplers tpe,random,mine={type: tpe, gamma: 0.1}`: names of KNOWN_SAMPLERS or name=block
 * entries (YAML flow mappings; the seed is the benchmark's to set). Returns [{ name, block }].
 */
export function parseSamplers(text) {
  const entries = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '{' || char === '[') depth++;
    if (char === '}' || char === ']') depth--;
    if (char === ',' && depth === 0) {
      entries.push(current);
      current = '';
    } else current += char;
  }
  entries.push(current);
  return entries
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const equals = entry.indexOf('=');
      if (equals < 0) {
        if (!(entry in KNOWN_SAMPLERS)) throw new Error(`unknown sampler '${entry}': use one of ${Object.keys(KNOWN_SAMPLERS).join(', ')} or name={type: …}`);
        return { name: entry, block: KNOWN_SAMPLERS[entry] };
      }
      const block = entry.slice(equals + 1).trim();
      if (!block.startsWith('{') || !block.endsWith('}')) throw new Error(`sampler '${entry}': the block must be a flow mapping such as {type: tpe}`);
      return { name: entry.slice(0, equals).trim(), block };
    });
}

/** The spec of one run: the function's parameters, the budget and the sampler block with seed `seed`. */
export function specText(fn, name, block, seed, trials) {
  const sampler = block === null ? '' : `sampler: { seed: ${seed}, ${block.trim().slice(1, -1)} }\n`;
  return `name: quality-${name}
objective: noop
metric: { name: value, goal: minimize }
budget: { trials: ${trials} }
${sampler}parameters:
${parametersYaml(fn)}
`;
}

/** The parsed spec, the default sampler given seed `seed`; throws what parseSweepSpec throws. */
function parse(fnName, fn, block, seed, trials) {
  const parsed = parseSweepSpec(specText(fn, fnName, block, seed, trials), { source: `quality-${fnName}.yaml` });
  return block === null ? { ...parsed, sampler: { ...parsed.sampler, seed } } : parsed;
}

/** Why this sampler block cannot run in this build (a one-line reason), or undefined when it can. */
export function unsupported(fnName, fn, block, trials) {
  try {
    createSampler(specSamplerChoice(parse(fnName, fn, block, 0, trials)).config);
    return undefined;
  } catch (error) {
    return String(error?.message ?? error)
      .split('\n')
      .filter(Boolean)
      .slice(0, 2)
      .join(' ');
  }
}

/** The sampler a block resolves to on this function (what `auto` or no block chose, and why). */
export function resolvedSampler(fnName, fn, block, trials) {
  const choice = specSamplerChoice(parse(fnName, fn, block, 0, trials));
  const { seed: _seed, ...options } = choice.config;
  return { key: JSON.stringify(options), reason: choice.reason };
}

// `default` and `auto` resolve to gp or tpe on most functions: a run already made is not made again.
const runs = new Map();

/** One sequential run: per trial the observed value, the noise-free value and the ask time (ms). */
export function runLoopsweep(fnName, fn, block, seed, trials) {
  const key = `${fnName}|${resolvedSampler(fnName, fn, block, trials).key}|${seed}|${trials}`;
  if (!runs.has(key)) runs.set(key, freshRun(fnName, fn, block, seed, trials));
  return runs.get(key);
}

function freshRun(fnName, fn, block, seed, trials) {
  const parsed = parse(fnName, fn, block, seed, trials);
  const study = new Study({
    space: parsed.space,
    direction: 'minimize',
    metric: 'value',
    // As a sweep builds it: `auto` (and no sampler block) chooses from the space and the budget.
    sampler: createSampler(specSamplerChoice(parsed).config),
    pruner: createPruner({ type: 'none' }, {}),
  });
  const observed = new Array(trials);
  const truth = new Array(trials);
  const askMs = new Array(trials);
  for (let i = 0; i < trials; i++) {
    const started = performance.now();
    const trial = study.ask();
    askMs[i] = performance.now() - started;
    study.start(trial.number);
    const value = fn.evaluate(trial.params, seed, trial.number);
    study.tell(trial.number, 'COMPLETE', value.observed);
    observed[i] = value.observed;
    truth[i] = value.truth;
  }
  return { observed, truth, askMs };
}
