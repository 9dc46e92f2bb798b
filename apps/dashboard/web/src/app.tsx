/** The shell: header with the theme toggle, and the page of the current route. */
import { ErrorBoundary } from './components/error-boundary';
import { ThemeContext } from './hooks/theme-context';
import { useTheme } from './hooks/use-theme';
import { AppHeader } from './components/app-header';
import { CrashPanel } from './components/crash-panel';
import { NotFoundPage } from './pages/not-found-page';
import { SweepPage } from './pages/sweep-page';
import { SweepsPage } from './pages/sweeps-page';
import { TrialPage } from './pages/trial-page';
import { useRoute } from './routing/use-route';

export function App() {
  const route = useRoute();
  const { theme, preference, cycle } = useTheme();
  return (
    <ThemeContext.Provider value={theme}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader route={route} theme={theme} preference={preference} onToggleTheme={cycle} />
      <ErrorBoundary key={window.location.pathname} fallback={(error) => <CrashPanel error={error} />}>
        {route.page === 'sweeps' && <SweepsPage />}
        {route.page === 'sweep' && <SweepPage key={route.sweep} sweep={route.sweep} />}
        {route.page === 'trial' && <TrialPage key={`${route.sweep}/${route.trial}`} sweep={route.sweep} trial={route.trial} />}
        {route.page === 'not-found' && <NotFoundPage path={route.path} />}
      </ErrorBoundary>
    </ThemeContext.Provider>
  );
}
