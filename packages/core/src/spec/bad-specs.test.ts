import { describe, expect, test } from 'vitest';
import { SpecError, type SpecProblem } from '../errors/spec-error.js';
import { parseSweepSpec } from './parse-sweep-spec.js';

/** A valid spec's sections; a row replaces some (null drops one) to make exactly its problems. */
const BASE = {
  name: 'name: t',
  objective: 'objective: noop',
  metric: 'metric: { name: loss, goal: minimize }',
  budget: 'budget: { trials: 10 }',
  parameters: 'parameters:\n  lr: { log_uniform: [1.0e-4, 1.0e-1] }',
} as const;

function spec(sections: Readonly<Record<string, string | null>>): string {
  const merged: Record<string, string | null> = { ...BASE, ...sections };
  return `${Object.values(merged)
    .filter((text): text is string => text !== null)
    .join('\n')}\n`;
}

function params(...lines: string[]): string {
  return ['parameters:', ...lines.map((line) => `  ${line}`)].join('\n');
}

/** [path, substring of the message, substring of the hint?] */
type Expected = readonly [path: string, message: string, hint?: string];

const ROWS: readonly { readonly title: string; readonly yaml: string; readonly problems: readonly Expected[] }[] = [
  // The document itself
  { title: 'not a mapping', yaml: '- name: t\n', problems: [['', 'must be a mapping, got a list']] },
  { title: 'empty', yaml: '# nothing yet\n', problems: [['', 'the spec is empty', 'start with name:']] },
  {
    title: 'YAML syntax errors',
    yaml: 'name: t\nparameters: { lr: [1, 2\n',
    problems: [
      ['', 'YAML syntax error at line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]'],
      ['', 'YAML syntax error at line 3, column 1: Flow map in block collection'],
    ],
  },
  { title: 'duplicate key', yaml: 'name: t\nname: u\n', problems: [['', 'YAML syntax error at line 2, column 1: Map keys must be unique']] },
  {
    title: 'unknown top-level key',
    yaml: spec({ parameters: 'paramters:\n  lr: { value: 1 }' }),
    problems: [
      ['paramters', 'unknown key', "did you mean 'parameters'?"],
      ['parameters', 'required'],
    ],
  },
  // name, objective, dataset, metric
  { title: 'name missing', yaml: spec({ name: null }), problems: [['name', 'required', 'e.g. name: spam-rnn-strategies']] },
  {
    title: 'name with a space',
    yaml: spec({ name: "name: 'my sweep'" }),
    problems: [['name', "must use only letters, digits, '.', '_' and '-'", 'e.g. name:']],
  },
  { title: "name '..'", yaml: spec({ name: "name: '..'" }), problems: [['name', "not be '.' or '..'"]] },
  { title: 'name empty', yaml: spec({ name: "name: ''" }), problems: [['name', "must not be empty, got ''"]] },
  {
    title: 'objective without ./',
    yaml: spec({ objective: 'objective: my-objective.js' }),
    problems: [['objective', "module path starting with './', '../' or '/'", 'objective: ./my-objective.js']],
  },
  {
    title: 'objective .ts module',
    yaml: spec({ objective: 'objective: ./objective.ts' }),
    problems: [['objective', "ending in .js or .mjs, got './objective.ts'"]],
  },
  { title: 'objective a number', yaml: spec({ objective: 'objective: 5' }), problems: [['objective', 'must be a built-in objective name', 'rnn-text']] },
  { title: 'dataset a list', yaml: spec({ dataset: 'dataset: [spam]' }), problems: [['dataset', 'must be a mapping, got a list']] },
  { title: 'metric missing', yaml: spec({ metric: null }), problems: [['metric', 'required', 'metric: { name: val_accuracy, goal: maximize }']] },
  {
    title: 'metric name empty and goal unknown',
    yaml: spec({ metric: "metric: { name: '', goal: max }" }),
    problems: [
      ['metric.name', 'must not be empty'],
      ['metric.goal', "must be one of maximize, minimize, got 'max'"],
    ],
  },
  {
    title: 'metric and metrics both',
    yaml: spec({ metrics: 'metrics: [{ name: loss, goal: minimize }, { name: seconds, goal: minimize }]' }),
    problems: [['metrics', 'metric (one objective) or metrics (several), not both', 'remove metric']],
  },
  {
    title: 'metrics with one entry and a repeated name',
    yaml: spec({ metric: null, metrics: 'metrics: [{ name: loss, goal: minimize }]' }),
    problems: [['metrics', 'must have at least 2 items', 'metrics: [{ name: val_accuracy, goal: maximize }']],
  },
  {
    title: 'metrics repeat a name',
    yaml: spec({ metric: null, metrics: 'metrics: [{ name: loss, goal: minimize }, { name: loss, goal: maximize }]' }),
    problems: [['metrics[1].name', "'loss' is already metrics[0]", 'list each metric once']],
  },
  {
    title: 'constraints without a bound and with min above max',
    yaml: spec({ constraints: 'constraints: [{ metric: size }, { metric: seconds, min: 5, max: 2 }, { metric: size, mx: 3 }]' }),
    problems: [
      ['constraints[2].mx', 'unknown key', "did you mean 'max'?"],
      ['constraints[0]', 'needs min, max or both', '{ metric: parameters, max: 100000 }'],
      ['constraints[1].min', 'is larger than max (5 > 2)', 'swap min and max'],
      ['constraints[2]', 'needs min, max or both'],
    ],
  },
  {
    title: 'a multi-objective sampler for one metric',
    yaml: spec({ sampler: 'sampler: { type: nsga2 }' }),
    problems: [['sampler.type', 'nsga2 is for multi-objective or constrained sweeps', 'use tpe or auto for one metric']],
  },
  {
    title: 'gp, median and compare in a multi-objective sweep',
    yaml: spec({
      metric: null,
      metrics: 'metrics: [{ name: loss, goal: minimize }, { name: seconds, goal: minimize }]',
      budget: null,
      sampler: 'sampler: { type: gp }',
      pruner: 'pruner: { type: median }',
      parameters: params('lr: { log_uniform: [1.0e-4, 1.0e-1] }', 'optimizer: { values: [adam, sgd] }'),
      compare: 'compare: { by: optimizer, trials_per_value: 5, confirm: { seeds: 3 } }',
    }),
    problems: [
      ['sampler.type', 'gp optimizes one metric without constraints; this is a multi-objective sweep', 'use motpe'],
      ['pruner.type', 'median ranks trials by one metric', 'pruner: { type: asha }'],
      ['compare', 'the comparison protocol confirms', 'sweep compare'],
    ],
  },
  {
    title: 'multivariate tpe in a constrained sweep',
    yaml: spec({ constraints: 'constraints: [{ metric: size, max: 10 }]', sampler: 'sampler: { type: tpe, multivariate: true }' }),
    problems: [['sampler.multivariate', 'in a constrained sweep tpe means multi-objective TPE', 'remove multivariate']],
  },
  {
    title: 'metric goal misspelt',
    yaml: spec({ metric: 'metric: { name: loss, goal: minimise }' }),
    problems: [['metric.goal', 'must be one of maximize, minimize', "did you mean 'minimize'?"]],
  },
  // budget
  { title: 'budget trials 0', yaml: spec({ budget: 'budget: { trials: 0 }' }), problems: [['budget.trials', 'must be ≥ 1, got 0']] },
  {
    title: 'budget retries fractional',
    yaml: spec({ budget: 'budget: { trials: 5, retries: 1.5 }' }),
    problems: [['budget.retries', 'must be an integer, got 1.5']],
  },
  {
    title: 'budget timeout not a duration',
    yaml: spec({ budget: 'budget: { timeout: soon }' }),
    problems: [['budget.timeout', "must be a positive number of seconds or a duration such as '90s'", undefined]],
  },
  { title: 'budget timeout zero', yaml: spec({ budget: 'budget: { timeout: 0s }' }), problems: [['budget.timeout', "got '0s'"]] },
  {
    title: 'budget without a limit',
    yaml: spec({ budget: 'budget: { parallel: 2 }' }),
    problems: [['budget', 'a tpe sweep needs a limit', 'set budget.trials or budget.timeout']],
  },
  {
    title: 'no budget, random sampler',
    yaml: spec({ budget: null, sampler: 'sampler: { type: random }' }),
    problems: [['budget', 'a random sweep needs a limit', 'set budget.trials or budget.timeout']],
  },
  {
    title: 'budget unknown key',
    yaml: spec({ budget: 'budget: { trails: 10 }' }),
    problems: [
      ['budget.trails', 'unknown key', "did you mean 'trials'?"],
      ['budget', 'needs a limit'],
    ],
  },
  // sampler and pruner
  {
    title: 'sampler key misspelt',
    yaml: spec({ sampler: 'sampler: { type: tpe, sed: 7 }' }),
    problems: [['sampler.sed', 'unknown key', "did you mean 'seed'?"]],
  },
  {
    title: 'sampler key far from any',
    yaml: spec({ sampler: 'sampler: { type: random, gamma: 0.2 }' }),
    problems: [['sampler.gamma', 'unknown key', 'allowed keys: type, seed']],
  },
  {
    title: 'sampler type unknown',
    yaml: spec({ sampler: 'sampler: { type: bayes }' }),
    problems: [['sampler.type', "must be one of auto, tpe, gp, nsga2, motpe, pbt, random, grid, got 'bayes'"]],
  },
  {
    title: 'sampler type misspelt',
    yaml: spec({ sampler: 'sampler: { type: radnom }' }),
    problems: [['sampler.type', 'must be one of', "did you mean 'random'?"]],
  },
  { title: 'sampler seed negative', yaml: spec({ sampler: 'sampler: { type: random, seed: -1 }' }), problems: [['sampler.seed', 'must be ≥ 0, got -1']] },
  { title: 'sampler tpe gamma above 1', yaml: spec({ sampler: 'sampler: { type: tpe, gamma: 1.5 }' }), problems: [['sampler.gamma', 'must be ≤ 1, got 1.5']] },
  {
    title: 'pruner type missing',
    yaml: spec({ pruner: 'pruner: { min_epochs: 2 }' }),
    problems: [['pruner.type', 'required: one of none, median, asha, hyperband']],
  },
  {
    title: 'pruner asha reduction factor 1',
    yaml: spec({ pruner: 'pruner: { type: asha, reduction_factor: 1 }' }),
    problems: [['pruner.reduction_factor', 'must be ≥ 2, got 1']],
  },
  {
    title: 'hyperband without max_epochs anywhere',
    yaml: spec({ pruner: 'pruner: { type: hyperband }' }),
    problems: [['pruner.max_epochs', 'hyperband needs max_epochs']],
  },
  // parameters: entries
  { title: 'parameters missing', yaml: spec({ parameters: null }), problems: [['parameters', 'required']] },
  {
    title: 'parameters empty',
    yaml: spec({ parameters: 'parameters: {}' }),
    problems: [['parameters', 'must define at least one parameter', 'lr: { log_uniform:']],
  },
  {
    title: 'parameter a bare number',
    yaml: spec({ parameters: params('lr: 0.01') }),
    problems: [['parameters.lr', 'must be a mapping such as', 'for a fixed value write { value: 0.01 }']],
  },
  {
    title: 'parameter a bare list',
    yaml: spec({ parameters: params('cell: [lstm, gru]') }),
    problems: [['parameters.cell', 'must be a mapping such as', 'write { values: [...] }']],
  },
  {
    title: 'parameter name with a space',
    yaml: spec({ parameters: params('hidden units: { value: 64 }') }),
    problems: [['parameters["hidden units"]', "names must start with a letter or '_'", 'e.g. hidden_units']],
  },
  {
    title: 'no kind key',
    yaml: spec({ parameters: params('lr: { step: 0.1 }') }),
    problems: [['parameters.lr', 'needs one of values, uniform, log_uniform, int, int_log_uniform, value']],
  },
  {
    title: 'two kind keys',
    yaml: spec({ parameters: params('x: { uniform: [0, 1], int: [0, 4] }') }),
    problems: [['parameters.x', 'has uniform and int: a parameter takes exactly one of values, uniform', 'keep one of uniform, int']],
  },
  {
    title: 'kind key misspelt',
    yaml: spec({ parameters: params('lr: { log_unifrom: [1.0e-4, 0.1] }') }),
    problems: [['parameters.lr.log_unifrom', 'unknown key', "did you mean 'log_uniform'?"]],
  },
  {
    title: 'log_uniform low not positive',
    yaml: spec({ parameters: params('lr: { log_uniform: [0, 0.1] }') }),
    problems: [['parameters.lr.log_uniform[0]', 'must be > 0, got 0', 'a log-uniform range needs low > 0']],
  },
  {
    title: 'int high below low',
    yaml: spec({ parameters: params('units: { int: [16, 8] }') }),
    problems: [['parameters.units.int[1]', 'must be ≥ 16 (low), got 8', 'write the range as [low, high]']],
  },
  {
    title: 'int bound not an integer',
    yaml: spec({ parameters: params('units: { int: [16.5, 64] }') }),
    problems: [['parameters.units.int[0]', 'must be an integer, got 16.5']],
  },
  {
    title: 'int_log_uniform low 0',
    yaml: spec({ parameters: params('units: { int_log_uniform: [0, 256] }') }),
    problems: [['parameters.units.int_log_uniform[0]', 'must be ≥ 1, got 0']],
  },
  {
    title: 'empty range',
    yaml: spec({ parameters: params('dropout: { uniform: [0.5, 0.5] }') }),
    problems: [['parameters.dropout.uniform', 'empty range [0.5, 0.5]', 'use value: 0.5 for a fixed parameter']],
  },
  {
    title: 'range with one bound',
    yaml: spec({ parameters: params('dropout: { uniform: [0.5] }') }),
    problems: [['parameters.dropout.uniform', 'must be a list of two numbers [low, high], got a list']],
  },
  {
    title: 'range bound a string',
    yaml: spec({ parameters: params('dropout: { uniform: [low, 0.5] }') }),
    problems: [['parameters.dropout.uniform[0]', "must be a number, got 'low'"]],
  },
  {
    title: 'range bound infinite',
    yaml: spec({ parameters: params('dropout: { uniform: [0, .inf] }') }),
    problems: [['parameters.dropout.uniform[1]', 'must be a finite number, got Infinity']],
  },
  {
    title: 'values empty',
    yaml: spec({ parameters: params('cell: { values: [] }') }),
    problems: [['parameters.cell.values', 'must be a non-empty list of values, got an empty list']],
  },
  {
    title: 'values repeated',
    yaml: spec({ parameters: params('cell: { values: [lstm, gru, lstm] }') }),
    problems: [['parameters.cell.values[2]', "repeats values[0] ('lstm')", 'list each value once']],
  },
  {
    title: 'values with a null',
    yaml: spec({ parameters: params('cell: { values: [lstm, ~] }') }),
    problems: [['parameters.cell.values[1]', 'must be a string, a number, true or false, got null']],
  },
  // parameters: steps
  {
    title: 'step with log_uniform',
    yaml: spec({ parameters: params('lr: { log_uniform: [1.0e-4, 0.1], step: 0.01 }') }),
    problems: [['parameters.lr.step', 'not allowed with log_uniform', 'use values: [...]']],
  },
  {
    title: 'step with values',
    yaml: spec({ parameters: params('cell: { values: [lstm, gru], step: 1 }') }),
    problems: [['parameters.cell.step', 'not allowed with values']],
  },
  {
    title: 'fractional step for int',
    yaml: spec({ parameters: params('units: { int: [16, 64], step: 2.5 }') }),
    problems: [['parameters.units.step', 'must be an integer for int, got 2.5']],
  },
  {
    title: 'step not positive',
    yaml: spec({ parameters: params('dropout: { uniform: [0, 0.5], step: 0 }') }),
    problems: [['parameters.dropout.step', 'must be > 0, got 0']],
  },
  {
    title: 'step wider than the range',
    yaml: spec({ parameters: params('dropout: { uniform: [0, 0.5], step: 0.75 }') }),
    problems: [['parameters.dropout.step', 'must be ≤ 0.5 (high − low), got 0.75']],
  },
  // parameters: conditions
  {
    title: 'when names an unknown parameter',
    yaml: spec({ parameters: params('optimizer: { values: [sgd, momentum] }', 'momentum: { uniform: [0.5, 0.99], when: { optimiser: momentum } }') }),
    problems: [
      ['parameters.momentum.when.optimiser', "names unknown parameter 'optimiser'", "did you mean 'optimizer'? known parameters: optimizer, momentum"],
    ],
  },
  {
    title: 'when value the parent never takes',
    yaml: spec({ parameters: params('optimizer: { values: [sgd, momentum] }', 'momentum: { uniform: [0.5, 0.99], when: { optimizer: nesterov } }') }),
    problems: [['parameters.momentum.when.optimizer', "'nesterov' is not a value of optimizer", "optimizer is one of 'sgd', 'momentum'"]],
  },
  {
    title: 'when list with one bad value',
    yaml: spec({ parameters: params('layers: { int: [1, 3] }', 'residual: { values: [true, false], when: { layers: [2, 4] } }') }),
    problems: [['parameters.residual.when.layers[1]', '4 is not a value of layers', 'layers is an integer in [1, 3]']],
  },
  {
    title: 'when not a value',
    yaml: spec({ parameters: params('a: { values: [x] }', 'b: { value: 1, when: { a: { x: 1 } } }') }),
    problems: [['parameters.b.when.a', 'must be a value of that parameter or a non-empty list of its values, got a mapping']],
  },
  {
    title: 'when on itself',
    yaml: spec({ parameters: params('a: { values: [x, y], when: { a: x } }') }),
    problems: [['parameters.a.when.a', 'a parameter cannot depend on itself', 'remove a from when']],
  },
  {
    title: 'condition cycle',
    yaml: spec({
      parameters: params(
        'a: { values: [x], when: { b: x } }',
        'b: { values: [x], when: { c: x } }',
        'c: { values: [x], when: { a: x } }',
        'd: { values: [x], when: { a: x } }',
      ),
    }),
    problems: [['parameters', 'condition cycle a → b → c → a']],
  },
  // grid
  {
    title: 'grid with continuous parameters',
    yaml: spec({
      sampler: 'sampler: { type: grid }',
      budget: null,
      parameters: params(
        'lr: { log_uniform: [1.0e-4, 0.1] }',
        'dropout: { uniform: [0, 0.5] }',
        'q: { uniform: [0, 0.5], step: 0.25 }',
        'units: { int: [16, 64] }',
      ),
    }),
    problems: [
      ['parameters.lr', 'grid search needs a finite set of values', 'use values: [...], e.g.'],
      ['parameters.dropout', 'grid search needs a finite set of values', 'use values: [...] or add step'],
    ],
  },
  // many problems at once, from every stage, in the document's order
  {
    title: 'every problem reported together',
    yaml: [
      'parameters:',
      '  lr: { log_uniform: [-1, 0.1] }',
      '  momentum: { uniform: [0.5, 0.99], when: { optimizer: momentum } }',
      'metric: { name: loss, goal: lower }',
      'objective: noop',
      'name: t',
      'budget: { parallel: 0 }',
      'sampler: { type: tpe, sed: 1 }',
      '',
    ].join('\n'),
    problems: [
      ['parameters.lr.log_uniform[0]', 'must be > 0'],
      ['parameters.momentum.when.optimizer', "names unknown parameter 'optimizer'"],
      ['metric.goal', 'must be one of maximize, minimize'],
      ['budget.parallel', 'must be ≥ 1, got 0'],
      ['budget', 'needs a limit'],
      ['sampler.sed', 'unknown key'],
    ],
  },
  // The comparison protocol
  {
    title: 'compare by a parameter that does not exist',
    yaml: spec({
      budget: null,
      parameters: params('optimizer: { values: [adam, sgd] }', 'lr: { log_uniform: [1.0e-4, 1.0e-1] }'),
      extra: 'compare: { by: optimiser, trials_per_value: 10, confirm: { seeds: 5 } }',
    }),
    problems: [['compare.by', "'optimiser' is not a parameter of this sweep", "did you mean 'optimizer'?"]],
  },
  {
    title: 'compare by a continuous parameter',
    yaml: spec({ budget: null, extra: 'compare: { by: lr, trials_per_value: 10, confirm: { seeds: 5 } }' }),
    problems: [['compare.by', "'lr' is not a categorical parameter with two or more values", 'lr: { values: [a, b] }']],
  },
  {
    title: 'compare by a conditional parameter',
    yaml: spec({
      budget: null,
      parameters: params('clip: { values: [none, norm] }', 'mode: { values: [x, y], when: { clip: norm } }'),
      extra: 'compare: { by: mode, trials_per_value: 10, confirm: { seeds: 5 } }',
    }),
    problems: [['compare.by', "'mode' is conditional", 'remove parameters.mode.when']],
  },
  {
    title: 'compare with budget.trials, a grid, one seed and a confidence of 1',
    yaml: spec({
      budget: 'budget: { trials: 30 }',
      parameters: params('optimizer: { values: [adam, sgd] }'),
      extra: 'sampler: { type: grid }\ncompare: { by: optimizer, trials_per_value: 10, confirm: { seeds: 1 }, confidence: 1 }',
    }),
    problems: [
      ['budget.trials', 'is set by the comparison', 'remove budget.trials'],
      ['sampler.type', 'a grid cannot search each value with the same budget', 'use tpe or random'],
      ['compare.confirm.seeds', 'must be'],
      ['compare.confidence', 'must be'],
    ],
  },
];
describe('a bad spec is refused with every problem', () => {
  test('the table covers enough cases', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(25);
  });

  test.each(ROWS)('$title', ({ yaml, problems: expected }) => {
    const problems = problemsOf(yaml);
    expect(problems.map((problem) => problem.path)).toEqual(expected.map(([path]) => path));
    expected.forEach(([, message, hint], index) => {
      const problem = problems[index] as SpecProblem;
      expect(problem.message).toContain(message);
      if (hint !== undefined) expect(problem.hint).toContain(hint);
    });
  });

  test('no problem leaks zod wording', () => {
    const messages = ROWS.flatMap(({ yaml }) => problemsOf(yaml).map((problem) => problem.message));
    expect(messages.filter((message) => /Invalid input|Invalid option|Too small|Too big|Unrecognized key|expected .* received/i.test(message))).toEqual([]);
  });
});

function problemsOf(yaml: string): readonly SpecProblem[] {
  try {
    parseSweepSpec(yaml);
  } catch (error) {
    if (error instanceof SpecError) return error.problems;
    throw error;
  }
  throw new Error(`expected a SpecError for:\n${yaml}`);
}
