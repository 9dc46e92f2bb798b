import { useSyncExternalStore } from 'react';
import { subscribeToLocation } from './navigation';
import { parseRoute, type Route } from './routes';

const pathname = (): string => window.location.pathname;

/** The current route, re-rendering on navigation. */
export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribeToLocation, pathname));
}
