import { projectTestConfig } from '../../vitest.shared.js';

// Packing and installing from the registry (or npm's cache) takes tens of seconds, a real sweep a few more.
export default projectTestConfig({ include: ['*.test.ts'], timeoutMs: 300_000 });
