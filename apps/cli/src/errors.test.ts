import { describe, expect, it } from 'vitest';
import { SpecError, StoreError, SweepError } from '@loopsweep/core';
import { EXIT, UsageError, reportError } from './errors.js';

describe('reportError', () => {
  it('reports bad input with exit 2 and no stack', () => {
    const spec = reportError(new SpecError([{ path: 'parameters.lr.log_uniform[0]', message: 'must be > 0' }], 'x.yaml'));
    expect(spec.exitCode).toBe(EXIT.badInput);
    expect(spec.text).toContain('parameters.lr.log_uniform[0]: must be > 0');
    expect(spec.text).not.toContain('    at ');

    const usage = reportError(new UsageError('no sweep named x', 'try `sweep list`'));
    expect(usage).toEqual({ exitCode: 2, text: 'error: no sweep named x\n  hint: try `sweep list`\n' });

    expect(reportError(new StoreError('cannot create /proc/x.db')).exitCode).toBe(2);
  });

  it('reports anything else as an unexpected failure (exit 1), with the stack only when debugging', () => {
    const plain = reportError(new TypeError('boom'));
    expect(plain.exitCode).toBe(EXIT.failure);
    expect(plain.text).toContain('unexpected failure: boom');
    expect(plain.text).toContain('LOOPSWEEP_DEBUG=1');
    expect(plain.text).not.toContain('    at ');
    expect(reportError(new TypeError('boom'), true).text).toContain('    at ');
    expect(reportError(new SweepError('INTERNAL', 'bad state')).exitCode).toBe(1);
  });
});
