/**
 * One trial with its metrics and events, refetched when the sweep's stream reports a change to
 * that trial (a running trial's new epoch, its end, a prune decision).
 */
import { useCallback, useState } from 'react';
import { segment, streamUrl } from '../api/client';
import type { ChangesMessage, TrialDetailResponse } from '../api/types';
import { useApi, type ApiState } from './use-api';
import { useStream } from './use-stream';
import { useThrottled } from './use-throttled';

const REFRESH_MS = 1000;

export function useTrialLive(sweep: string, trial: number): ApiState<TrialDetailResponse> & { readonly connection: ReturnType<typeof useStream> } {
  const [version, setVersion] = useState(0);
  const refresh = useThrottled(version, REFRESH_MS);
  const state = useApi<TrialDetailResponse>(`/sweeps/${segment(sweep)}/trials/${trial}`, {}, refresh);
  const onChanges = useCallback(
    (data: unknown) => {
      const message = data as ChangesMessage;
      const touched =
        message.trials.some((t) => t.number === trial) ||
        message.metrics.some((m) => m.trialNumber === trial) ||
        message.events.some((e) => e.trialNumber === trial);
      if (touched) setVersion((v) => v + 1);
    },
    [trial],
  );
  // Without a cursor the stream starts from "now", which is what a page that just loaded needs.
  // `reset`: the stream skipped what it missed while away (API.md amendment 3); refetch the trial.
  const onReset = useCallback(() => setVersion((v) => v + 1), []);
  const connection = useStream(state.data ? streamUrl(`/sweeps/${segment(sweep)}/stream`) : null, { changes: onChanges, reset: onReset });
  return { ...state, connection };
}
