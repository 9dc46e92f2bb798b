import { projectTestConfig } from '../../vitest.shared.js';

// Unit tests beside the code; end-to-end tests run the built CLI (dist/main.js) as a child process.
export default projectTestConfig({ include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'] });
