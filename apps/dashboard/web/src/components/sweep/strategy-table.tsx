/** The verdict's numbers as text: the same columns as `sweep compare`. */
import type { StrategyComparisonResponse } from '../../api/types';
import { formatNumber } from '../../model/format';

export function StrategyTable({ comparison }: { comparison: StrategyComparisonResponse }) {
  const pct = `${Number((comparison.confidence * 100).toPrecision(4))}%`;
  const estimate =
    comparison.estimator === 'expected_best' ? `expected best of ${comparison.common_n ?? 'n'}` : comparison.estimator === 'iqm' ? 'IQM' : 'mean';
  return (
    <div className="scroll-x">
      <table className="plain" data-testid="strategy-table">
        <caption className="muted" style={{ textAlign: 'left' }}>
          {comparison.mode === 'protocol'
            ? `Confirmation replicates: n seeds of each value's best configuration. Best estimate first; ★ only for a winner at ${pct} confidence.`
            : 'Search trials, sampled adaptively: an exploratory ranking at an equal budget, best estimate first; it names no winner.'}
        </caption>
        <thead>
          <tr>
            <th scope="col">{comparison.by}</th>
            {['n', estimate, `${pct} CI`, 'P(best)', 'best', 'trials', 'pruned', 'failed', 'diverged'].map((h) => (
              <th key={h} scope="col" className="numeric">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {comparison.groups.map((g) => (
            <tr key={g.label} data-status={g.status}>
              <th scope="row">
                {g.label}
                {comparison.winner === g.label && ' ★'}
              </th>
              <td className="numeric">{g.n}</td>
              <td className="numeric">{g.estimate === null ? (g.status === 'insufficient_data' ? 'too few' : '—') : formatNumber(g.estimate)}</td>
              <td className="numeric">{g.ci === null ? '—' : `${formatNumber(g.ci[0])}–${formatNumber(g.ci[1])}`}</td>
              <td className="numeric">{g.p_best === null ? '—' : g.p_best.toFixed(2)}</td>
              <td className="numeric">{g.best === null ? '—' : `${formatNumber(g.best)} #${g.best_trial}`}</td>
              <td className="numeric">{g.trials}</td>
              <td className="numeric">{g.pruned}</td>
              <td className="numeric">{g.failed}</td>
              <td className="numeric">{g.diverged}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
