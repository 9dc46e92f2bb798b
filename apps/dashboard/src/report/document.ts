/**
 * A report as a list of blocks (headings, text, tables, charts, code), built once from ReportData
 * and written as HTML or Markdown by to-html.ts and to-markdown.ts, so both formats say the same.
 * Every word that depends on the sweep comes from the data; the verdict's words are core's.
 */
import type { ReportChart, ReportComparison, ReportData } from '../api/report-types.js';
import { isRunning } from './report-data.js';
import { compactJson, formatDuration, formatNumber, formatParam, formatParams, formatTime, percent } from './format.js';

export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string; readonly id: string }
  | { readonly kind: 'paragraph'; readonly text: string; readonly role?: 'warning' | 'verdict' | 'decision' | 'note'; readonly testId?: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | {
      readonly kind: 'table';
      readonly columns: readonly string[];
      readonly right?: readonly number[];
      readonly rows: readonly (readonly string[])[];
      readonly testId?: string;
    }
  | { readonly kind: 'chart'; readonly chart: ReportChart }
  | { readonly kind: 'code'; readonly text: string; readonly language: string; readonly summary?: string };

const heading = (level: 1 | 2 | 3, text: string, id: string): Block => ({ kind: 'heading', level, text, id });
const para = (text: string, role?: 'warning' | 'verdict' | 'decision' | 'note', testId?: string): Block => ({
  kind: 'paragraph',
  text,
  ...(role === undefined ? {} : { role }),
  ...(testId === undefined ? {} : { testId }),
});

function question(data: ReportData): string {
  const goal = data.sweep.direction === 'maximize' ? 'highest' : 'lowest';
  const bys = data.comparisons.map((c) => c.by);
  const which = bys.length === 0 ? 'configuration' : `${bys.join(', ')}`;
  return `Which ${which} gives the ${goal} ${data.sweep.metric}? Sweep '${data.sweep.name}' (objective ${data.setup.objective}) ran ${data.sweep.total} trials to find out.`;
}

function statusBlock(data: ReportData): Block[] {
  const c = data.sweep.counts;
  if (isRunning(data))
    return [
      para(
        `This sweep was still running when this report was written (${formatTime(data.generatedAt)}): ${c.COMPLETE + c.PRUNED + c.FAILED} of ${data.setup.budget.trials ?? data.sweep.total} trials finished, ${c.RUNNING} running, ${c.QUEUED} queued. Every number below may change; write the report again when it has ended.`,
        'warning',
        'running-warning',
      ),
    ];
  if (data.sweep.status !== 'finished')
    return [para(`This sweep ended '${data.sweep.status}' rather than finishing its budget; \`sweep resume ${data.sweep.name}\` continues it.`, 'warning')];
  return [];
}

function setupBlocks(data: ReportData): Block[] {
  const { setup, environment: env, sweep } = data;
  const c = sweep.counts;
  const rows: [string, string][] = [
    ['objective', setup.objective],
    ['data set', compactJson(setup.dataset)],
    ['metric', `${sweep.metric} (${sweep.direction})`],
    // As the user wrote it (snake_case keys); the typed budget is what the charts use.
    ['budget', compactJson((setup.spec as { budget?: unknown } | null)?.budget ?? setup.budget)],
    ['sampler', compactJson(setup.sampler)],
    ['pruner', compactJson(setup.pruner)],
    ...(setup.compare === null ? [] : ([['compare', compactJson(setup.compare)]] as [string, string][])),
    [
      'trials',
      `${sweep.total}: ${c.COMPLETE} complete, ${c.PRUNED} pruned, ${c.FAILED} failed${c.RUNNING + c.QUEUED > 0 ? `, ${c.RUNNING} running, ${c.QUEUED} queued` : ''}`,
    ],
    ['ran on', setup.ranOn.length === 0 ? 'not recorded' : setup.ranOn.map((r) => `${r.line} (${r.trials} trials)`).join('; ')],
    ['started', formatTime(setup.firstStartedAt ?? sweep.createdAt)],
    ['finished', formatTime(setup.lastFinishedAt)],
    ['wall time', formatDuration(setup.wallMs)],
    ['trial-hours', `${setup.trialHours.toFixed(setup.trialHours < 10 ? 3 : 1)} (${formatDuration(setup.trialHours * 3_600_000)} of trials run back to back)`],
    ['seed', String(setup.seed)],
    ['spec hash', setup.specHash],
    ['versions', `loopsweep ${env.loopsweep}, Node ${env.node}, TensorFlow.js ${env.tfjs ?? 'not installed'}`],
    ['report written on', `${env.cpus} × ${env.cpuModel}, ${env.memoryGiB} GiB, ${env.platform}/${env.arch}, at ${formatTime(data.generatedAt)}`],
  ];
  const params = setup.parameters.map((p) => [
    p.name,
    p.kind,
    p.kind === 'categorical'
      ? (p.values ?? []).map((v) => formatParam(v)).join(', ')
      : p.range === undefined
        ? '—'
        : `${formatNumber(p.range[0])} … ${formatNumber(p.range[1])}${p.log ? ' (log)' : ''}`,
    p.conditional ? 'yes' : '',
  ]);
  return [
    heading(2, '1. The question and the setup', 'setup'),
    para(question(data)),
    ...statusBlock(data),
    { kind: 'table', columns: ['', ''], rows, testId: 'setup-table' },
    ...(params.length === 0 ? [] : [{ kind: 'table' as const, columns: ['parameter', 'kind', 'values or range', 'conditional'], rows: params }]),
    para(`To run it again, save the spec below as ${setup.specFile}, then:`),
    { kind: 'code', language: 'sh', text: setup.command },
    { kind: 'code', language: 'json', text: JSON.stringify(setup.spec, null, 2), summary: `The spec (${setup.specFile})` },
  ];
}

function decisionLine(c: ReportComparison): string {
  const v = c.comparison;
  return `decision: ${v.decision}${v.winner !== undefined ? ` (${v.by}=${v.winner})` : ''} — compared ${v.compared}`;
}

function pct(confidence: number): string {
  return `${Number((confidence * 100).toPrecision(4))}%`;
}

function answerBlocks(data: ReportData): Block[] {
  if (data.comparisons.length === 0) return [];
  const blocks: Block[] = [heading(2, '2. The answer', 'answer')];
  for (const c of data.comparisons) {
    const v = c.comparison;
    blocks.push(heading(3, `By ${c.by}`, `answer-${c.by}`));
    blocks.push(para(v.statement, 'verdict', `verdict-${c.by}`));
    blocks.push(para(decisionLine(c), 'decision'));
    const leader = v.groups.find((g) => g.label === v.leader);
    const items: string[] = [];
    if (leader !== undefined && leader.estimate !== null)
      items.push(
        `${v.by}=${leader.label} leads: ${formatNumber(leader.estimate)}${leader.ci === null ? '' : `, ${pct(v.confidence)} interval [${formatNumber(leader.ci[0])}, ${formatNumber(leader.ci[1])}]`}${leader.p_best === null ? '' : `, P(best) ${leader.p_best.toFixed(2)}`} (n = ${leader.n}).`,
      );
    for (const other of v.comparisons)
      items.push(
        `${v.leader} against ${other.label}: ahead by ${formatNumber(other.margin)}, P(${v.leader} > ${other.label}) = ${other.p_improvement.toFixed(2)}, p = ${formatNumber(other.p_value)} (Holm ${formatNumber(other.p_adjusted)}): ${other.separable ? 'separable' : 'not separable'} at ${pct(v.confidence)}.`,
      );
    if (items.length > 0) blocks.push({ kind: 'list', items });
    if (v.suggestion !== undefined) {
      blocks.push(para('To confirm this ranking, add this block to the spec and run it (see "Comparing strategies" in the README):', 'note'));
      blocks.push({ kind: 'code', language: 'yaml', text: v.suggestion });
    }
  }
  return blocks;
}

/** How many front members the Trade-offs table lists (the data holds them all). */
const FRONT_ROWS = 20;

/** A multi-objective sweep's Pareto front, ranked, with its hypervolume, reference point, infeasible trials and each objective's extreme. */
function tradeoffBlocks(data: ReportData): Block[] {
  const t = data.tradeoffs;
  if (t === undefined) return [];
  const goals = t.objectives.map((o) => `${o.name} (${o.goal})`).join(', ');
  const constraints = t.constraints.map(
    (c) => `${c.metric}${c.min === undefined ? '' : ` ≥ ${formatNumber(c.min)}`}${c.max === undefined ? '' : ` ≤ ${formatNumber(c.max)}`}`,
  );
  const blocks: Block[] = [
    heading(2, 'Trade-offs', 'tradeoffs'),
    para(
      `This sweep has ${t.objectives.length} objectives: ${goals}${constraints.length === 0 ? '' : `, subject to ${constraints.join(', ')}`}. No single trial is best; the Pareto front is the set of feasible completed trials that no other beats in every objective. ${t.considered} completed trials were considered, ${t.infeasible.length} of them infeasible${
        t.infeasible.length === 0
          ? ''
          : ` (${t.infeasible
              .slice(0, 10)
              .map((n) => `#${n}`)
              .join(', ')}${t.infeasible.length > 10 ? ', …' : ''})`
      }; pruned trials are left out (their values are from an earlier epoch).`,
    ),
  ];
  if (t.front.length === 0) return [...blocks, para('No feasible trial has completed yet, so there is no front.', 'warning')];
  const reference =
    t.reference === null
      ? ''
      : Object.entries(t.reference)
          .map(([name, value]) => `${name}=${formatNumber(value)}`)
          .join(' ');
  blocks.push(
    para(
      `Hypervolume ${formatNumber(t.hypervolume)} with reference point ${reference} (${t.referenceSource === 'spec' ? 'from the spec' : 'derived: worst feasible + 10% of range'}). The front has ${t.front.length} ${t.front.length === 1 ? 'trial' : 'trials'}, ranked by the hypervolume each alone adds.`,
      undefined,
      'tradeoffs-summary',
    ),
  );
  const metrics = Object.keys(t.front[0]?.values ?? {});
  const names = [...t.objectives.map((o) => o.name), ...metrics.filter((m) => !t.objectives.some((o) => o.name === m))];
  const shown = t.front.slice(0, FRONT_ROWS);
  blocks.push({
    kind: 'table',
    columns: [
      'rank',
      'trial',
      ...names.map((n) => {
        const o = t.objectives.find((x) => x.name === n);
        return o === undefined ? n : `${n} (${o.goal === 'minimize' ? 'min' : 'max'})`;
      }),
      'contribution',
      'params',
    ],
    right: [0, 1, ...names.map((_, i) => i + 2), names.length + 2],
    testId: 'pareto-front',
    rows: shown.map((m, i) => [
      String(i + 1),
      `#${m.number}`,
      ...names.map((n) => formatNumber(m.values[n])),
      formatNumber(m.contribution),
      formatParams(m.params),
    ]),
  });
  if (t.front.length > shown.length) blocks.push(para(`… and ${t.front.length - shown.length} more (all of them are in the report's data).`, 'note'));
  blocks.push(heading(3, 'Each objective at its best', 'tradeoffs-extremes'), {
    kind: 'table',
    columns: ['objective', 'best on the front', 'trial'],
    right: [1, 2],
    testId: 'pareto-extremes',
    rows: t.extremes.map((e) => [`${e.metric} (${e.goal})`, formatNumber(e.value), `#${e.number}`]),
  });
  return blocks;
}

function evidenceBlocks(data: ReportData, charts: ReadonlyMap<string, ReportChart>): Block[] {
  if (data.comparisons.length === 0) return [];
  const blocks: Block[] = [heading(2, '3. The evidence', 'evidence')];
  for (const c of data.comparisons) {
    const v = c.comparison;
    blocks.push(heading(3, `By ${c.by}`, `evidence-${c.by}`));
    const estimateHeader = v.estimator === 'expected_best' ? (v.common_n === null ? 'expected best' : `E[best of ${v.common_n}]`) : v.estimator;
    blocks.push({
      kind: 'table',
      columns: [v.by, 'n', estimateHeader, `${pct(v.confidence)} CI`, 'P(best)', 'best', 'trials', 'pruned', 'failed', 'diverged'],
      right: [1, 2, 3, 4, 5, 6, 7, 8, 9],
      testId: `groups-${c.by}`,
      rows: v.groups.map((g) => [
        v.winner === g.label ? `${g.label} ★` : g.label,
        String(g.n),
        g.estimate === null ? (g.status === 'insufficient_data' ? 'too few' : '—') : formatNumber(g.estimate),
        g.ci === null ? '—' : `[${formatNumber(g.ci[0])}, ${formatNumber(g.ci[1])}]`,
        g.p_best === null ? '—' : g.p_best.toFixed(2),
        g.best === null ? '—' : `${formatNumber(g.best)} #${g.best_trial}`,
        String(g.trials),
        String(g.pruned),
        String(g.failed),
        String(g.diverged),
      ]),
    });
    for (const id of [`verdict-${c.by}`, `expected-${c.by}`, `curves-${c.by}`]) {
      const chart = charts.get(id);
      if (chart !== undefined) blocks.push({ kind: 'chart', chart });
    }
    const replicates = v.groups.filter((g) => g.replicates.length > 0);
    if (replicates.length > 0)
      blocks.push({
        kind: 'table',
        columns: [v.by, 'configuration (trial)', 'replicates (seed: value)'],
        rows: replicates.map((g) => [
          g.label,
          `#${g.replicates[0]?.origin ?? g.best_trial ?? '—'}`,
          g.replicates.map((r) => `${r.seed ?? '?'}: ${formatNumber(r.value)}`).join(', '),
        ]),
      });
  }
  return blocks;
}

function elseBlocks(data: ReportData, charts: ReadonlyMap<string, ReportChart>): Block[] {
  const blocks: Block[] = [];
  const importance = charts.get('importance');
  if (importance !== undefined) blocks.push({ kind: 'chart', chart: importance });
  const slices = charts.get('slices');
  if (slices !== undefined) blocks.push({ kind: 'chart', chart: slices });
  if (data.best.length > 0)
    blocks.push(heading(3, `The best ${data.best.length} trials`, 'best'), {
      kind: 'table',
      columns: ['trial', data.sweep.metric, 'stage', 'seed', 'params'],
      right: [0, 1],
      testId: 'best-trials',
      rows: data.best.map((t) => [
        `#${t.number}`,
        formatNumber(t.value),
        t.stage ?? 'search',
        t.seed === undefined ? '—' : String(t.seed),
        formatParams(t.params),
      ]),
    });
  return blocks.length === 0 ? [] : [heading(2, '4. What else mattered', 'else'), ...blocks];
}

function wrongBlocks(data: ReportData): Block[] {
  const f = data.failures;
  if (f.failed === 0 && f.pruned === 0) return [];
  const blocks: Block[] = [heading(2, '5. What went wrong', 'wrong')];
  if (f.failed > 0) {
    blocks.push(para(`${f.failed} of ${f.finished} finished trials failed${f.diverged > 0 ? `, ${f.diverged} of them by diverging (NaN/Inf loss)` : ''}.`));
    blocks.push({
      kind: 'table',
      columns: ['kind', 'reason', 'trials', 'for example'],
      right: [2],
      testId: 'failures',
      rows: f.groups.map((g) => [g.kind, g.reason, String(g.count), `${g.trials.map((n) => `#${n}`).join(', ')}${g.count > g.trials.length ? ', …' : ''}`]),
    });
  } else blocks.push(para('No trial failed.'));
  if (f.pruned > 0) {
    blocks.push(
      para(`${f.pruned} of ${f.finished} finished trials (${percent(f.pruned / Math.max(1, f.finished))}) were pruned. Where the pruner stopped them:`),
    );
    blocks.push({ kind: 'table', columns: ['last step', 'pruned trials'], right: [0, 1], rows: f.prunedAtStep.map((p) => [String(p.step), String(p.trials)]) });
  }
  return blocks;
}

export function reportTitle(data: ReportData): string {
  return `${data.sweep.name}: ${data.comparisons.length === 0 ? 'sweep report' : `which ${data.comparisons.map((c) => c.by).join(', ')} is best?`}`;
}

/** The whole report, section by section; a section with nothing to show is left out. */
export function reportDocument(data: ReportData, charts: readonly ReportChart[]): Block[] {
  const byId = new Map(charts.map((chart) => [chart.id, chart]));
  return [
    heading(1, reportTitle(data), 'top'),
    para(
      `A loopsweep report of sweep '${data.sweep.name}', written ${formatTime(data.generatedAt)} by \`sweep report\`. Every table and chart is computed from the sweep's database.`,
      'note',
    ),
    ...setupBlocks(data),
    ...answerBlocks(data),
    ...tradeoffBlocks(data),
    ...evidenceBlocks(data, byId),
    ...elseBlocks(data, byId),
    ...wrongBlocks(data),
  ];
}
