/** The app's three pages (client-side routes; the server answers index.html for each). */
export type Route =
  | { readonly page: 'sweeps' }
  | { readonly page: 'sweep'; readonly sweep: string }
  | { readonly page: 'trial'; readonly sweep: string; readonly trial: number }
  | { readonly page: 'not-found'; readonly path: string };

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter((part) => part !== '');
  if (parts.length === 0) return { page: 'sweeps' };
  if (parts[0] === 'sweeps' && parts[1] !== undefined) {
    const sweep = decodeURIComponent(parts[1]);
    if (parts.length === 2) return { page: 'sweep', sweep };
    if (parts.length === 4 && parts[2] === 'trials' && /^\d+$/.test(parts[3]!)) return { page: 'trial', sweep, trial: Number(parts[3]) };
  }
  return { page: 'not-found', path: pathname };
}

export const sweepsHref = (): string => '/';
export const sweepHref = (sweep: string): string => `/sweeps/${encodeURIComponent(sweep)}`;
export const trialHref = (sweep: string, trial: number): string => `${sweepHref(sweep)}/trials/${trial}`;
