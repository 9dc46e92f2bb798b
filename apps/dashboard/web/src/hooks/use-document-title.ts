import { useEffect } from 'react';

/** Sets the tab's title (and so the history entry's name) for the page. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · loopsweep`;
  }, [title]);
}
