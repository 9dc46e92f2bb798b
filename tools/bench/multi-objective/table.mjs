// The printed tables of the multi-objective benchmark: per problem, hypervolume quartiles at each
// checkpoint and ask time per sampler, then each loopsweep sampler against each Optuna sampler; at
// the end the median hypervolume at the last checkpoint and the win rates, over all problems.
// Text layout (grid, formatP, formatMs) is the search-quality benchmark's.
import { formatMs, formatP, grid } from '../quality/table.mjs';

const formatHv = (v) => (Number.isFinite(v) ? v.toFixed(3) : String(v));
const approx = (pair) => `${pair.method === 'normal' ? '≈' : ''}${formatP(pair.p)}`;

/** One problem's tables, from its entry in the figures (see run.mjs). */
export function problemTable(name, entry, checkpoints) {
  const out = [
    `\n${name} — ${entry.description}; reference (${entry.reference.join(', ')}), ideal hypervolume ${formatHv(entry.ideal)}; ` +
      `hypervolume of all trials so far, median [q1, q3] over ${entry.seeds} seeds (higher is better)`,
  ];
  const header = ['sampler', ...checkpoints.map((c) => `${c} trials`), 'ask ms/trial'];
  const rows = Object.values(entry.samplers).map((s) => [
    s.label,
    ...checkpoints.map((c) => {
      const h = s.hypervolume[c];
      return `${formatHv(h.median)} [${formatHv(h.q1)}, ${formatHv(h.q3)}]`;
    }),
    formatMs(s.askMs),
  ]);
  out.push(grid(header, rows));
  if (entry.pairs.length > 0) {
    const last = checkpoints[checkpoints.length - 1];
    out.push(
      `  at ${last} trials: loopsweep's win rate by seed (higher hypervolume wins, ties ½), Mann-Whitney U two-sided p${entry.pairs.some((p) => p.method === 'normal') ? ' (≈: normal approximation, ties)' : ''}`,
    );
    out.push(
      grid(
        ['loopsweep vs optuna', 'win rate', 'p'],
        entry.pairs.map((p) => [`${p.loopsweep} vs ${p.optuna}`, p.winRate.toFixed(2), approx(p)]),
      ),
    );
  }
  return out.join('\n');
}

/** The closing summary: median hypervolume per sampler and problem at the last checkpoint (and its share of the ideal), then the win rates. */
export function summaryTable(figures) {
  const names = Object.keys(figures.problems);
  const last = figures.checkpoints[figures.checkpoints.length - 1];
  const labels = [...new Set(names.flatMap((n) => Object.keys(figures.problems[n].samplers)))];
  const medians = labels.map((key) => {
    const label = names.map((n) => figures.problems[n].samplers[key]?.label).find(Boolean);
    return [
      label,
      ...names.map((n) => {
        const entry = figures.problems[n];
        const s = entry.samplers[key];
        return s ? `${formatHv(s.hypervolume[last].median)} (${((100 * s.hypervolume[last].median) / entry.ideal).toFixed(1)}%)` : '—';
      }),
    ];
  });
  const out = [`\nSummary: median hypervolume at ${last} trials over ${figures.seeds} seeds (share of the ideal)`, grid(['sampler', ...names], medians)];

  const pairs = new Map();
  for (const name of names) {
    for (const p of figures.problems[name].pairs) {
      const key = `${p.loopsweep} vs ${p.optuna}`;
      if (!pairs.has(key)) pairs.set(key, {});
      pairs.get(key)[name] = p;
    }
  }
  if (pairs.size > 0) {
    const rows = [...pairs].map(([key, byName]) => {
      const rates = Object.values(byName).map((p) => p.winRate);
      return [
        key,
        ...names.map((n) => (n in byName ? `${byName[n].winRate.toFixed(2)} (p ${approx(byName[n])})` : '—')),
        (rates.reduce((a, b) => a + b, 0) / rates.length).toFixed(2),
      ];
    });
    out.push(
      `\nloopsweep's win rate by seed at ${last} trials (ties ½; > 0.5: loopsweep's hypervolume is higher more often), Mann-Whitney U p`,
      grid(['', ...names, 'average'], rows),
    );
  }
  return out.join('\n');
}
