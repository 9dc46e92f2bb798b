/**
 * @loopsweep/dashboard — the results dashboard's server: a read-only HTTP API over a sweep
 * database, live Server-Sent Events, and the built web app (API.md).
 */
export { createDashboardServer, type DashboardServer } from './create-server.js';
export { DashboardStartError, type DashboardServerOptions } from './options.js';
export { isLoopbackHost, LOOPBACK_HOSTS } from './auth.js';
export type * from '../api/types.js';
export * from '../report/index.js';
export type * from '../api/report-types.js';
