import { projectTestConfig } from '../../vitest.shared.js';

// API tests beside the server code (real SQLite files, a real server on a free port); browser
// tests in e2e/ drive Debian's Chromium over the built server and web app.
export default projectTestConfig({ include: ['src/**/*.test.ts', 'e2e/**/*.test.ts', 'web/**/*.test.ts'] });
