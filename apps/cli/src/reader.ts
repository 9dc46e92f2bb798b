/** Read-only access for the read commands: never the writer, never creates a file. */
import type { SweepRecord } from '@loopsweep/core';
import { SweepReader } from '@loopsweep/store';
import { existingDb } from './db-path.js';
import { didYouMean } from './did-you-mean.js';
import { UsageError } from './errors.js';

/** Opens `db` read-only, runs `fn`, closes it. @throws {UsageError} when there is no file. */
export async function withReader<T>(db: string, fn: (reader: SweepReader) => T | Promise<T>): Promise<T> {
  const reader = SweepReader.open(existingDb(db));
  try {
    return await fn(reader);
  } finally {
    reader.close();
  }
}

/** The sweep called `name`. @throws {UsageError} naming the sweeps the database holds. */
export function requireSweep(reader: SweepReader, name: string, db: string): SweepRecord {
  const sweep = reader.getSweep(name);
  if (sweep) return sweep;
  const names = reader.listSweeps().map((s) => s.name);
  const guess = didYouMean(name, names);
  throw new UsageError(
    `no sweep named '${name}' in ${db}`,
    guess
      ? `did you mean '${guess}'? (\`sweep list\` shows them all)`
      : names.length > 0
        ? `it holds: ${names.join(', ')}`
        : 'the database holds no sweeps yet; start one with `sweep run <spec>`',
  );
}

/** The parameter names a stored sweep's spec declares, in spec order. */
export function specParamNames(sweep: SweepRecord): string[] {
  const parameters = (sweep.spec as { parameters?: Record<string, unknown> } | undefined)?.parameters;
  return parameters ? Object.keys(parameters) : [];
}

/** The stored spec's budget.trials, when it has one. */
export function budgetTrials(sweep: SweepRecord): number | undefined {
  const trials = (sweep.spec as { budget?: { trials?: unknown } } | undefined)?.budget?.trials;
  return typeof trials === 'number' ? trials : undefined;
}
