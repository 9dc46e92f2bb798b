/**
 * Population-based training (issue 18): the members' learning curves coloured by population slot
 * with the exploit jumps, the best member's chain of trials (what `sweep lineage` prints) and its
 * schedule, one step chart per param that changed over training.
 */
import { useMemo } from 'react';
import { segment } from '../../api/client';
import type { ParamInfo, PopulationResponse, ScheduleRunInfo } from '../../api/types';
import { EChart } from '../../charts/echart';
import { populationCurvesOption, scheduleByEpoch, scheduleOption } from '../../charts/population-option';
import { useApi } from '../../hooks/use-api';
import { formatNumber, formatParam } from '../../model/format';
import { Link } from '../../routing/link';
import { navigate } from '../../routing/navigation';
import { trialHref } from '../../routing/routes';
import { ErrorPanel } from '../error-panel';
import { Loading } from '../loading';

interface Props {
  readonly sweep: string;
  readonly params: readonly ParamInfo[];
  /** Changes when trials finish: the population is fetched again. */
  readonly refresh: number;
}

/** `0.16 (epochs 1–4) → 0.13 (5–12)`, as `sweep lineage` writes it. */
export function runsText(runs: readonly ScheduleRunInfo[]): string {
  return runs.map((run, i) => `${formatParam(run.value)} (${i === 0 ? 'epochs ' : ''}${run.from}–${run.to})`).join(' → ');
}

export function PopulationPanel({ sweep, params, refresh }: Props) {
  const population = useApi<PopulationResponse>(`/sweeps/${segment(sweep)}/population`, {}, refresh);
  const data = population.data;
  const curvesOption = useMemo(() => (data ? populationCurvesOption(data) : undefined), [data]);
  const { schedule, order, changed, constant, scheduleOptions } = useMemo(() => {
    const runs = data?.best?.schedule ?? {};
    const order = [...params.map((p) => p.name).filter((name) => name in runs), ...Object.keys(runs).filter((name) => !params.some((p) => p.name === name))];
    const varied = order.filter((name) => (runs[name]?.length ?? 0) > 1);
    return {
      schedule: runs,
      order,
      changed: varied,
      constant: order.filter((name) => !varied.includes(name)),
      scheduleOptions: varied.map((name) => ({ name, option: scheduleOption(name, runs[name] ?? [], params.find((p) => p.name === name)?.log === true) })),
    };
  }, [data, params]);
  const on = useMemo(
    () => ({
      click: (p: unknown) => {
        const number = Number((p as { name?: string }).name);
        if (Number.isInteger(number)) navigate(trialHref(sweep, number));
      },
    }),
    [sweep],
  );

  if (population.error) return <ErrorPanel error={population.error} what="population" />;
  if (!data) return <Loading what="the population" />;
  const exploits = data.members.filter((member) => member.lineage !== undefined).length;
  const best = data.best;
  return (
    <div data-testid="population-panel" data-members={data.members.length} data-exploits={exploits} data-best={best?.trial ?? ''}>
      <p className="muted" data-testid="population-summary">
        Population {data.population}, exploit every {data.interval} epochs{data.maxEpochs !== undefined ? ` of ${data.maxEpochs}` : ''}: {data.members.length}{' '}
        trials, {exploits} of them exploits (each continues a better member from its checkpoint with perturbed params, in place of a stopped one). One colour
        per population slot; a dashed line is an exploit jump from the parent&apos;s curve; the broad grey band is the path the best member&apos;s training
        took.
      </p>
      {curvesOption && (
        <EChart
          option={curvesOption}
          on={on}
          height={380}
          testId="chart-population"
          label={`${data.metric} over epochs of every member, coloured by population slot, with exploit jumps`}
        />
      )}
      {best === undefined ? (
        <p className="muted">No member has completed yet: the best member&apos;s schedule appears when one has.</p>
      ) : (
        <>
          <h3>
            Best member: <Link href={trialHref(sweep, best.trial)}>#{best.trial}</Link>
          </h3>
          <div className="scroll-x">
            <table className="plain" data-testid="lineage-table">
              <caption className="muted" style={{ textAlign: 'left' }}>
                The trials behind it, oldest first: each trained the epochs shown with its params, then the next continued from its checkpoint.
              </caption>
              <thead>
                <tr>
                  <th scope="col">trial</th>
                  <th scope="col" className="numeric">
                    epochs
                  </th>
                  <th scope="col" className="numeric">
                    {data.metric}
                  </th>
                  <th scope="col">params</th>
                </tr>
              </thead>
              <tbody>
                {best.chain.map((link) => (
                  <tr key={link.number} data-trial={link.number}>
                    <td>
                      <Link href={trialHref(sweep, link.number)}>#{link.number}</Link>
                    </td>
                    <td className="numeric">{link.toStep < link.fromStep ? '–' : `${link.fromStep}–${link.toStep}`}</td>
                    <td className="numeric">{formatNumber(link.value)}</td>
                    <td>
                      {order
                        .filter((name) => name in link.params)
                        .map((name) => `${name}=${formatParam(link.params[name])}`)
                        .join(' ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>Schedule</h3>
          {changed.length === 0 && <p className="muted">Its params never changed: it is a first-generation member, trained with constant params.</p>}
          {scheduleOptions.map(({ name, option }) => (
            <div key={name} data-testid={`schedule-${name}`} data-epoch-values={JSON.stringify(scheduleByEpoch(schedule[name] ?? []))}>
              <p>
                <strong>{name}</strong>: <span data-testid={`schedule-text-${name}`}>{runsText(schedule[name] ?? [])}</span>
              </p>
              <EChart option={option} height={220} testId={`chart-schedule-${name}`} label={`${name} of the best member over epochs`} />
            </div>
          ))}
          {constant.length > 0 && (
            <p className="muted" data-testid="schedule-constant">
              {changed.length === 0 ? 'Constant' : 'Unchanged'}: {constant.map((name) => `${name}=${formatParam(schedule[name]?.[0]?.value)}`).join(' ')}
            </p>
          )}
        </>
      )}
    </div>
  );
}
