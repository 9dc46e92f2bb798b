import { projectTestConfig } from '../../vitest.shared.js';

// Training tests take tens of seconds each here.
export default projectTestConfig({ timeoutMs: 120_000 });
