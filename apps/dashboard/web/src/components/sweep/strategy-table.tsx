/** The comparison's numbers as text: the same columns as `sweep compare`. */
import type { StrategyComparisonResponse } from '../../api/types';
import { formatNumber, formatPercent } from '../../model/format';

export function StrategyTable({ comparison }: { comparison: StrategyComparisonResponse }) {
  return (
    <div className="scroll-x">
      <table className="plain" data-testid="strategy-table">
        <caption className="muted" style={{ textAlign: 'left' }}>
          Best median first; the winner has the best median over its completed trials.
        </caption>
        <thead>
          <tr>
            <th scope="col">{comparison.by}</th>
            {['trials', 'complete', 'pruned', 'failed', 'diverged', 'best', 'median', 'IQR', 'epochs to best'].map((h) => (
              <th key={h} scope="col" className="numeric">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {comparison.groups.map((g) => (
            <tr key={g.label}>
              <th scope="row">
                {g.label}
                {comparison.winner?.label === g.label && ' ★'}
              </th>
              <td className="numeric">{g.trials}</td>
              <td className="numeric">{g.complete}</td>
              <td className="numeric">
                {g.pruned} ({formatPercent(g.pruned, g.trials)})
              </td>
              <td className="numeric">{g.failed}</td>
              <td className="numeric">{g.diverged}</td>
              <td className="numeric">{g.best === undefined ? '—' : `${formatNumber(g.best)} #${g.bestTrial}`}</td>
              <td className="numeric">{formatNumber(g.median)}</td>
              <td className="numeric">{g.q1 === undefined || g.q3 === undefined ? '—' : `${formatNumber(g.q1)}–${formatNumber(g.q3)}`}</td>
              <td className="numeric">{formatNumber(g.medianEpochsToBest)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
