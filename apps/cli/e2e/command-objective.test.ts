/**
 * Command objectives through the real CLI (issue 16): refused at validation for a placeholder no
 * trial can fill, refused with --queue, and examples/pytorch's train.py swept end to end where a
 * python3 with PyTorch is installed (Debian's python3-torch; tools/scripts/setup-system.sh).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, sweep, withReader, workspace } from './helpers.js';

const ws = workspace();
afterAll(() => ws.cleanup());

const spec = (name: string, objective: string, extra = '') =>
  [
    `name: ${name}`,
    `objective: ${objective}`,
    'metric: { name: score, goal: maximize }',
    'budget: { trials: 4, max_epochs: 3, parallel: 2 }',
    'parameters:',
    '  lr: { log_uniform: [1.0e-4, 1.0e-1] }',
    extra,
  ].join('\n');

/** A folder whose python3 imports torch (the one on PATH, else Debian's /usr/bin/python3), or undefined. */
function torchPythonDir(): string | undefined {
  for (const python of ['python3', '/usr/bin/python3']) {
    const found = spawnSync(python, ['-c', 'import sys, torch; print(sys.executable)'], { encoding: 'utf8' });
    if (found.status === 0) return path.dirname(found.stdout.trim());
  }
  return undefined;
}
const torchDir = torchPythonDir();
if (!torchDir)
  console.warn('skipping the PyTorch example test: no python3 with torch (apt-get install python3-torch, or run tools/scripts/setup-system.sh as root)');

describe('a command objective through the CLI', () => {
  it('is refused at validation for an unknown placeholder: exit 2, its path and the name meant', () => {
    const file = ws.file('placeholder.yaml', spec('bad', '{ command: [python3, train.py, --lr, "{lrr}", --epochs, "{max_epochs}"] }'));
    const result = sweep(['validate', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("objective.command[3]: unknown placeholder '{lrr}': not a parameter, max_epochs, seed or trial (did you mean 'lr'?)");
    const run = sweep(['run', file, '--db', ws.db]);
    expect(run.code).toBe(2);
    expect(existsSync(ws.db)).toBe(false);
  });

  it('is refused for a cwd that does not exist, and with --queue', () => {
    const missing = sweep(['validate', ws.file('cwd.yaml', spec('cwd', '{ command: [python3, x.py], cwd: ./nowhere }'))]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/objective\.cwd: no folder at .*nowhere/);
    const queued = sweep(['run', ws.file('queue.yaml', spec('queue', '{ command: [python3, x.py] }')), '--queue', 'redis://127.0.0.1:1', '--db', ws.db]);
    expect(queued.code).toBe(2);
    expect(queued.stderr).toContain('a command objective does not run through --queue');
  });

  it('runs a shell program that reports JSON lines, with the params in its environment', () => {
    // "{lr}" becomes the script's $0; LOOPSWEEP_PARAMS has it too.
    const program = 'for s in 1 2 3; do echo "{\\"step\\": $s, \\"score\\": 0.$s}"; done; echo "seed $LOOPSWEEP_SEED lr $0 $LOOPSWEEP_PARAMS"';
    const file = ws.file('shell.yaml', spec('shell', `{ command: [sh, -c, ${JSON.stringify(program)}, "{lr}"] }`));
    const run = sweep(['run', file, '--db', ws.db, '--verbose']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^\[trial 0\] seed \d+ lr (\S+) \{"lr":\1\}$/m);
    const summary = withReader(ws.db, (reader) => reader.summary('shell'));
    expect(summary?.counts.COMPLETE).toBe(4);
    expect(summary?.objective).toBe(`sh -c '${program.replaceAll("'", "'\\''")}' '{lr}'`);
  });

  it.skipIf(!torchDir)('sweeps examples/pytorch/train.py on data from `sweep data export`, pruning with ASHA', () => {
    const csv = path.join(ws.dir, 'spam.csv');
    const exported = sweep(['data', 'export', 'spamassassin', '-o', csv]);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(/wrote .*spam\.csv: 6046 messages \(1896 spam\)/);
    const train = path.join(REPO_ROOT, 'examples/pytorch/train.py');
    const file = ws.file(
      'pytorch.yaml',
      [
        'name: pytorch-small',
        `objective: { command: [python3, ${train}, --cell, "{cell}", --lr, "{lr}", --epochs, "{max_epochs}", --data, ${csv}, --limit, "300", --max-len, "32"], env: { OMP_NUM_THREADS: "1" }, answers: stdin }`,
        'metric: { name: val_accuracy, goal: maximize }',
        'budget: { trials: 6, max_epochs: 3, parallel: 2 }',
        'sampler: { type: random, seed: 3 }',
        'pruner: { type: asha, min_epochs: 1, reduction_factor: 3 }',
        'parameters:',
        '  cell: { values: [loop, lstm] }',
        '  lr: { log_uniform: [1.0e-3, 3.0e-2] }',
      ].join('\n'),
    );
    const run = sweep(['run', file, '--db', ws.db], { env: { PATH: `${torchDir}:${process.env['PATH'] ?? ''}` }, timeoutMs: 300_000 });
    expect(run.code).toBe(0);
    const summary = withReader(ws.db, (reader) => reader.summary('pytorch-small'));
    expect((summary?.counts.COMPLETE ?? 0) + (summary?.counts.PRUNED ?? 0)).toBe(6);
    expect(summary?.best?.value).toBeGreaterThan(0.5);
  });
});
