import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    // The JSON report lets `npm test` print one closing line with the totals of every project.
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
