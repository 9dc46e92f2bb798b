/** GET /api/sweeps/:name/front (issue 17) over a real SQLite file with hand-made final values, over real HTTP. */
import { SqliteTrialStore } from '@loopsweep/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, FrontResponse, SweepOverview } from '../api/types.js';
import { writeHandTrial, writeMultiObjectiveFixture } from '../test-support/fixture-mo-sweeps.js';
import { tempDir } from '../test-support/temp-dir.js';
import { createDashboardServer, type DashboardServer } from './index.js';

const temp = tempDir();
const dbPath = temp.file('mo.db');
let server: DashboardServer;
let fixture: ReturnType<typeof writeMultiObjectiveFixture>;

async function get<T>(path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.origin}${path}`);
  return { status: response.status, body: (await response.json()) as T };
}

beforeAll(async () => {
  fixture = writeMultiObjectiveFixture(dbPath);
  server = await createDashboardServer({ dbPath, port: 0, pollMs: 50 });
});
afterAll(async () => {
  await server.close();
  fixture.store.close();
  temp.cleanup();
});

describe('GET /api/sweeps/:name/front', () => {
  it('gives the feasible non-dominated COMPLETE trials ranked by contribution, infeasible ones marked, pruned ones never on it', async () => {
    const { status, body } = await get<FrontResponse>('/api/sweeps/mo2/front');
    expect(status).toBe(200);
    expect(body.objectives).toEqual([
      { name: 'f1', goal: 'minimize' },
      { name: 'f2', goal: 'minimize' },
    ]);
    expect(body.constraints).toEqual([{ metric: 'size', max: 50 }]);
    // Contributions by hand under the reference (5.4, 5.4): #1 2×2 = 4, #4 1.4×2 = 2.8, #0 1×0.4 = 0.4.
    expect(body.front.map((member) => member.number)).toEqual([1, 4, 0]);
    expect(body.front.map((member) => member.values)).toEqual([
      [2, 3],
      [4, 1],
      [1, 5],
    ]);
    body.front.forEach((member, i) => expect(member.contribution).toBeCloseTo([4, 2.8, 0.4][i] as number, 9));
    expect(body.infeasible).toEqual([3]);
    // 0, 1, 2, 3, 4, 8 (9's f1 is NaN).
    expect(body.considered).toBe(6);
    expect(body.referenceSource).toBe('derived');
    expect(body.reference?.[0]).toBeCloseTo(5.4, 9);
    expect(body.reference?.[1]).toBeCloseTo(5.4, 9);
    expect(body.hypervolume).toBeCloseTo(11.36, 9);
    // Every COMPLETE or PRUNED trial with values; FAILED 6 and RUNNING 7 are not finished with values.
    expect(body.trials.map((t) => [t.number, t.state, t.feasible, t.onFront])).toEqual([
      [0, 'COMPLETE', true, true],
      [1, 'COMPLETE', true, true],
      [2, 'COMPLETE', true, false],
      [3, 'COMPLETE', false, false],
      [4, 'COMPLETE', true, true],
      [5, 'PRUNED', true, false],
      [8, 'COMPLETE', true, false],
      [9, 'COMPLETE', true, false],
    ]);
    expect(body.trials.find((t) => t.number === 3)?.values).toEqual({ f1: 0.5, f2: 0.5, size: 80 });
    // NaN arrives as null.
    expect(body.trials.find((t) => t.number === 9)?.values).toEqual({ f1: null, f2: 2, size: 10 });
  });

  it('gives the hypervolume after each COMPLETE trial under the final reference point', async () => {
    const { body } = await get<FrontResponse>('/api/sweeps/mo2/front');
    expect(body.hypervolumeHistory.map((point) => point.number)).toEqual([0, 1, 2, 3, 4, 8, 9]);
    const expected = [1.76, 8.56, 8.56, 8.56, 11.36, 11.36, 11.36];
    body.hypervolumeHistory.forEach((point, i) => expect(point.hypervolume).toBeCloseTo(expected[i] as number, 9));
  });

  it('uses the spec reference point, with goals either way, for three objectives', async () => {
    const { status, body } = await get<FrontResponse>('/api/sweeps/mo3/front');
    expect(status).toBe(200);
    expect(body.objectives).toEqual([
      { name: 'f1', goal: 'minimize', reference: 10 },
      { name: 'f2', goal: 'maximize', reference: 0 },
      { name: 'f3', goal: 'minimize', reference: 10 },
    ]);
    expect(body.constraints).toEqual([]);
    expect(new Set(body.front.map((member) => member.number))).toEqual(new Set([0, 1]));
    expect(body.infeasible).toEqual([]);
    expect(body.reference).toEqual([10, 0, 10]);
    expect(body.referenceSource).toBe('spec');
    // Boxes 9×2×7 and 7×2×9 overlap in 7×2×7.
    expect(body.hypervolume).toBeCloseTo(126 + 126 - 98, 9);
    expect(body.trials.every((t) => t.feasible)).toBe(true);
  });

  it('treats a constrained one-metric sweep as a front of one objective', async () => {
    const { body } = await get<FrontResponse>('/api/sweeps/constrained/front');
    expect(body.objectives).toEqual([{ name: 'loss', goal: 'minimize' }]);
    expect(body.constraints).toEqual([{ metric: 'latency', min: 1, max: 10 }]);
    expect(body.front.map((member) => member.number)).toEqual([0]);
    expect(body.infeasible).toEqual([1, 2]);
    expect(body.trials.map((t) => t.feasible)).toEqual([true, false, false, true]);
  });

  it('answers 404 for a one-metric unconstrained sweep, saying why', async () => {
    const { status, body } = await get<ApiErrorBody>('/api/sweeps/plain/front');
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toBe("sweep 'plain' is not a multi-objective sweep: it has no Pareto front");
    expect(body.error.hint).toContain('metrics:');
  });

  it('answers 404 naming the sweeps for an unknown sweep, and 400 for an unknown query key', async () => {
    const unknown = await get<ApiErrorBody>('/api/sweeps/nope/front');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.hint).toContain('mo2');
    const bad = await get<ApiErrorBody>('/api/sweeps/mo2/front?metric=f1');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
  });

  it('is in the overview of a multi-objective or constrained sweep only', async () => {
    const mo2 = await get<SweepOverview>('/api/sweeps/mo2');
    expect(mo2.body.multiObjective).toEqual({
      objectives: [
        { name: 'f1', goal: 'minimize' },
        { name: 'f2', goal: 'minimize' },
      ],
      constraints: [{ metric: 'size', max: 50 }],
    });
    expect(mo2.body.summary.metric).toBe('f1');
    expect((await get<SweepOverview>('/api/sweeps/constrained')).body.multiObjective?.objectives).toEqual([{ name: 'loss', goal: 'minimize' }]);
    expect((await get<SweepOverview>('/api/sweeps/plain')).body.multiObjective).toBeUndefined();
  });

  it('follows the writer: a new trial that dominates the front replaces it at the next request', async () => {
    const before = await get<FrontResponse>('/api/sweeps/mo2/front');
    const writer = SqliteTrialStore.open(dbPath);
    try {
      writeHandTrial(writer, fixture.sweeps['mo2']!, 10, { state: 'COMPLETE', values: { f1: 0.9, f2: 0.9, size: 1 } });
    } finally {
      writer.close();
    }
    const after = await get<FrontResponse>('/api/sweeps/mo2/front');
    expect(before.body.front.map((member) => member.number)).toEqual([1, 4, 0]);
    expect(after.body.front.map((member) => member.number)).toEqual([10]);
    expect(after.body.hypervolumeHistory.at(-1)?.number).toBe(10);
    expect(after.body.trials.at(-1)).toMatchObject({ number: 10, state: 'COMPLETE', feasible: true, onFront: true });
  });
});
