/**
 * Light or dark: the system's choice (prefers-color-scheme) unless the user picked one with the
 * toggle, which is remembered. The resolved theme is set on <html data-theme> for the CSS and
 * returned for the charts, which draw on canvas and cannot read CSS by themselves.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';

export type ThemePreference = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'loopsweep.theme';
const query = () => window.matchMedia('(prefers-color-scheme: dark)');

function subscribeToSystem(listener: () => void): () => void {
  const media = query();
  media.addEventListener('change', listener);
  return () => media.removeEventListener('change', listener);
}

function storedPreference(): ThemePreference {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

export function useTheme(): { readonly theme: Theme; readonly preference: ThemePreference; readonly cycle: () => void } {
  const systemDark = useSyncExternalStore(subscribeToSystem, () => query().matches);
  const [preference, setPreference] = useState<ThemePreference>(storedPreference);
  const theme: Theme = preference === 'system' ? (systemDark ? 'dark' : 'light') : preference;

  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);

  const cycle = useCallback(() => {
    setPreference((current) => {
      const next: ThemePreference = current === 'system' ? (systemDark ? 'light' : 'dark') : current === 'light' ? 'dark' : 'light';
      try {
        window.localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Not remembered across visits; the choice still holds for this page.
      }
      return next;
    });
  }, [systemDark]);

  return { theme, preference, cycle };
}
