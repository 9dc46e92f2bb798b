/** GET /api/sweeps/:name/population (issue 18) over a real SQLite file with a hand-made lineage, over real HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, PopulationResponse } from '../api/types.js';
import { writePbtFixture } from '../test-support/fixture-pbt-sweep.js';
import { tempDir } from '../test-support/temp-dir.js';
import { createDashboardServer, type DashboardServer } from './index.js';

const temp = tempDir();
const dbPath = temp.file('pbt.db');
let server: DashboardServer;
let fixture: ReturnType<typeof writePbtFixture>;

async function get<T>(path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.origin}${path}`);
  return { status: response.status, body: (await response.json()) as T };
}

beforeAll(async () => {
  fixture = writePbtFixture(dbPath);
  server = await createDashboardServer({ dbPath, port: 0, pollMs: 50 });
});
afterAll(async () => {
  await server.close();
  fixture.store.close();
  temp.cleanup();
});

describe('GET /api/sweeps/:name/population', () => {
  it('gives every member with its slot, lineage and curve, and the best member’s chain and schedule', async () => {
    const { status, body } = await get<PopulationResponse>('/api/sweeps/pbt/population');
    expect(status).toBe(200);
    expect(body).toMatchObject({ metric: 'loss', direction: 'minimize', population: 3, interval: 2, maxEpochs: 6 });
    expect(body.members.map((m) => [m.number, m.state, m.stage, m.slot, m.lineage ?? null])).toEqual([
      [0, 'PRUNED', 'search', 0, null],
      [1, 'COMPLETE', 'search', 1, null],
      [2, 'PRUNED', 'search', 2, null],
      [3, 'COMPLETE', 'exploit', 0, { parent: 1, step: 2, replaces: 0 }],
      [4, 'COMPLETE', 'exploit', 2, { parent: 3, step: 4, replaces: 2 }],
    ]);
    expect(body.members[3]?.points).toEqual([
      [3, 0.5],
      [4, 0.3],
      [5, 0.2],
      [6, 0.1],
    ]);
    expect(body.members[4]).toMatchObject({ params: { lr: 0.025, units: 8 }, value: 0.08 });
    expect(body.best).toEqual({
      trial: 4,
      chain: [
        { number: 1, fromStep: 1, toStep: 2, params: { lr: 0.2, units: 8 }, value: 0.6 },
        { number: 3, fromStep: 3, toStep: 4, params: { lr: 0.05, units: 8 }, value: 0.3 },
        { number: 4, fromStep: 5, toStep: 6, params: { lr: 0.025, units: 8 }, value: 0.08 },
      ],
      schedule: {
        lr: [
          { from: 1, to: 2, value: 0.2 },
          { from: 3, to: 4, value: 0.05 },
          { from: 5, to: 6, value: 0.025 },
        ],
        units: [{ from: 1, to: 6, value: 8 }],
      },
    });
  });

  it('is a 404 for a sweep that is not PBT, and for no sweep; unknown query keys are a 400', async () => {
    const plain = await get<ApiErrorBody>('/api/sweeps/plain/population');
    expect(plain.status).toBe(404);
    expect(plain.body.error.message).toBe("sweep 'plain' is not a population-based training sweep: it has no population");
    expect(plain.body.error.hint).toContain('sampler: { type: pbt }');
    expect((await get<ApiErrorBody>('/api/sweeps/nope/population')).status).toBe(404);
    expect((await get<ApiErrorBody>('/api/sweeps/pbt/population?metric=x')).status).toBe(400);
  });
});
