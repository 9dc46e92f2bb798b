import { TRIAL_STATES, type ParamValue } from '@loopsweep/core';
import { paramCell } from '../codec/params.js';
import { checkCount, checkOneOf } from './check-arguments.js';
import { trialColumnExpressions } from './trial-columns.js';
import { trialRowColumns } from './trial-row.js';
import type { SortOrder, TrialFilter, TrialQuery, TrialSort } from './types.js';

export const TRIAL_SORTS: readonly TrialSort[] = ['number', 'value', 'started', 'duration'];
export const SORT_ORDERS: readonly SortOrder[] = ['asc', 'desc'];

/** The SQL expression each sort key orders by: fixed text, never built from input. */
const SORT_EXPRESSIONS: Readonly<Record<TrialSort, string>> = {
  number: 't.number',
  value: 't.value',
  started: 't.started_at',
  duration: '(t.finished_at - t.started_at)',
};

export interface BuiltQuery {
  readonly sql: string;
  readonly parameters: unknown[];
}

function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** `t.id IN (trials whose param equals one of values)`; an empty list matches nothing. */
function paramFilter(name: string, wanted: ParamValue | readonly ParamValue[], parameters: unknown[]): string {
  const values: readonly ParamValue[] = Array.isArray(wanted) ? wanted : [wanted];
  const nums: number[] = [];
  const texts: string[] = [];
  for (const value of values) {
    const cell = paramCell(value);
    if (cell.num !== null) nums.push(cell.num);
    if (cell.text !== null) texts.push(cell.text);
  }
  const matches = [
    ...(nums.length > 0 ? [`num_value IN (${placeholders(nums.length)})`] : []),
    ...(texts.length > 0 ? [`text_value IN (${placeholders(texts.length)})`] : []),
  ];
  if (matches.length === 0) return '0';
  parameters.push(name, ...nums, ...texts);
  return `t.id IN (SELECT trial_id FROM trial_params WHERE name = ? AND (${matches.join(' OR ')}))`;
}

/**
 * Checks a query before anything is read (it may come from a URL's query string).
 * @throws {RangeError} naming the first bad field of `query`.
 */
export function checkTrialQuery(query: TrialQuery): void {
  checkOneOf('query.sort', query.sort ?? 'number', TRIAL_SORTS);
  checkOneOf('query.order', query.order ?? 'asc', SORT_ORDERS);
  checkCount('query.limit', query.limit);
  checkCount('query.offset', query.offset);
  for (const state of query.states ?? []) checkOneOf('query.states[]', state, TRIAL_STATES);
  for (const stage of query.stages ?? []) {
    if (typeof stage !== 'string' || stage.length === 0) throw new RangeError(`query.stages[] must be a non-empty string (got ${JSON.stringify(stage)})`);
  }
  for (const [name, wanted] of Object.entries(query.params ?? {})) {
    for (const value of Array.isArray(wanted) ? (wanted as unknown[]) : [wanted]) {
      if (typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'boolean') {
        throw new RangeError(`query.params.${name} must be a string, number or boolean, or a list of them (got ${JSON.stringify(value)})`);
      }
    }
  }
}

/** `<column> IN (values)`, its values pushed to `parameters`; an empty list matches nothing. */
function oneOf(column: string, values: readonly string[], parameters: unknown[]): string {
  if (values.length === 0) return '0';
  parameters.push(...values);
  return `${column} IN (${placeholders(values.length)})`;
}

/**
 * The WHERE terms of a checked query's state, stage and parameter filters on a database of
 * `schema`; their values go to `parameters`.
 */
function trialFilters(schema: number, query: TrialFilter, parameters: unknown[]): string[] {
  const where = ['t.sweep_id = ?'];
  if (query.states !== undefined) where.push(oneOf('t.state', query.states, parameters));
  if (query.stages !== undefined) where.push(oneOf(trialColumnExpressions(schema).stage, query.stages, parameters));
  for (const [name, wanted] of Object.entries(query.params ?? {})) where.push(paramFilter(name, wanted, parameters));
  return where;
}

/**
 * The COUNT of `SweepReader.countTrials` for a checked filter on a database of `schema`: the same
 * WHERE as buildTrialQuery, without the per-trial last-step lookup, sorting or paging.
 */
export function buildTrialCount(schema: number, sweepId: number, filter: TrialFilter): BuiltQuery {
  const parameters: unknown[] = [sweepId];
  const where = trialFilters(schema, filter, parameters);
  return { sql: `SELECT COUNT(*) AS n FROM trials t WHERE ${where.join(' AND ')}`, parameters };
}

/**
 * The SELECT of `SweepReader.trials` for a checked query on a database of `schema`: filters by
 * state, by stage and by parameter values (through the indexed `trial_params`), sorts with NULLs
 * last in either order and ties by number. Only fixed text and placeholders make up the SQL.
 */
export function buildTrialQuery(schema: number, sweepId: number, query: TrialQuery): BuiltQuery {
  const sort = query.sort ?? 'number';
  const order = query.order ?? 'asc';
  const parameters: unknown[] = [sweepId];
  const where = trialFilters(schema, query, parameters);

  const key = SORT_EXPRESSIONS[sort];
  const direction = order === 'asc' ? 'ASC' : 'DESC';
  const orderBy = sort === 'number' ? `t.number ${direction}` : `${key} IS NULL, ${key} ${direction}, t.number ASC`;
  parameters.push(query.limit ?? -1, query.offset ?? 0);
  return { sql: `SELECT ${trialRowColumns(schema)} FROM trials t WHERE ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT ? OFFSET ?`, parameters };
}
