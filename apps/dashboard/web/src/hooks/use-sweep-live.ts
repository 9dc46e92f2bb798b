/**
 * Everything the sweep page draws from, kept live: the overview (summary, params, throughput,
 * ETA), every trial, and counters that tell derived views (comparison, importance, curves) when to
 * refetch. Order matters: the overview's cursor is taken first, then the trials are loaded and the
 * stream opened from that cursor, so no change falls between the two; a change that arrives
 * twice is harmless (mergeTrials keeps the newer row).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import { apiGet, segment, streamUrl } from '../api/client';
import type { ChangesMessage, SweepOverview, SweepSummary, TrialRow, TrialsResponse } from '../api/types';
import { formatCursor } from '../../../src/api/cursor';
import { mergeTrials } from '../model/merge-trials';
import { useStream } from './use-stream';
import { useThrottled } from './use-throttled';

export interface SweepLive {
  readonly overview?: SweepOverview;
  readonly trials?: readonly TrialRow[];
  readonly error?: ApiError;
  readonly connection: ReturnType<typeof useStream>;
  /** Increases with every change message (curves of running trials refetch on it). */
  readonly changes: number;
  /** Increases when a trial finished (comparison and importance refetch on it). */
  readonly finished: number;
}

const OVERVIEW_REFRESH_MS = 5000;

const asApiError = (error: unknown): ApiError => (error instanceof ApiError ? error : new ApiError(0, 'client', String(error)));

export function useSweepLive(sweep: string): SweepLive {
  const [overview, setOverview] = useState<SweepOverview>();
  const [trials, setTrials] = useState<readonly TrialRow[]>();
  const [error, setError] = useState<ApiError>();
  const [cursor, setCursor] = useState<string>();
  const [changes, setChanges] = useState(0);
  const [finished, setFinished] = useState(0);
  // Changes that arrive before the first trials list; merged into it when it lands.
  const early = useRef<TrialRow[]>([]);
  const path = `/sweeps/${segment(sweep)}`;

  useEffect(() => {
    const controller = new AbortController();
    setOverview(undefined);
    setTrials(undefined);
    setError(undefined);
    setCursor(undefined);
    early.current = [];
    (async () => {
      const first = await apiGet<SweepOverview>(path, {}, controller.signal);
      setOverview(first);
      setCursor(formatCursor(first.cursor));
      const list = await apiGet<TrialsResponse>(`${path}/trials`, {}, controller.signal);
      setTrials(mergeTrials(list.trials, early.current.splice(0)));
    })().catch((e: unknown) => {
      if (!controller.signal.aborted) setError(asApiError(e));
    });
    return () => controller.abort();
  }, [path]);

  const onChanges = useCallback((data: unknown) => {
    const message = data as ChangesMessage;
    setTrials((old) => {
      if (old === undefined) {
        early.current.push(...message.trials);
        return old;
      }
      return mergeTrials(old, message.trials, message.metrics);
    });
    setChanges((n) => n + 1);
    if (message.trials.some((t) => t.state === 'COMPLETE' || t.state === 'PRUNED' || t.state === 'FAILED')) setFinished((n) => n + 1);
  }, []);

  // `reset` (API.md amendment 3): the stream resumed too far behind to send what was missed, so
  // load the sweep again; the stream itself goes on. Rows that arrived meanwhile are kept when newer.
  const [resets, setResets] = useState(0);
  const onReset = useCallback(() => setResets((n) => n + 1), []);
  useEffect(() => {
    if (resets === 0) return;
    const controller = new AbortController();
    (async () => {
      const fresh = await apiGet<SweepOverview>(path, {}, controller.signal);
      const list = await apiGet<TrialsResponse>(`${path}/trials`, {}, controller.signal);
      setOverview(fresh);
      setTrials((old) => mergeTrials(list.trials, old ?? []));
      setChanges((n) => n + 1);
      setFinished((n) => n + 1);
    })().catch((e: unknown) => {
      if (!controller.signal.aborted) setError(asApiError(e));
    });
    return () => controller.abort();
  }, [resets, path]);

  const onSummary = useCallback((data: unknown) => {
    setOverview((old) => (old ? { ...old, summary: data as SweepSummary } : old));
  }, []);

  const connection = useStream(cursor === undefined ? null : streamUrl(`${path}/stream`, { cursor }), {
    changes: onChanges,
    summary: onSummary,
    reset: onReset,
  });

  // Throughput, elapsed time, ETA and the best trial's row are the server's to compute: refresh
  // the overview now and then while changes arrive (never more often than OVERVIEW_REFRESH_MS).
  const changesThrottled = useThrottled(changes, OVERVIEW_REFRESH_MS);
  useEffect(() => {
    if (changesThrottled === 0) return;
    const controller = new AbortController();
    apiGet<SweepOverview>(path, {}, controller.signal).then(setOverview, () => {
      // A failed refresh keeps the last overview; the connection banner says why.
    });
    return () => controller.abort();
  }, [changesThrottled, path]);

  return { ...(overview ? { overview } : {}), ...(trials ? { trials } : {}), ...(error ? { error } : {}), connection, changes, finished };
}
