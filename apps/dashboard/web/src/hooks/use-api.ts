/**
 * One GET request as component state: re-requested when `path`, `query` or `refresh` change (the
 * previous request is aborted), the last good data kept while a refresh is under way so charts do
 * not flash empty on live updates.
 */
import { useEffect, useState } from 'react';
import { ApiError } from '../api/api-error';
import { apiGet, type Query } from '../api/client';

export interface ApiState<T> {
  readonly data?: T;
  readonly error?: ApiError;
  readonly loading: boolean;
}

/** `path` null: nothing to request yet. */
export function useApi<T>(path: string | null, query: Query = {}, refresh: unknown = 0): ApiState<T> {
  const [state, setState] = useState<ApiState<T>>({ loading: path !== null });
  const queryKey = JSON.stringify(query);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setState((old) => ({ ...old, loading: true }));
    apiGet<T>(path, JSON.parse(queryKey) as Query, controller.signal).then(
      (data) => setState({ data, loading: false }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = error instanceof ApiError ? error : new ApiError(0, 'client', String(error));
        setState((old) => ({ ...old, error: apiError, loading: false }));
      },
    );
    return () => controller.abort();
  }, [path, queryKey, refresh]);

  return state;
}
