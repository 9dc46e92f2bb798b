/**
 * GET /api/sweeps/:name/front — the Pareto front of a multi-objective or constrained sweep: core's
 * summarizeFront and hypervolumeHistory over the COMPLETE trials' final values (a PRUNED trial's
 * values are from the epoch it stopped at, so it is listed but never on the front).
 */
import { boundViolation, hypervolumeHistory, summarizeFront, type FrontObjective, type SweepRecord } from '@loopsweep/core';
import type { SweepReader, TrialRow } from '@loopsweep/store';
import type { FrontResponse, FrontTrial, SweepOverview } from '../api/types.js';

type MultiObjective = NonNullable<SweepOverview['multiObjective']>;

/**
 * @param rows every trial of the sweep (their states).
 * @param info the sweep's objectives and constraints (multiObjectiveInfo).
 */
export function buildFront(reader: SweepReader, rows: readonly TrialRow[], sweep: SweepRecord, info: MultiObjective): FrontResponse {
  const { objectives, constraints } = info;
  const finals = reader.finalValues(sweep.name);
  const finished = rows.filter((row) => row.state === 'COMPLETE' || row.state === 'PRUNED');
  // A one-metric constrained sweep may keep its objective only as the trial's value.
  const valuesOf = (row: TrialRow): Record<string, number> => {
    const values = { ...finals.get(row.number) };
    if (objectives.length === 1 && values[sweep.metric] === undefined && row.value !== undefined) values[sweep.metric] = row.value;
    return values;
  };
  const valued = finished.map((row) => ({ row, values: valuesOf(row) })).filter(({ values }) => Object.keys(values).length > 0);
  const complete = valued.filter(({ row }) => row.state === 'COMPLETE').map(({ row, values }) => ({ number: row.number, values }));
  const frontObjectives: FrontObjective[] = objectives.map((objective) => ({
    name: objective.name,
    direction: objective.goal,
    ...(objective.reference === undefined ? {} : { reference: objective.reference }),
  }));
  const summary = summarizeFront(complete, frontObjectives, constraints);
  const onFront = new Set(summary.front.map((member) => member.number));
  const trials: FrontTrial[] = valued.map(({ row, values }) => ({
    number: row.number,
    state: row.state,
    values,
    feasible: constraints.every((constraint) => boundViolation(values[constraint.metric], constraint) === 0),
    onFront: onFront.has(row.number),
  }));
  return {
    objectives,
    constraints,
    trials,
    front: summary.front.map((member) => ({ number: member.number, values: member.values, contribution: member.contribution })),
    considered: summary.considered,
    infeasible: summary.infeasible,
    hypervolume: summary.hypervolume,
    ...(summary.reference === undefined ? {} : { reference: summary.reference }),
    referenceSource: summary.referenceSource,
    hypervolumeHistory: hypervolumeHistory(complete, frontObjectives, constraints),
  };
}
