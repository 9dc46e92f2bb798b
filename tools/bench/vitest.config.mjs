import { projectTestConfig } from '../../vitest.shared.js';

// The benchmarks print figures and are not tests; what they compute with (the statistics, the
// FLOP counts) is.
export default projectTestConfig({ include: ['quality/*.test.mjs', '*.test.mjs'] });
