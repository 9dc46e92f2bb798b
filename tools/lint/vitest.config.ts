import { projectTestConfig } from '../../vitest.shared.js';

// ESLint builds a TypeScript program per project it lints, which takes a few seconds on 2 cores.
export default projectTestConfig({ include: ['*.test.ts'] });
