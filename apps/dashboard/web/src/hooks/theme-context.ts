import { createContext, useContext } from 'react';
import type { Theme } from './use-theme';

/** The resolved theme, for components (charts) deep in the tree. */
export const ThemeContext = createContext<Theme>('light');

export const useResolvedTheme = (): Theme => useContext(ThemeContext);
