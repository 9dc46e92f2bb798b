/**
 * The read commands on multi-objective and constrained sweeps (issue 17): hand-made sweeps with
 * known values (written with the real store) for exact fronts, and one real sweep run by the CLI.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, sweep, withReader, workspace } from './helpers.js';
import { CONSTRAINED_NAME, MO_NAME, writeHandSweeps } from './mo-fixtures.js';

describe('multi-objective sweeps in the read commands', () => {
  const ws = workspace('sweep-mo-e2e-');
  const derived = workspace('sweep-mo-derived-e2e-');

  beforeAll(() => {
    writeHandSweeps(ws.db);
    writeHandSweeps(derived.db, { reference: false });
  });
  afterAll(() => {
    ws.cleanup();
    derived.cleanup();
  });

  describe('sweep best', () => {
    it('--json: the feasible COMPLETE front ranked by hypervolume contribution, values with the constrained metric, the reference from the spec', () => {
      const result = json(sweep(['best', MO_NAME, '--json', '--db', ws.db]));
      expect(result).toEqual({
        sweep: MO_NAME,
        objectives: [
          { name: 'loss', goal: 'minimize' },
          { name: 'latency', goal: 'minimize' },
        ],
        constraints: [{ metric: 'size', max: 50 }],
        pareto: [
          { number: 1, values: { loss: 2, latency: 2, size: 10 }, params: { opt: 'b', x: 0.1 }, contribution: 3 },
          { number: 0, values: { loss: 1, latency: 5, size: 10 }, params: { opt: 'a', x: 0 }, contribution: 1 },
          { number: 2, values: { loss: 3, latency: 1, size: 10 }, params: { opt: 'a', x: 0.2 }, contribution: 1 },
        ],
        front_size: 3,
        considered: 5,
        infeasible: [4],
        hypervolume: 10,
        reference: { loss: 4, latency: 6 },
        reference_source: 'spec',
      });
    });

    it('prints one column per objective with its goal, then the params, and the hypervolume line; --top limits the rows', () => {
      const result = sweep(['best', MO_NAME, '--top', '2', '--db', ws.db]);
      expect(result.code).toBe(0);
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines[0]).toBe(
        `${MO_NAME}: Pareto front, 2 of 3 trials by loss (minimize), latency (minimize), subject to size ≤ 50; ranked by hypervolume contribution`,
      );
      expect(lines[1]).toMatch(/^rank\s+trial\s+loss \(min\)\s+latency \(min\)\s+size\s+params$/);
      expect(lines.slice(3, -1).map((line) => /#(\d+)/.exec(line)?.[1])).toEqual(['1', '0']);
      expect(lines[3]).toMatch(/#1\s+2\s+2\s+10\s+opt=b x=0\.1$/);
      expect(lines.at(-1)).toBe('5 complete trials considered, 1 infeasible; hypervolume 10 (reference loss=4 latency=6; from the spec)');
    });

    it('says when the reference point is derived', () => {
      const result = json(sweep(['best', MO_NAME, '--json', '--db', derived.db]));
      expect(result.reference_source).toBe('derived');
      // Worst feasible + 10% of the range: loss 3 + 0.2, latency 5 + 0.4.
      expect(result.reference.loss).toBeCloseTo(3.2, 12);
      expect(result.reference.latency).toBeCloseTo(5.4, 12);
      expect(result.pareto.map((p: { number: number }) => p.number).sort()).toEqual([0, 1, 2]);
      expect(sweep(['best', MO_NAME, '--db', derived.db]).stdout).toMatch(/\(reference loss=3\.2 latency=5\.4; derived: worst feasible \+ 10% of range\)\n$/);
    });

    it('a constrained one-metric sweep: only feasible COMPLETE trials are best, in the usual shape', () => {
      const result = json(sweep(['best', CONSTRAINED_NAME, '--json', '--db', ws.db]));
      expect(result.metric).toBe('acc');
      expect(result.trials.map((t: { number: number }) => t.number)).toEqual([2, 1]);
      expect(result.infeasible).toBe(1);
      const text = sweep(['best', CONSTRAINED_NAME, '--db', ws.db]).stdout;
      expect(text.split('\n')[0]).toBe(`${CONSTRAINED_NAME}: best 2 feasible (size ≤ 50) trials by acc (maximize)`);
      expect(text).not.toMatch(/#0\b/);
    });

    it('refuses a bad --top and an unknown sweep with exit 2', () => {
      const top = sweep(['best', MO_NAME, '--top', '0', '--db', ws.db]);
      expect(top.code).toBe(2);
      expect(top.stderr).toMatch(/--top must be a whole number ≥ 1, got 0/);
      const unknown = sweep(['best', 'mo-hnd', '--db', ws.db]);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/no sweep named 'mo-hnd'.*\n.*did you mean 'mo-hand'/);
    });
  });

  describe('sweep status', () => {
    it('--json: the front so far (size, infeasible, hypervolume, reference and its source); best is the best feasible trial', () => {
      const status = json(sweep(['status', MO_NAME, '--json', '--db', ws.db]));
      expect(status.front).toEqual({
        objectives: ['loss', 'latency'],
        size: 3,
        considered: 5,
        infeasible: 1,
        hypervolume: 10,
        reference: { loss: 4, latency: 6 },
        referenceSource: 'spec',
      });
      // #4 has the lowest loss but is infeasible; #5 is lower still but PRUNED.
      expect(status.best.number).toBe(0);
      expect(json(sweep(['status', CONSTRAINED_NAME, '--json', '--db', ws.db])).best.number).toBe(2);
    });

    it('prints the front line after the best line', () => {
      const lines = sweep(['status', MO_NAME, '--db', ws.db]).stdout.split('\n');
      const at = lines.findIndex((line) => line.startsWith('  best '));
      expect(lines[at]).toMatch(/^ {2}best {5}loss=1 #0 {2}opt=a x=0$/);
      expect(lines[at + 1]).toBe(
        '  front    3 trials on the Pareto front, hypervolume 10 (reference loss=4 latency=6; from the spec); 5 complete trials considered, 1 infeasible',
      );
      expect(sweep(['status', CONSTRAINED_NAME, '--db', ws.db]).stdout).toContain('\n  feasible 2 of 3 complete trials considered, 1 infeasible\n');
    });
  });

  describe('sweep compare', () => {
    it("--json: each objective judged on its own (infeasible trials left out) and each value's share of the front", () => {
      const result = json(sweep(['compare', MO_NAME, '--by', 'opt', '--json', '--db', ws.db]));
      expect(result.objectives).toEqual([
        { name: 'loss', goal: 'minimize' },
        { name: 'latency', goal: 'minimize' },
      ]);
      expect(result.per_objective.map((v: { metric: string; direction: string }) => [v.metric, v.direction])).toEqual([
        ['loss', 'minimize'],
        ['latency', 'minimize'],
      ]);
      const bestOf = (k: number) =>
        Object.fromEntries(result.per_objective[k].groups.map((g: { label: string; best: number; best_trial: number }) => [g.label, [g.best, g.best_trial]]));
      // Infeasible #4 (0.5, 0.5) is nobody's best; each objective's own values are judged.
      expect(bestOf(0)).toEqual({ a: [1, 0], b: [2, 1] });
      expect(bestOf(1)).toEqual({ a: [1, 2], b: [2, 1] });
      expect(result.per_objective.every((v: { winner?: string }) => v.winner === undefined)).toBe(true);
      expect(result.front_size).toBe(3);
      expect(result.front_share).toEqual([
        { value: 'a', front: 2, share: 2 / 3, feasible: 2 },
        { value: 'b', front: 1, share: 1 / 3, feasible: 2 },
      ]);
      expect(result.infeasible_excluded).toBe(1);
    });

    it('prints a labelled section per objective, then the front share with its caution', () => {
      const text = sweep(['compare', MO_NAME, '--by', 'opt', '--db', ws.db]).stdout;
      expect(text.split('\n')[0]).toBe(`${MO_NAME}: 2 objectives by opt, exploratory; each objective judged on its own`);
      expect(text).toContain('\nobjective loss (minimize):\n');
      expect(text).toContain('\nobjective latency (minimize):\n');
      expect(text).toMatch(/Pareto front \(3 trials\) by opt:\n.*\n.*\n {2}a {11}2 {4}67% {16}2\n {2}b {11}1 {4}33% {16}2\n/);
      expect(text).toContain('so it names no winner');
      expect(text).not.toContain('★');
    });

    it('a constrained one-metric sweep keeps its shape, infeasible trials left out', () => {
      const result = json(sweep(['compare', CONSTRAINED_NAME, '--by', 'opt', '--json', '--db', ws.db]));
      expect(result.metric).toBe('acc');
      expect(result.infeasible_excluded).toBe(1);
      expect(result.groups.find((g: { label: string }) => g.label === 'a').best_trial).toBe(2);
    });

    it('keeps its errors for a bad --by', () => {
      const bad = sweep(['compare', MO_NAME, '--by', 'otp', '--db', ws.db]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/^error: sweep 'mo-hand' has no parameter 'otp'\n {2}hint: its parameters: opt, x\n/);
    });
  });

  describe('sweep report', () => {
    it("Markdown: a Trade-offs section with the ranked front, the hypervolume and reference, the infeasible trials and each objective's extreme", () => {
      const file = ws.file('mo.md');
      const result = sweep(['report', MO_NAME, '-o', file, '--db', ws.db]);
      expect(result.code).toBe(0);
      const markdown = readFileSync(file, 'utf8');
      const section = markdown.slice(markdown.indexOf('## Trade-offs'), markdown.indexOf('\n## ', markdown.indexOf('## Trade-offs') + 1));
      expect(section).toContain('5 completed trials were considered, 1 of them infeasible (#4)');
      expect(section).toContain('Hypervolume 10 with reference point loss=4 latency=6 (from the spec). The front has 3 trials');
      expect(section).toContain(
        [
          '| rank | trial | loss (min) | latency (min) | size | contribution | params |',
          '| ---: | ---: | ---: | ---: | ---: | ---: | --- |',
          '| 1 | #1 | 2 | 2 | 10 | 3 | opt=b x=0.1 |',
          '| 2 | #0 | 1 | 5 | 10 | 1 | opt=a x=0 |',
          '| 3 | #2 | 3 | 1 | 10 | 1 | opt=a x=0.2 |',
        ].join('\n'),
      );
      expect(section).toContain(['| loss (minimize) | 1 | #0 |', '| latency (minimize) | 1 | #2 |'].join('\n'));
    });

    it('HTML: the same section, and the front in the embedded data', () => {
      const file = ws.file('mo.html');
      expect(sweep(['report', MO_NAME, '-o', file, '--db', ws.db]).code).toBe(0);
      const html = readFileSync(file, 'utf8');
      expect(html).toContain('<h2 id="tradeoffs">Trade-offs</h2>');
      const data = JSON.parse(/<script type="application\/json" id="report-data">(.*)<\/script>/s.exec(html)![1]!);
      expect(data.tradeoffs.front.map((m: { number: number }) => m.number)).toEqual([1, 0, 2]);
      expect(data.tradeoffs.infeasible).toEqual([4]);
      expect(data.tradeoffs.extremes).toEqual([
        { metric: 'loss', goal: 'minimize', number: 0, value: 1 },
        { metric: 'latency', goal: 'minimize', number: 2, value: 1 },
      ]);
    });

    it('a one-objective sweep has no Trade-offs section', () => {
      const file = ws.file('constrained.md');
      expect(sweep(['report', CONSTRAINED_NAME, '-o', file, '--db', ws.db]).code).toBe(0);
      expect(readFileSync(file, 'utf8')).not.toContain('Trade-offs');
    });
  });

  describe('a real multi-objective sweep run by the CLI', () => {
    const real = workspace('sweep-mo-real-e2e-');
    afterAll(() => real.cleanup());

    it('best, status and compare agree with a brute-force front over the stored final values', () => {
      real.file('zdt.mjs', ZDT_OBJECTIVE);
      const spec = real.file('mo.yaml', ZDT_SPEC);
      const run = sweep(['run', spec, '--db', real.db]);
      expect(run.code).toBe(0);
      // The front by definition: feasible COMPLETE trials no other feasible one dominates.
      const { feasible, pruned } = withReader(real.db, (reader) => {
        const values = reader.finalValues('zdt-cells');
        const complete = reader.trials('zdt-cells', { states: ['COMPLETE'] }).map((row) => ({ number: row.number, v: values.get(row.number)! }));
        return {
          feasible: complete.filter((t) => t.v['size']! <= 50),
          pruned: reader.trials('zdt-cells', { states: ['PRUNED'] }).map((row) => row.number),
        };
      });
      const dominates = (a: Record<string, number>, b: Record<string, number>) =>
        a['f1']! <= b['f1']! && a['f2']! <= b['f2']! && (a['f1']! < b['f1']! || a['f2']! < b['f2']!);
      const expected = feasible.filter((t) => !feasible.some((o) => dominates(o.v, t.v))).map((t) => t.number);
      expect(expected.length).toBeGreaterThan(0);

      const best = json(sweep(['best', 'zdt-cells', '--json', '--db', real.db]));
      const numbers = best.pareto.map((p: { number: number }) => p.number);
      expect([...numbers].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
      expect(numbers.filter((n: number) => pruned.includes(n))).toEqual([]);
      const contributions = best.pareto.map((p: { contribution: number }) => p.contribution);
      expect(contributions).toEqual([...contributions].sort((a, b) => b - a));
      expect(best.reference_source).toBe('derived');

      // The end of the run says the same: the best feasible trial and the front.
      expect(run.stdout).toContain(`\nfront: ${expected.length} trials, hypervolume `);
      expect(run.stdout).toMatch(/\nby cell \(f1\):\n/);
      const status = json(sweep(['status', 'zdt-cells', '--json', '--db', real.db]));
      expect(status.front.size).toBe(expected.length);
      expect(status.front.hypervolume).toBe(best.hypervolume);
      expect(status.front.infeasible).toBe(best.infeasible.length);

      const compare = json(sweep(['compare', 'zdt-cells', '--by', 'cell', '--json', '--db', real.db]));
      expect(compare.front_share.reduce((sum: number, s: { front: number }) => sum + s.front, 0)).toBe(expected.length);
      expect(compare.front_share.reduce((sum: number, s: { feasible: number }) => sum + s.feasible, 0)).toBe(feasible.length);
      expect(compare.per_objective.map((v: { metric: string }) => v.metric)).toEqual(['f1', 'f2']);
      expect(compare.per_objective.every((v: { decision: string }) => v.decision !== 'winner')).toBe(true);
    }, 120_000);
  });
});

const ZDT_OBJECTIVE = `export default async function (params, ctx) {
  const shift = { gru: 0, lstm: 0.3, rnn: 0.8 }[params.cell];
  let values;
  for (let epoch = 1; epoch <= 3; epoch++) {
    const g = 1 + shift + 9 * ((params.x1 + params.x2) / 2) * (1 + 0.5 / epoch);
    values = { f1: params.x0, f2: g * (1 - Math.sqrt(params.x0 / g)), size: params.x1 * 100 };
    await ctx.report(epoch, values);
  }
  return values;
}
`;

const ZDT_SPEC = `name: zdt-cells
objective: ./zdt.mjs
metrics:
  - { name: f1, goal: minimize }
  - { name: f2, goal: minimize }
constraints:
  - { metric: size, max: 50 }
sampler: { type: nsga2, seed: 3, population_size: 8 }
pruner: { type: asha, min_epochs: 1 }
budget: { trials: 32, parallel: 2, max_epochs: 3 }
parameters:
  cell: { values: [gru, lstm, rnn] }
  x0: { uniform: [0, 1] }
  x1: { uniform: [0, 1] }
  x2: { uniform: [0, 1] }
`;
