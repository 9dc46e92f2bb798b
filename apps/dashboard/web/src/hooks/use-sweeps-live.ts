/** The sweeps list, replaced whenever the server's `/api/stream` says a sweep changed. */
import { useCallback, useState } from 'react';
import { streamUrl } from '../api/client';
import type { SweepListItem, SweepsResponse } from '../api/types';
import { useApi } from './use-api';
import { useStream } from './use-stream';
import type { ApiError } from '../api/api-error';

export function useSweepsLive(): { readonly sweeps?: readonly SweepListItem[]; readonly error?: ApiError; readonly connection: ReturnType<typeof useStream> } {
  const initial = useApi<SweepsResponse>('/sweeps');
  const [live, setLive] = useState<readonly SweepListItem[]>();
  const onSweeps = useCallback((data: unknown) => setLive((data as SweepsResponse).sweeps), []);
  // Only once the list loaded: a refused token is shown from the list's 401, not the stream's.
  const connection = useStream(initial.data ? streamUrl('/stream') : null, { sweeps: onSweeps });
  const sweeps = live ?? initial.data?.sweeps;
  return { ...(sweeps ? { sweeps } : {}), ...(initial.error ? { error: initial.error } : {}), connection };
}
