import { describe, expect, it } from 'vitest';
import type { TrialJobResult, TrialProgress } from './job-data.js';
import type { ReportAnswerMessage } from './report-answer.js';
import { TrialFlight } from './trial-flight.js';

const who = { name: 'a', host: 'box' };
const report = (step: number) => ({ step, metrics: { value: step / 10 } });
const progress = (run: string, i: number, steps: number[], extra: Partial<TrialProgress> = {}): TrialProgress => ({
  run,
  i,
  reports: steps.map(report),
  logs: [],
  ...extra,
});
const result = (run: string, steps: number[], agent = who): TrialJobResult => ({
  run,
  agent,
  outcome: { status: 'complete', value: 0.3, metrics: {} },
  reports: steps.map(report),
  logs: ['bye'],
});

function follow(decide: (step: number) => 'continue' | 'stop' | Promise<'continue' | 'stop'> = () => 'continue') {
  const seen: string[] = [];
  const answers: ReportAnswerMessage[] = [];
  const flight = new TrialFlight(
    's/0/1',
    (step) => (seen.push(`report ${step}`), decide(step)),
    (line) => seen.push(line),
    (answer) => answers.push(answer),
  );
  return { flight, seen, answers };
}

describe('TrialFlight', () => {
  it('delivers each report once, in order, and the result only what the messages did not', async () => {
    const { flight, seen } = follow();
    flight.progress(progress('a#1', 0, [1, 2], { agent: who, logs: ['backend wasm'] }));
    flight.progress(progress('a#1', 1, [2, 3])); // step 2 again (a message delivered twice)
    flight.result(result('a#1', [1, 2, 3, 4]));
    expect(seen).toEqual(['agent a on box took it', 'backend wasm', 'report 1', 'report 2', 'report 3', 'bye', 'report 4']);
    expect(await flight.done).toEqual({ status: 'complete', value: 0.3, metrics: {} });
  });

  it('after a gap (events lost) waits for the result, which carries the rest in order', () => {
    const { flight, seen } = follow();
    flight.progress(progress('a#1', 0, [1], { agent: who }));
    flight.progress(progress('a#1', 2, [3]));
    flight.progress(progress('a#1', 3, [4]));
    flight.result(result('a#1', [1, 2, 3, 4]));
    expect(seen.filter((line) => line.startsWith('report'))).toEqual(['report 1', 'report 2', 'report 3', 'report 4']);
  });

  it('follows the run of the agent that took the job again, and ignores the late words of the one that lost it', () => {
    const { flight, seen } = follow();
    flight.progress(progress('a#1', 0, [1, 2], { agent: who }));
    flight.progress(progress('b#2', 0, [1], { agent: { name: 'b', host: 'box-2' } }));
    flight.progress(progress('a#1', 2, [3]));
    flight.result(result('b#2', [1, 2, 3], { name: 'b', host: 'box-2' }));
    expect(seen).toEqual([
      'agent a on box took it',
      'report 1',
      'report 2',
      'agent b on box-2 took it (run 2: the job was taken again)',
      'report 1',
      'bye',
      'report 2',
      'report 3',
    ]);
    expect(flight.agent).toBe('b');
  });

  it('names the agent from the result when no message of its run arrived (a coordinator that resumed)', () => {
    const { flight, seen } = follow();
    flight.result(result('a#1', [1, 2]));
    expect(seen).toEqual(['agent a on box took it', 'bye', 'report 1', 'report 2']);
  });

  it('ends once: a second result, or anything after the end, is ignored', async () => {
    const { flight, seen } = follow();
    expect(flight.end({ status: 'pruned' })).toBe(true);
    flight.result(result('a#1', [1]));
    flight.progress(progress('a#1', 0, [1]));
    flight.log('agent a stopped answering');
    expect(flight.end({ status: 'pruned' })).toBe(false);
    expect(seen).toEqual([]);
    expect(await flight.done).toEqual({ status: 'pruned' });
  });

  it("sends each delivered report's answer back, naming the job, run and index; a report it cannot deliver is answered 'continue' at once", async () => {
    const { flight, answers } = follow((step) => (step === 2 ? Promise.resolve('stop') : 'continue'));
    flight.progress(progress('a#1', 0, [1, 2], { agent: who }));
    flight.progress(progress('a#1', 1, [2])); // delivered twice: answered once
    await new Promise((resolve) => setImmediate(resolve));
    expect(answers).toEqual([
      { jobId: 's/0/1', run: 'a#1', i: 0, answer: 'continue' },
      { jobId: 's/0/1', run: 'a#1', i: 1, answer: 'stop' },
    ]);
    answers.length = 0;
    flight.progress(progress('a#1', 3, [4, 5])); // index 2 is missing: live delivery stops
    expect(answers).toEqual([
      { jobId: 's/0/1', run: 'a#1', i: 3, answer: 'continue' },
      { jobId: 's/0/1', run: 'a#1', i: 4, answer: 'continue' },
    ]);
  });

  it('answers a listener that throws or rejects with continue, and sends nothing once the flight has ended', async () => {
    const { flight, answers } = follow((step) => {
      if (step === 1) throw new Error('bug');
      return step === 2 ? Promise.reject(new Error('bug')) : new Promise((resolve) => setTimeout(() => resolve('stop'), 20));
    });
    flight.progress(progress('a#1', 0, [1, 2, 3], { agent: who }));
    await new Promise((resolve) => setImmediate(resolve));
    flight.end({ status: 'pruned' });
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(answers.map((a) => [a.i, a.answer])).toEqual([
      [0, 'continue'],
      [1, 'continue'],
    ]);
  });
});
