import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Training tests are CPU-bound and the machines have two cores: run files in separate
    // processes (each with its own tfjs engine), two at a time.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The JSON report lets `npm test` print one closing line with the totals of every project.
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
