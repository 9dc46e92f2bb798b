/** The report's data model and its text, over a real SQLite file written by the real writer (the dashboard's fixture). */
import { comparisonProtocolOf, judgeStrategies } from '@loopsweep/core';
import { comparableTrials, SweepReader } from '@loopsweep/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportEnvironment } from '../api/report-types.js';
import { writeFixture, type FixtureStore } from '../test-support/fixture-sweeps.js';
import { tempDir } from '../test-support/temp-dir.js';
import { reportDocument } from './document.js';
import { reportEnvironment } from './environment.js';
import { buildReportData, defaultReportBy, reasonPattern, unknownBy } from './report-data.js';
import { escapeHtml, scriptJson, toHtml } from './to-html.js';
import { toMarkdown } from './to-markdown.js';

const ENV: ReportEnvironment = { loopsweep: '0.1.0', node: 'v20.0.0', tfjs: '4.22.0', platform: 'linux', arch: 'x64', cpus: 2, cpuModel: 'cpu', memoryGiB: 8 };
const NOW = 1_700_100_000_000;

let temp: ReturnType<typeof tempDir>;
let fixture: FixtureStore;
let reader: SweepReader;

beforeAll(() => {
  temp = tempDir();
  fixture = writeFixture(temp.file('sweeps.db'));
  reader = SweepReader.open(temp.file('sweeps.db'));
});
afterAll(() => {
  reader.close();
  fixture.store.close();
  temp.cleanup();
});

const sweep = (name: string) => reader.getSweep(name)!;

describe('buildReportData', () => {
  it("judges each --by exactly as `sweep compare` does (core's judgeStrategies, same trials, seed and protocol)", () => {
    const data = buildReportData(reader, sweep('strategies'), { by: ['optimizer', 'cell'], environment: ENV, now: NOW });
    for (const { by, comparison } of data.comparisons) {
      const record = sweep('strategies');
      const protocol = comparisonProtocolOf(record.spec);
      const expected = judgeStrategies(comparableTrials(reader.trials('strategies', {}), new Map()), {
        by,
        direction: record.direction,
        seed: record.seed,
        ...(protocol ? { protocol } : {}),
      });
      expect(comparison.statement).toBe(expected.statement);
      expect(comparison.groups).toEqual(expected.groups);
    }
  });

  it('defaults --by to the categorical, unconditional params with 2+ values and refuses others', () => {
    expect(defaultReportBy(sweep('strategies'))).toEqual(['optimizer', 'cell']);
    expect(unknownBy(sweep('strategies'), ['optimizer', 'lr'])).toBe('lr');
    expect(() => buildReportData(reader, sweep('strategies'), { by: ['nope'], environment: ENV, now: NOW })).toThrow(RangeError);
  });

  it('states the setup, groups failures by reason, counts pruning and says the sweep is still running', () => {
    const data = buildReportData(reader, sweep('strategies'), { environment: ENV, now: NOW });
    expect(data.sweep.counts).toEqual({ QUEUED: 1, RUNNING: 1, COMPLETE: 29, PRUNED: 4, FAILED: 1 });
    expect(data.setup.sampler).toEqual({ type: 'random', seed: 3 });
    expect(data.setup.command).toBe('sweep run strategies.json');
    expect(data.setup.trialHours).toBeGreaterThan(0);
    expect(data.failures.groups).toEqual([
      { kind: 'diverged', reason: 'diverged: loss is NaN at epoch N, step N', count: 1, trials: [5], example: 'diverged: loss is NaN at epoch 2, step 14' },
    ]);
    expect(data.failures.pruned).toBe(4);
    expect(data.importance?.importances.length).toBeGreaterThan(0);
    expect(data.best[0]?.value).toBe(reader.best('strategies')[0]?.value);
    const text = toMarkdown(data, reportDocument(data, []), 'r_files').markdown;
    expect(text).toContain('This sweep was still running when this report was written');
    expect(text).toContain('## 5. What went wrong');
  });

  it('leaves out sections with nothing to show', () => {
    const data = buildReportData(reader, sweep('loss'), { environment: ENV, now: NOW });
    expect(data.comparisons).toEqual([]);
    const text = toMarkdown(data, reportDocument(data, []), 'r_files').markdown;
    expect(text).not.toContain('2. The answer');
    expect(text).not.toContain('5. What went wrong');
    expect(text).not.toContain('still running');
  });

  it('groups alike reasons', () => {
    expect(reasonPattern('diverged: loss is NaN at epoch 3')).toBe(reasonPattern('diverged: loss is NaN at epoch 12'));
  });
});

describe('HTML', () => {
  it('embeds the data as JSON that no `</script>` in it can end', () => {
    const json = scriptJson({ reason: '</script><script>alert(1)</script>' });
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual({ reason: '</script><script>alert(1)</script>' });
    expect(escapeHtml(`<b a="x">'&`)).toBe('&lt;b a=&quot;x&quot;&gt;&#39;&amp;');
  });

  it('writes the verdict in core words, with its data, and nothing external', () => {
    const data = buildReportData(reader, sweep('strategies'), { environment: ENV, now: NOW });
    const html = toHtml(data, reportDocument(data, []));
    expect(html).toContain(`data-testid="verdict-optimizer">${escapeHtml(data.comparisons[0]!.comparison.statement)}</p>`);
    expect(html).not.toMatch(/<link|<script[^>]*src=|https?:\/\//i);
    const embedded = /<script type="application\/json" id="report-data">(.*)<\/script>/.exec(html)?.[1];
    expect(JSON.parse(embedded!)).toEqual(JSON.parse(JSON.stringify(data)));
  });
});

describe('reportEnvironment', () => {
  it("names loopsweep's, Node's and TensorFlow.js's versions and the machine", () => {
    const env = reportEnvironment();
    expect(env.loopsweep).toMatch(/^\d+\.\d+\.\d+/);
    expect(env.node).toBe(process.version);
    expect(env.tfjs).toMatch(/^\d+\.\d+\.\d+/);
    expect(env.cpus).toBeGreaterThan(0);
  });
});
