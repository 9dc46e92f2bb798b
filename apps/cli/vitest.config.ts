import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Unit tests beside the code; end-to-end tests run the built CLI (dist/main.js) as a child process.
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The JSON report lets `npm test` print one closing line with the totals of every project.
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
