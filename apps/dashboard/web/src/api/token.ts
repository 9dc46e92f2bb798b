/**
 * The API token of a dashboard bound to a non-loopback address. `sweep dashboard` prints a link
 * with `?token=…`; the app keeps it for the browser tab (sessionStorage) and takes it out of the
 * address bar so it does not end up in bookmarks, history or screenshots.
 */
const STORAGE_KEY = 'loopsweep.token';

let current: string | undefined;

/** Reads the token from the page address (preferred) or the tab's storage. Call once at start-up. */
export function captureToken(): string | undefined {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    current = fromUrl;
    trySessionStorage((s) => s.setItem(STORAGE_KEY, fromUrl));
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  } else {
    current = trySessionStorage((s) => s.getItem(STORAGE_KEY)) ?? undefined;
  }
  return current;
}

export function currentToken(): string | undefined {
  return current;
}

// Storage can throw (disabled cookies, some private modes); the token then lives in memory only.
function trySessionStorage<T>(access: (storage: Storage) => T): T | undefined {
  try {
    return access(window.sessionStorage);
  } catch {
    return undefined;
  }
}
