/** A coordinator's order about one job's trial, sent to agents through Redis. */
export interface StopOrder {
  readonly jobId: string;
  readonly action: 'prune' | 'cancel';
  /** Cancel: why, in the words the trial's record will show. */
  readonly reason?: string;
}

export function parseStopOrder(text: string | null): StopOrder | undefined {
  if (!text) return undefined;
  try {
    const order = JSON.parse(text) as StopOrder;
    return typeof order.jobId === 'string' && (order.action === 'prune' || order.action === 'cancel') ? order : undefined;
  } catch {
    return undefined;
  }
}
