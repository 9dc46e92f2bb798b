/**
 * The Vitest settings every project shares; each project's vitest.config.ts adds what differs.
 */
import { defineConfig } from 'vitest/config';

export interface ProjectTestOptions {
  /** Test files. Default: unit tests beside the code. */
  readonly include?: string[];
  /** Per test and per hook. Default 60 s (training and end-to-end tests are slow on 2 cores). */
  readonly timeoutMs?: number;
}

export function projectTestConfig(options: ProjectTestOptions = {}) {
  const timeout = options.timeoutMs ?? 60_000;
  return defineConfig({
    test: {
      include: options.include ?? ['src/**/*.test.ts'],
      // CPU-bound tests on two cores: separate processes (each with its own tfjs engine and
      // SQLite handles), two at a time.
      pool: 'forks',
      maxWorkers: 2,
      testTimeout: timeout,
      hookTimeout: timeout,
      // The JSON report lets `npm test` print one closing line with the totals of every project.
      reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
    },
  });
}
