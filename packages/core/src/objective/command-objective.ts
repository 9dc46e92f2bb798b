/**
 * A command objective: each trial runs a program of the user's (`objective: { command: […] }`),
 * which reports by printing JSON lines. Core owns the description (spec validation, the trial
 * task); @loopsweep/runner's `commandObjective` runs it.
 */

/** How a command objective learns the pruner's decision after each report. */
export const COMMAND_ANSWERS = ['signal', 'stdin'] as const;
export type CommandAnswers = (typeof COMMAND_ANSWERS)[number];

/** The placeholders every command may use besides its (unconditional) parameters. */
export const COMMAND_PLACEHOLDERS = ['max_epochs', 'seed', 'trial'] as const;

/** Seconds between SIGTERM and SIGKILL when a trial's program must stop, unless the spec says otherwise. */
export const DEFAULT_STOP_GRACE_SECONDS = 5;

/**
 * `objective: { command: [python3, train.py, --lr, "{lr}"], … }` as validated. In a TrialTask,
 * `cwd` is absolute (the orchestrator resolves it against the spec's folder).
 */
export interface CommandObjective {
  /** The program and its arguments; `{name}` is replaced by a parameter, `max_epochs`, `seed` or `trial`. No shell. */
  readonly command: readonly string[];
  /** The program's working directory: relative to the spec's folder in a spec (default: that folder). */
  readonly cwd?: string;
  /** Added to the inherited environment (and the device slot's). */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * 'signal' (default): a pruned trial's program gets SIGTERM, then SIGKILL after `grace`.
   * 'stdin': after each report the program reads one line, `{"stop": true|false}`, from stdin.
   */
  readonly answers?: CommandAnswers;
  /** Seconds one trial may run before it ends FAILED. Default: no limit. */
  readonly timeout?: number;
  /** Seconds between SIGTERM and SIGKILL. Default DEFAULT_STOP_GRACE_SECONDS. */
  readonly grace?: number;
}

/** What a spec's and a task's `objective` is: a built-in's name, a module path, or a command. */
export type ObjectiveRef = string | CommandObjective;

/** `{name}` in a command argument: a name of letters, digits and '_' (so `{'a': 1}` is left alone). */
export const PLACEHOLDER_PATTERN = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The placeholder names in one argument, in order. */
export function placeholdersOf(arg: string): string[] {
  return [...arg.matchAll(PLACEHOLDER_PATTERN)].map((match) => match[1] ?? '');
}

export function isCommandObjective(objective: ObjectiveRef): objective is CommandObjective {
  return typeof objective !== 'string';
}

/**
 * One line for people and the store's `objective` column: the name or path, or the command as a
 * shell would read it (`python3 train.py --lr '{lr}'`).
 */
export function describeObjective(objective: ObjectiveRef): string {
  if (typeof objective === 'string') return objective;
  return objective.command.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`)).join(' ');
}
