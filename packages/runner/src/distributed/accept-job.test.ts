import { describe, expect, it } from 'vitest';
import { acceptJob } from './accept-job.js';
import { encodeJobData } from './job-data.js';

const task = (objective: string | { command: string[] }) => ({ sweepName: 's', trialNumber: 3, attempt: 1, params: { x: Number.NaN }, objective, seed: 7 });

describe('acceptJob', () => {
  it('accepts built-in objectives and allowed modules, with the task as it was sent (NaN included)', () => {
    const accepted = acceptJob('a', 'j', encodeJobData(task('noop'), 'coordinator-host'), new Set());
    expect(accepted).toEqual(task('noop'));
    expect(acceptJob('a', 'j', encodeJobData(task('/opt/mine.mjs'), 'h'), new Set(['/opt/mine.mjs'])).objective).toBe('/opt/mine.mjs');
  });

  it('refuses a module it was not allowed to run, saying how to allow it', () => {
    expect(() => acceptJob('a', 'j', encodeJobData(task('/tmp/evil.mjs'), 'h'), new Set(['/opt/mine.mjs']))).toThrow(
      "agent a does not run objective '/tmp/evil.mjs': it runs the built-ins (rnn-text, noop) and the modules it was started with --allow-objective <path> for; install the module at that path on every agent and allow it",
    );
  });

  it('refuses a command objective: a job never names a program to run', () => {
    expect(() => acceptJob('a', 'j', encodeJobData(task({ command: ['rm', '-rf', '/'] }), 'h'), new Set(['rm']))).toThrow(
      "agent a does not run command objectives ('rm -rf /'): run a command-objective sweep without --queue",
    );
  });

  it.each([
    [null, 'agent a refused job j: malformed job: its data is not an object'],
    [{ task: {} }, 'agent a refused job j: malformed job: no format number'],
    [{ format: 2, task: {} }, "agent a refused job j: job format 2 is newer than this agent's (1): upgrade loopsweep on this machine"],
    [
      { format: 1, task: { sweepName: 's', trialNumber: 1.5, attempt: 1, objective: 'noop', seed: 1 } },
      'agent a refused job j: malformed job: task field(s) trialNumber, params missing or of the wrong type',
    ],
  ])('refuses malformed job data %j', (data, message) => {
    expect(() => acceptJob('a', 'j', data, new Set())).toThrow(message);
  });
});
