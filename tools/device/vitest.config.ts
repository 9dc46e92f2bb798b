import { projectTestConfig } from '../../vitest.shared.js';

// Building the kit (bundling, copying 150 MB, gzip) takes ~15 s, run.sh --quick on lavapipe as long
// again; both take longer on a loaded 2-core machine.
export default projectTestConfig({ include: ['*.test.ts'], timeoutMs: 300_000 });
