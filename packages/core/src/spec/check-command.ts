/**
 * A command objective's placeholders (`{lr}`) must name something every trial has: an
 * unconditional parameter, or max_epochs (when the budget sets it), seed or trial.
 */
import type { SpecProblem } from '../errors/spec-error.js';
import { COMMAND_PLACEHOLDERS, placeholdersOf } from '../objective/command-objective.js';
import { didYouMean } from './did-you-mean.js';
import { isMapping } from './spec-path.js';

export function commandProblems(spec: Readonly<Record<string, unknown>>): SpecProblem[] {
  const objective = spec['objective'];
  if (!isMapping(objective) || !Array.isArray(objective['command'])) return [];
  const parameters = isMapping(spec['parameters']) ? spec['parameters'] : {};
  const budget = isMapping(spec['budget']) ? spec['budget'] : {};
  const known = [...Object.keys(parameters), ...COMMAND_PLACEHOLDERS];
  const problems: SpecProblem[] = [];
  objective['command'].forEach((arg, index) => {
    if (typeof arg !== 'string') return;
    const path = `objective.command[${index}]`;
    for (const name of placeholdersOf(arg)) {
      const param = parameters[name];
      if (param !== undefined) {
        if (isMapping(param) && param['when'] !== undefined) {
          problems.push({
            path,
            message: `'{${name}}' names a conditional parameter (it has when:), which some trials do not have`,
            hint: `read it from LOOPSWEEP_PARAMS (JSON; inactive parameters are left out), or remove parameters.${name}.when`,
          });
        }
      } else if (name === 'max_epochs') {
        if (budget['max_epochs'] === undefined) problems.push({ path, message: "'{max_epochs}' needs budget.max_epochs", hint: 'set budget.max_epochs' });
      } else if (!(COMMAND_PLACEHOLDERS as readonly string[]).includes(name)) {
        problems.push({
          path,
          message: `unknown placeholder '{${name}}': not a parameter, max_epochs, seed or trial`,
          hint: didYouMean(name, known) ?? `placeholders: ${known.map((k) => `{${k}}`).join(', ')}`,
        });
      }
    }
  });
  return problems;
}
