/**
 * The Pareto front of a multi-objective or constrained sweep (issue 17): the front chart (a
 * scatter for two objectives, parallel coordinates plus a scatter matrix for three or more), the
 * hypervolume over trials, the reference point in words and the ranked front as a table. Clicking
 * a trial's point opens it, as on the history chart.
 */
import { useMemo } from 'react';
import { segment } from '../../api/client';
import type { ConstraintInfo, FrontResponse, ObjectiveInfo } from '../../api/types';
import { EChart } from '../../charts/echart';
import { frontMatrixHeight, frontMatrixOption, frontParallelOption, frontScatterOption, hypervolumeOption, objectiveLabel } from '../../charts/front-option';
import { useApi } from '../../hooks/use-api';
import { formatNumber } from '../../model/format';
import { Link } from '../../routing/link';
import { navigate } from '../../routing/navigation';
import { trialHref } from '../../routing/routes';
import { ErrorPanel } from '../error-panel';
import { Loading } from '../loading';

/** The ranked front's rows shown as text (the chart shows them all). */
const TABLE_ROWS = 20;

interface Props {
  readonly sweep: string;
  readonly objectives: readonly ObjectiveInfo[];
  /** Changes when trials finish: the front is fetched again. */
  readonly refresh: number;
}

function constraintText(constraint: ConstraintInfo): string {
  if (constraint.min !== undefined && constraint.max !== undefined)
    return `${formatNumber(constraint.min)} ≤ ${constraint.metric} ≤ ${formatNumber(constraint.max)}`;
  if (constraint.min !== undefined) return `${constraint.metric} ≥ ${formatNumber(constraint.min)}`;
  if (constraint.max !== undefined) return `${constraint.metric} ≤ ${formatNumber(constraint.max)}`;
  return `${constraint.metric} reported`;
}

function referenceText(data: FrontResponse): string {
  if (data.reference === undefined) return 'No reference point yet: no completed trial is feasible.';
  const point = data.objectives.map((objective, i) => `${objective.name} = ${formatNumber(data.reference?.[i])}`).join(', ');
  const source =
    data.referenceSource === 'spec'
      ? 'from the spec (`reference:` of each objective)'
      : "derived from the feasible completed trials (each objective's worst value plus 10% of its range) where the spec gives none";
  return `Reference point (${point}), ${source}.`;
}

export function FrontPanel({ sweep, objectives, refresh }: Props) {
  const front = useApi<FrontResponse>(`/sweeps/${segment(sweep)}/front`, {}, refresh);
  const data = front.data;
  const many = objectives.length >= 3;
  const mainOption = useMemo(() => (data ? (data.objectives.length >= 3 ? frontParallelOption(data) : frontScatterOption(data)) : undefined), [data]);
  const matrixOption = useMemo(() => (data && data.objectives.length >= 3 ? frontMatrixOption(data) : undefined), [data]);
  const hvOption = useMemo(() => (data ? hypervolumeOption(data) : undefined), [data]);
  const on = useMemo(
    () => ({
      click: (params: unknown) => {
        const { name, seriesName } = params as { name?: string; seriesName?: string };
        const number = Number(name);
        if (name !== undefined && name !== '' && Number.isInteger(number) && seriesName !== 'hypervolume') navigate(trialHref(sweep, number));
      },
    }),
    [sweep],
  );
  const onHypervolume = useMemo(
    () => ({
      click: (params: unknown) => {
        const number = Number((params as { name?: string }).name);
        if (Number.isInteger(number)) navigate(trialHref(sweep, number));
      },
    }),
    [sweep],
  );

  if (front.error) return <ErrorPanel error={front.error} what="Pareto front" />;
  if (!data) return <Loading what="the Pareto front" />;
  const names = data.objectives.map(objectiveLabel).join(', ');
  const pruned = data.trials.filter((t) => t.state !== 'COMPLETE').length;
  const feasible = data.considered - data.infeasible.length;
  return (
    <div
      data-testid="front-panel"
      data-front-size={data.front.length}
      data-hypervolume={data.hypervolume}
      data-objectives={data.objectives.length}
      data-completed={data.hypervolumeHistory.length}
    >
      <p className="muted" data-testid="front-summary">
        Objectives: {names}.{data.constraints.length > 0 && <> Constraints: {data.constraints.map(constraintText).join('; ')}.</>} The front holds{' '}
        <strong>{data.front.length}</strong> of {feasible} feasible completed trials
        {data.infeasible.length > 0 && <> ({data.infeasible.length} infeasible, drawn as hollow grey rings)</>}
        {pruned > 0 && (
          <>
            ; {pruned} pruned trials are drawn as small diamonds{many ? ' in the scatter plots' : ''} but never count (their values are from the epoch they
            stopped at)
          </>
        )}
        . Hypervolume <strong data-testid="front-hypervolume">{formatNumber(data.hypervolume)}</strong>.
      </p>
      <p className="muted" data-testid="front-reference">
        {referenceText(data)}
      </p>
      {mainOption && (
        <EChart
          option={mainOption}
          on={on}
          height={many ? 380 : 400}
          testId="chart-front"
          label={
            many
              ? `parallel coordinates of ${names} over completed trials, the Pareto front highlighted`
              : `${names} of each finished trial, with the Pareto front as a staircase`
          }
        />
      )}
      {matrixOption && (
        <EChart
          option={matrixOption}
          on={on}
          height={frontMatrixHeight(data.objectives.length)}
          testId="chart-front-matrix"
          label={`each pair of ${names}, every finished trial, the Pareto front highlighted`}
        />
      )}
      <h3>Hypervolume over trials</h3>
      <p className="muted">The front's hypervolume after each completed trial, under the reference point above (so it never falls).</p>
      {hvOption && (
        <EChart
          option={hvOption}
          on={onHypervolume}
          height={260}
          testId="chart-hypervolume"
          label="hypervolume of the Pareto front after each completed trial"
        />
      )}
      {data.front.length > 0 && (
        <div className="scroll-x">
          <table className="plain" data-testid="front-table">
            <caption className="muted" style={{ textAlign: 'left' }}>
              The front, ranked by the hypervolume each trial alone adds
              {data.front.length > TABLE_ROWS ? ` (first ${TABLE_ROWS} of ${data.front.length})` : ''}.
            </caption>
            <thead>
              <tr>
                <th scope="col">trial</th>
                {data.objectives.map((objective) => (
                  <th key={objective.name} scope="col" className="numeric">
                    {objectiveLabel(objective)}
                  </th>
                ))}
                <th scope="col" className="numeric">
                  contribution
                </th>
              </tr>
            </thead>
            <tbody>
              {data.front.slice(0, TABLE_ROWS).map((member) => (
                <tr key={member.number}>
                  <td>
                    <Link href={trialHref(sweep, member.number)}>#{member.number}</Link>
                  </td>
                  {member.values.map((value, i) => (
                    <td key={data.objectives[i]?.name ?? i} className="numeric">
                      {formatNumber(value)}
                    </td>
                  ))}
                  <td className="numeric">{formatNumber(member.contribution)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
