// The printed tables of the search-quality benchmark: per function, regret quartiles at each
// checkpoint and ask time per sampler, then each loopsweep sampler against each Optuna sampler;
// at the end the win rates of every pair over all functions.

const formatRegret = (v) => {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1000 || a < 0.001 ? v.toExponential(1) : v.toPrecision(3);
};
export const formatP = (p) => (p < 0.001 ? '<0.001' : p.toFixed(3));
export const formatMs = (ms) => (ms < 0.01 ? ms.toFixed(4) : ms < 0.1 ? ms.toFixed(3) : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
const pad = (text, width) => String(text).padEnd(width);

/** A text table: header row, rows of cells, columns padded to their widest cell. */
export function grid(header, rows) {
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((row) => String(row[c]).length)));
  const line = (row) => `  ${row.map((cell, c) => (c === 0 ? pad(cell, widths[c]) : String(cell).padStart(widths[c]))).join('   ')}`;
  return [line(header), `  ${widths.map((w) => '─'.repeat(w)).join('   ')}`, ...rows.map(line)].join('\n');
}

/** One function's tables, from its entry in the figures (see run.mjs). */
export function functionTable(name, entry, checkpoints) {
  const out = [`\n${name} — ${entry.description} (f* = ${Number(entry.fStar.toPrecision(10))}); regret = best − f*, median [q1, q3] over ${entry.seeds} seeds`];
  const header = ['sampler', ...checkpoints.map((c) => `${c} trials`), 'ask ms/trial'];
  const rows = Object.values(entry.samplers).map((s) => [
    s.label,
    ...checkpoints.map((c) => {
      const r = s.regret[c];
      return `${formatRegret(r.median)} [${formatRegret(r.q1)}, ${formatRegret(r.q3)}]`;
    }),
    formatMs(s.askMs),
  ]);
  out.push(grid(header, rows));
  if (entry.pairs.length > 0) {
    const last = checkpoints[checkpoints.length - 1];
    out.push(
      `  at ${last} trials: loopsweep win rate by seed (ties ½), Mann-Whitney U two-sided p${entry.pairs.some((p) => p.method === 'normal') ? ' (≈: normal approximation, ties)' : ''}`,
    );
    out.push(
      grid(
        ['loopsweep vs optuna', 'win rate', 'p'],
        entry.pairs.map((p) => [`${p.loopsweep} vs ${p.optuna}`, p.winRate.toFixed(2), `${p.method === 'normal' ? '≈' : ''}${formatP(p.p)}`]),
      ),
    );
  }
  return out.join('\n');
}

/** The closing summary: each loopsweep sampler's win rate per function and on average against each Optuna sampler. */
export function summaryTable(figures) {
  const names = Object.keys(figures.functions);
  const pairs = new Map();
  for (const name of names) {
    for (const p of figures.functions[name].pairs) {
      const key = `${p.loopsweep} vs ${p.optuna}`;
      if (!pairs.has(key)) pairs.set(key, {});
      pairs.get(key)[name] = p.winRate;
    }
  }
  if (pairs.size === 0) return '';
  const rows = [...pairs].map(([key, rates]) => {
    const present = Object.values(rates);
    return [key, ...names.map((n) => (n in rates ? rates[n].toFixed(2) : '—')), (present.reduce((a, b) => a + b, 0) / present.length).toFixed(2)];
  });
  return `\nSummary: loopsweep's win rate by seed at ${figures.checkpoints[figures.checkpoints.length - 1]} trials (ties ½; > 0.5: loopsweep's regret is lower more often)\n${grid(['', ...names, 'average'], rows)}`;
}
