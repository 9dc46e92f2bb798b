import type { Theme, ThemePreference } from '../hooks/use-theme';
import { Link } from '../routing/link';
import { sweepHref, sweepsHref, type Route } from '../routing/routes';
import { ThemeToggle } from './theme-toggle';

/** Brand, where you are (sweeps › sweep › trial), and the theme toggle. */
export function AppHeader({ route, theme, preference, onToggleTheme }: { route: Route; theme: Theme; preference: ThemePreference; onToggleTheme: () => void }) {
  return (
    <header className="app-header">
      <Link className="brand" href={sweepsHref()}>
        loopsweep
      </Link>
      <nav aria-label="Breadcrumb">
        <Link href={sweepsHref()}>sweeps</Link>
        {(route.page === 'sweep' || route.page === 'trial') && (
          <>
            ›
            <Link href={sweepHref(route.sweep)} aria-current={route.page === 'sweep' ? 'page' : undefined}>
              {route.sweep}
            </Link>
          </>
        )}
        {route.page === 'trial' && <> › trial #{route.trial}</>}
      </nav>
      <ThemeToggle theme={theme} preference={preference} onToggle={onToggleTheme} />
    </header>
  );
}
