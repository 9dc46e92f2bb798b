/**
 * GET requests to the dashboard API (apps/dashboard/API.md) with the token, if any, attached.
 * Every call throws ApiError: status 0 when the server cannot be reached, else the server's error.
 */
import { ApiError, apiErrorFrom } from './api-error';
import { currentToken } from './token';

export type Query = Readonly<Record<string, string | number | readonly (string | number)[] | undefined>>;

/** `/api/…` with the query appended; repeated keys for arrays (`state=A&state=B`). */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const text = params.toString();
  return `/api${path}${text ? `?${text}` : ''}`;
}

/** GETs and parses JSON. @throws {ApiError} */
export async function apiGet<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
  const token = currentToken();
  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), {
      headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'unreachable', 'The dashboard server cannot be reached.', 'Is `sweep dashboard` still running?');
  }
  if (!response.ok) throw await apiErrorFrom(response);
  return (await response.json()) as T;
}

/** The URL of an event stream; EventSource cannot send headers, so the token goes in the query. */
export function streamUrl(path: string, query: Query = {}): string {
  const token = currentToken();
  return apiUrl(path, { ...query, ...(token ? { token } : {}) });
}

/** Encodes a path segment (sweep names may hold any character the store accepts). */
export const segment = (value: string | number): string => encodeURIComponent(String(value));
