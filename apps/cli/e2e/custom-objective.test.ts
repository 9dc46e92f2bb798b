import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, sweep, withReader, workspace } from './helpers.js';

const ws = workspace();
afterAll(() => ws.cleanup());

describe('examples/custom-objective', () => {
  it('runs as it is, from any folder, and resumes from another', () => {
    const spec = path.join(REPO_ROOT, 'examples/custom-objective/sweep.yaml');
    const run = sweep(['run', spec, '--db', ws.db, '--verbose'], { cwd: ws.dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^\[trial 0\] custom objective: x=/m);
    const summary = withReader(ws.db, (reader) => reader.summary('custom-objective'));
    expect(summary?.total).toBe(12);
    expect((summary?.counts.COMPLETE ?? 0) + (summary?.counts.PRUNED ?? 0)).toBe(12);
    expect(summary?.best?.value).toBeLessThan(0.2);
    // Same numbers every time: the objective is deterministic.
    const again = path.join(ws.dir, 'again.db');
    expect(sweep(['run', spec, '--db', again]).code).toBe(0);
    expect(withReader(again, (reader) => reader.best('custom-objective', 3))).toEqual(
      withReader(ws.db, (reader) => reader.best('custom-objective', 3)).map((t) => expect.objectContaining({ number: t.number, value: t.value })),
    );
  });
});
