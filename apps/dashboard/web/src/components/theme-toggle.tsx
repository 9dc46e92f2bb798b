import type { Theme, ThemePreference } from '../hooks/use-theme';

/** Switches light ↔ dark; says whether the current look follows the system. */
export function ThemeToggle({ theme, preference, onToggle }: { theme: Theme; preference: ThemePreference; onToggle: () => void }) {
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      onClick={onToggle}
      aria-label={`Switch to ${next} mode`}
      title={preference === 'system' ? `${theme} (from your system)` : theme}
      data-testid="theme-toggle"
    >
      {theme === 'dark' ? '☾ dark' : '☀ light'}
    </button>
  );
}
