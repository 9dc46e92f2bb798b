/**
 * "Which strategy is best — or can't we tell?": pick a categorical param; the verdict (core's
 * judgeStrategies, the same statement and decision `sweep compare` prints), each value's estimate
 * with its interval as error bars (and a protocol's replicates as points), the expected best after
 * n trials per value, and, describing the search, the final-metric distribution, best-so-far,
 * median learning curve and how often trials were pruned or diverged.
 */
import { useMemo, useState } from 'react';
import { segment } from '../../api/client';
import type { ParamInfo, StrategyComparisonResponse } from '../../api/types';
import { EChart } from '../../charts/echart';
import { strategyBestOption } from '../../charts/strategy-best-option';
import { strategyBoxOption } from '../../charts/strategy-box-option';
import { strategyCurveOption } from '../../charts/strategy-curve-option';
import { strategyExpectedOption } from '../../charts/strategy-expected-option';
import { estimateName, strategyIntervalOption } from '../../charts/strategy-interval-option';
import { strategyRatesOption } from '../../charts/strategy-rates-option';
import { useApi } from '../../hooks/use-api';
import { ErrorPanel } from '../error-panel';
import { Loading } from '../loading';
import { StrategyTable } from './strategy-table';

/** The params users most often compare first, in the order they are tried. */
const PREFERRED = ['optimizer', 'cell', 'clip', 'clipping', 'schedule', 'init'];

export function defaultComparison(params: readonly ParamInfo[]): string | undefined {
  const categorical = params.filter((p) => p.kind === 'categorical' && (p.values?.length ?? 0) !== 1);
  return PREFERRED.find((name) => categorical.some((p) => p.name === name)) ?? categorical[0]?.name;
}

export function StrategyPanel({ sweep, params, refresh }: { sweep: string; params: readonly ParamInfo[]; refresh: number }) {
  const categorical = params.filter((p) => p.kind === 'categorical');
  const [by, setBy] = useState(() => defaultComparison(params));
  const comparison = useApi<StrategyComparisonResponse>(by === undefined ? null : `/sweeps/${segment(sweep)}/compare`, { by }, refresh);
  const data = comparison.data?.by === by ? comparison.data : undefined;
  const options = useMemo(
    () =>
      data
        ? {
            interval: strategyIntervalOption(data),
            expected: strategyExpectedOption(data),
            box: strategyBoxOption(data),
            best: strategyBestOption(data),
            curve: strategyCurveOption(data),
            rates: strategyRatesOption(data),
          }
        : undefined,
    [data],
  );
  if (categorical.length === 0) return <p className="muted">This sweep has no categorical parameter to compare strategies by.</p>;
  return (
    <div data-testid="strategy">
      <div className="filters">
        <label>
          compare by
          <select value={by} onChange={(e) => setBy(e.target.value)} data-testid="strategy-by">
            {categorical.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {comparison.error && <ErrorPanel error={comparison.error} what="comparison" />}
      {!data && !comparison.error && <Loading what="comparison" />}
      {data && options && (
        <>
          <p className="verdict" data-testid="verdict" data-decision={data.decision} {...(data.winner !== undefined ? { 'data-winner': data.winner } : {})}>
            {data.statement}
          </p>
          <p className="muted" data-testid="verdict-compared">
            {data.decision.replace(/_/g, ' ')} — compared {data.compared}
          </p>
          {data.suggestion !== undefined && (
            <details data-testid="verdict-suggestion">
              <summary>The compare: block that would confirm this ranking</summary>
              <pre>{data.suggestion}</pre>
            </details>
          )}
          <StrategyTable comparison={data} />
          <div className="grid-2">
            <div>
              <h3>
                {data.mode === 'protocol' ? 'Replicates' : 'Estimate'} per {data.by}, with {Number((data.confidence * 100).toPrecision(4))}% intervals
              </h3>
              <EChart option={options.interval} testId="chart-strategy-interval" label={`${estimateName(data)} per ${data.by} with error bars`} />
            </div>
            <div>
              <h3>Expected best after n search trials (band: bootstrap)</h3>
              <EChart option={options.expected} testId="chart-strategy-expected" label={`expected best ${data.metric} after n trials, per ${data.by}`} />
            </div>
            <div>
              <h3>
                Final {data.metric} per {data.by}
              </h3>
              <EChart option={options.box} testId="chart-strategy-box" label={`box plot of the final ${data.metric} per ${data.by}`} />
            </div>
            <div>
              <h3>Best so far, per {data.by}</h3>
              <EChart option={options.best} testId="chart-strategy-best" label={`best ${data.metric} so far over trials, per ${data.by}`} />
            </div>
            <div>
              <h3>Median learning curve (band: q1–q3)</h3>
              <EChart option={options.curve} testId="chart-strategy-curve" label={`median ${data.metric} per step with interquartile band, per ${data.by}`} />
            </div>
            <div>
              <h3>Pruned, diverged and failed</h3>
              <EChart option={options.rates} testId="chart-strategy-rates" label={`share of trials pruned, diverged or failed, per ${data.by}`} />
            </div>
          </div>
        </>
      )}
    </div>
  );
}
