import { SweepError } from './sweep-error.js';

/** One problem in a sweep spec: where (`parameters.lr.log_uniform[0]`), what, and how to fix it. */
export interface SpecProblem {
  /** Dotted path with [index] for arrays; '' for the whole document. */
  readonly path: string;
  readonly message: string;
  /** A concrete fix, when there is one. */
  readonly hint?: string;
}

export function formatSpecProblem(problem: SpecProblem): string {
  return `${problem.path || '(spec)'}: ${problem.message}${problem.hint ? ` (${problem.hint})` : ''}`;
}

/** A sweep spec was refused. Carries every problem found, not just the first. */
export class SpecError extends SweepError {
  readonly problems: readonly SpecProblem[];

  constructor(problems: readonly SpecProblem[], source?: string) {
    super('SPEC', `invalid sweep spec${source ? ` ${source}` : ''}:\n${problems.map((p) => `  ${formatSpecProblem(p)}`).join('\n')}`);
    this.name = 'SpecError';
    this.problems = problems;
  }
}
