/** Every reported step with every metric, as numbers (the curve's data, readable and copyable). */
import type { TrialDetailResponse } from '../../api/types';
import { metricNamesOf } from '../../charts/trial-metrics-option';
import { formatNumber } from '../../model/format';

export function MetricsTable({ trial }: { trial: TrialDetailResponse }) {
  const names = metricNamesOf(trial);
  if (trial.metrics.length === 0) return <p className="muted">No metrics reported yet.</p>;
  return (
    <div className="scroll-y" tabIndex={0} role="region" aria-label="Metrics per step">
      <table className="plain" data-testid="metrics-table">
        <thead>
          <tr>
            <th scope="col" className="numeric">
              step
            </th>
            {names.map((name) => (
              <th key={name} scope="col" className="numeric">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {trial.metrics.map((m) => (
            <tr key={m.step}>
              <td className="numeric">{m.step}</td>
              {names.map((name) => (
                <td key={name} className="numeric">
                  {name in m.values ? formatNumber(m.values[name]) : '—'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
