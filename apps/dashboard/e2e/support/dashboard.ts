/** The real dashboard server (the server's own createDashboardServer) over a database file. */
import { createDashboardServer, type DashboardServer, type DashboardServerOptions } from '../../src/server/index.js';

/** Serves the built web app (dist/web: run `npm run build` first) on a free port. */
export function serveDashboard(dbPath: string, options: Omit<DashboardServerOptions, 'dbPath'> = {}): Promise<DashboardServer> {
  return createDashboardServer({ dbPath, port: 0, pollMs: 100, ...options });
}
