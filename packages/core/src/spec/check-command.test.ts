import { describe, expect, test } from 'vitest';
import { SpecError } from '../errors/spec-error.js';
import { describeObjective } from '../objective/command-objective.js';
import { parseSweepSpec } from './parse-sweep-spec.js';

function spec(objective: string, extra = ''): string {
  return [
    'name: t',
    `objective: ${objective}`,
    'metric: { name: acc, goal: maximize }',
    'budget: { trials: 4, max_epochs: 3 }',
    'parameters:',
    '  lr: { log_uniform: [1.0e-4, 1.0e-1] }',
    '  optimizer: { values: [sgd, momentum] }',
    '  momentum: { uniform: [0.5, 0.9], when: { optimizer: momentum } }',
    extra,
  ].join('\n');
}

function problems(yaml: string): [string, string, string | undefined][] {
  try {
    parseSweepSpec(yaml);
  } catch (error) {
    if (error instanceof SpecError) return error.problems.map((p) => [p.path, p.message, p.hint]);
    throw error;
  }
  return [];
}

describe('command objectives', () => {
  test('a command with its options parses, durations in seconds', () => {
    const parsed = parseSweepSpec(
      spec(
        '{ command: [python3, train.py, --lr, "{lr}", --opt, "{optimizer}", "--e={max_epochs}", "{seed}", "{trial}"], cwd: ./py, env: { A: "1" }, answers: stdin, timeout: 2m, grace: 3 }',
      ),
    );
    expect(parsed.objective).toEqual({
      command: ['python3', 'train.py', '--lr', '{lr}', '--opt', '{optimizer}', '--e={max_epochs}', '{seed}', '{trial}'],
      cwd: './py',
      env: { A: '1' },
      answers: 'stdin',
      timeout: 120,
      grace: 3,
    });
    expect(describeObjective(parsed.objective)).toBe("python3 train.py --lr '{lr}' --opt '{optimizer}' '--e={max_epochs}' '{seed}' '{trial}'");
  });

  test('an unknown placeholder is refused at its path, with the name meant', () => {
    expect(problems(spec('{ command: [python3, train.py, --lr, "{lrr}"] }'))).toEqual([
      ['objective.command[3]', "unknown placeholder '{lrr}': not a parameter, max_epochs, seed or trial", "did you mean 'lr'?"],
    ]);
  });

  test('a conditional parameter, and max_epochs without a budget for it, are refused', () => {
    const found = problems(spec('{ command: [run, "{momentum}", "{max_epochs}"] }').replace(', max_epochs: 3', ''));
    expect(found.map(([path, message]) => [path, message])).toEqual([
      ['objective.command[1]', "'{momentum}' names a conditional parameter (it has when:), which some trials do not have"],
      ['objective.command[2]', "'{max_epochs}' needs budget.max_epochs"],
    ]);
  });

  test('an empty command, a bad key and a bad answers mode are refused', () => {
    const found = problems(spec('{ command: [], answer: stdin, answers: pipe }'));
    expect(found.map(([path]) => path).sort()).toEqual(['objective.answer', 'objective.answers', 'objective.command']);
  });

  test('a number is still refused with the objective wording', () => {
    expect(problems(spec('5'))[0]?.[1]).toMatch(/^must be a built-in objective name, a module path .* or \{ command: \[\.\.\.\] \}, got/);
  });
});
