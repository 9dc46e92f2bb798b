import { inspect } from 'node:util';
import { SpecError, SweepError } from '@loopsweep/core';

/** Exit codes of the `sweep` command. */
export const EXIT = {
  ok: 0,
  failure: 1,
  badInput: 2,
  interrupted: 130,
} as const;

/**
 * Bad input the CLI itself detects (a missing file, an unknown sweep, trial or param, a bad flag):
 * what went wrong, and how to fix it. Exit code 2.
 */
export class UsageError extends Error {
  readonly hint: string | undefined;

  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'UsageError';
    this.hint = hint;
  }
}

export interface ErrorReport {
  readonly exitCode: number;
  /** One block for stderr, ending with a newline. */
  readonly text: string;
}

/**
 * Turns any error into its exit code and one readable block: what, where, how to fix it.
 * Bad input (spec problems, usage errors, the store refusing a path or a newer schema, an unknown
 * sweep) exits 2; anything else is unexpected and exits 1. Stack traces only with `debug`.
 */
export function reportError(error: unknown, debug = false): ErrorReport {
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}\n` : '';
  if (error instanceof UsageError) {
    return { exitCode: EXIT.badInput, text: `error: ${error.message}\n${error.hint ? `  hint: ${error.hint}\n` : ''}${stack}` };
  }
  if (error instanceof SpecError) {
    // The message already lists every problem with its path, one per line.
    return { exitCode: EXIT.badInput, text: `error: ${error.message}\n${stack}` };
  }
  if (error instanceof SweepError && (error.code === 'STORE' || error.code === 'SPEC' || error.code === 'UNKNOWN_TRIAL')) {
    return { exitCode: EXIT.badInput, text: `error: ${error.message}\n${causeLine(error)}${stack}` };
  }
  if (error instanceof SweepError) {
    return { exitCode: EXIT.failure, text: `error: ${error.message}\n${causeLine(error)}${stack || debugHint()}` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: EXIT.failure, text: `error: unexpected failure: ${message}\n${stack || debugHint()}` };
}

function causeLine(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  if (cause === undefined) return '';
  const text = cause instanceof Error ? cause.message : typeof cause === 'string' ? cause : inspect(cause);
  return error.message.includes(text) ? '' : `  cause: ${text}\n`;
}

function debugHint(): string {
  return '  (run with LOOPSWEEP_DEBUG=1 for the stack trace)\n';
}
