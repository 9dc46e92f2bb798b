/**
 * Population-based training read back (issue 18): the chain of trials behind a member (follow
 * `lineage.parent` back to a first-generation member) and the schedule it trained with — its
 * ancestors' params for the epochs up to each exploit step, then its own.
 */
import type { ParamValue, Params } from '@loopsweep/core';
import type { TrialRow } from './types.js';

/** One trial's part of a member's training: epochs `fromStep`…`toStep` (1-based, inclusive) with `params`. */
export interface LineageSegment {
  readonly number: number;
  readonly fromStep: number;
  readonly toStep: number;
  readonly params: Params;
  /** The tracked metric at `toStep` (the trial's final value where no curve point is stored); absent when unknown. */
  readonly value?: number;
}

/** A run of epochs `from`…`to` (inclusive) during which a param kept `value`. */
export interface ScheduleRun {
  readonly from: number;
  readonly to: number;
  readonly value: ParamValue;
}

export interface MemberLineage {
  readonly trial: number;
  /** Oldest first; the member itself last. */
  readonly chain: readonly LineageSegment[];
  /** Per param (every param any trial of the chain has): its runs of equal value, in epoch order. */
  readonly schedule: Readonly<Record<string, readonly ScheduleRun[]>>;
}

/**
 * The chain and schedule of `trial`.
 * @param rows the sweep's trials (as SweepReader.trials gives them), any order.
 * @param curves the tracked metric per trial (SweepReader.learningCurves), to give each segment its value at its end.
 * @throws {RangeError} when `trial` is not among `rows`, or a lineage names a parent that is not.
 */
export function memberLineage(rows: readonly TrialRow[], curves: ReadonlyMap<number, readonly (readonly [number, number])[]>, trial: number): MemberLineage {
  const byNumber = new Map(rows.map((row) => [row.number, row]));
  const member = byNumber.get(trial);
  if (!member) throw new RangeError(`no trial ${trial}`);
  const line: TrialRow[] = [member];
  const seen = new Set([trial]);
  for (let row = member; row.lineage !== undefined;) {
    const parent = byNumber.get(row.lineage.parent);
    if (!parent) throw new RangeError(`trial ${row.number}'s lineage names parent ${row.lineage.parent}, which is not a trial of the sweep`);
    if (seen.has(parent.number)) break; // a damaged store; never loop
    seen.add(parent.number);
    line.unshift(parent);
    row = parent;
  }
  const chain = line.map((row, i): LineageSegment => {
    const fromStep = i === 0 ? 1 : (row.lineage?.step ?? 0) + 1;
    const next = line[i + 1];
    const curve = curves.get(row.number) ?? [];
    const toStep = next?.lineage !== undefined ? next.lineage.step : (row.lastStep ?? curve.at(-1)?.[0] ?? fromStep - 1);
    const point = curve.find(([step]) => step === toStep);
    const value = point !== undefined ? point[1] : next === undefined ? row.value : undefined;
    return { number: row.number, fromStep, toStep, params: row.params, ...(value !== undefined ? { value } : {}) };
  });
  return { trial, chain, schedule: scheduleOf(chain) };
}

/** Each param's runs of equal value over the chain's epochs (a segment without epochs adds none). */
export function scheduleOf(chain: readonly LineageSegment[]): Record<string, ScheduleRun[]> {
  const names = [...new Set(chain.flatMap((segment) => Object.keys(segment.params)))];
  const schedule: Record<string, ScheduleRun[]> = {};
  for (const name of names) {
    const runs: ScheduleRun[] = [];
    for (const segment of chain) {
      if (segment.toStep < segment.fromStep || !(name in segment.params)) continue;
      const value = segment.params[name] as ParamValue;
      const last = runs.at(-1);
      if (last !== undefined && last.value === value && last.to + 1 === segment.fromStep) runs[runs.length - 1] = { ...last, to: segment.toStep };
      else runs.push({ from: segment.fromStep, to: segment.toStep, value });
    }
    schedule[name] = runs;
  }
  return schedule;
}

/**
 * The population slot of each trial: a first-generation member starts its own; an exploit trial
 * takes the slot of the member it replaces. Slots are numbered by their first member's number order.
 */
export function populationSlots(rows: readonly TrialRow[]): Map<number, number> {
  const sorted = [...rows].sort((a, b) => a.number - b.number);
  const slots = new Map<number, number>();
  let next = 0;
  for (const row of sorted) {
    const replaced = row.lineage === undefined ? undefined : slots.get(row.lineage.replaces);
    slots.set(row.number, replaced ?? next++);
  }
  return slots;
}
