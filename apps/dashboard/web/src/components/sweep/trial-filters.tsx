/**
 * The trials table's filters: states as checkboxes, each categorical param as a select, each
 * numeric param as a min–max pair, and the trials brushed in the parallel coordinates.
 */
import type { ParamInfo, TrialRow, TrialState } from '../../api/types';
import { isFilterActive, NO_FILTER, type ParamFilter, type TrialFilter } from '../../model/trial-filter';
import { TRIAL_STATE_ORDER } from '../../model/trial-states';
import { categoriesOf } from '../../charts/param-axis';
import { BoundInput } from './bound-input';

interface Props {
  readonly params: readonly ParamInfo[];
  readonly trials: readonly TrialRow[];
  readonly filter: TrialFilter;
  readonly onChange: (filter: TrialFilter) => void;
}

export function TrialFilters({ params, trials, filter, onChange }: Props) {
  const setParam = (name: string, f: ParamFilter) => onChange({ ...filter, params: { ...filter.params, [name]: f } });
  const toggleState = (state: TrialState, on: boolean) =>
    onChange({ ...filter, states: on ? [...filter.states, state] : filter.states.filter((s) => s !== state) });
  const { numbers, ...withoutNumbers } = filter;
  return (
    <div className="filters" role="group" aria-label="Filter trials">
      <fieldset className="states">
        <legend>state</legend>
        {TRIAL_STATE_ORDER.map((state) => (
          <label key={state}>
            <input type="checkbox" checked={filter.states.includes(state)} onChange={(e) => toggleState(state, e.target.checked)} />
            {state.toLowerCase()}
          </label>
        ))}
      </fieldset>
      {params.map((param) => {
        const current = filter.params[param.name];
        if (param.kind === 'categorical') {
          const selected = current?.kind === 'values' ? (current.values[0] ?? '') : '';
          return (
            <label key={param.name}>
              {param.name}
              <select
                value={selected}
                data-testid={`filter-${param.name}`}
                onChange={(e) => setParam(param.name, { kind: 'values', values: e.target.value === '' ? [] : [e.target.value] })}
              >
                <option value="">any</option>
                {categoriesOf(param, trials).map((value) => (
                  <option key={value} value={value}>
                    {value}
                  </option>
                ))}
              </select>
            </label>
          );
        }
        const range = current?.kind === 'range' ? current : { kind: 'range' as const };
        return (
          <label key={param.name}>
            {param.name}
            <span className="range">
              <BoundInput
                label={`${param.name} at least`}
                placeholder="min"
                testId={`filter-${param.name}-min`}
                value={range.min}
                onChange={(min) => setParam(param.name, { ...range, min })}
              />
              <BoundInput
                label={`${param.name} at most`}
                placeholder="max"
                testId={`filter-${param.name}-max`}
                value={range.max}
                onChange={(max) => setParam(param.name, { ...range, max })}
              />
            </span>
          </label>
        );
      })}
      {numbers !== undefined && (
        <button type="button" onClick={() => onChange(withoutNumbers)} aria-label="Stop filtering by the parallel coordinates selection">
          only the {numbers.length} brushed trials ✕
        </button>
      )}
      {isFilterActive(filter) && (
        <button type="button" onClick={() => onChange(NO_FILTER)}>
          clear filters
        </button>
      )}
    </div>
  );
}
