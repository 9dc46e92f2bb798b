/**
 * The queue a sweep's trials ran through, as the orchestrator recorded it ("trials run on queue
 * 'loopsweep' at redis://:***@host:6379 …"). Only the redacted URL is ever stored.
 */
import type { SweepReader } from '@loopsweep/store';

export interface RecordedQueue {
  readonly name: string;
  readonly redactedUrl: string;
}

const PATTERN = /^trials run on queue '([^']+)' at (\S+)/;

/** The latest queue recorded for the sweep, if its trials ran through one. */
export function recordedQueue(reader: SweepReader, sweep: string): RecordedQueue | undefined {
  let found: RecordedQueue | undefined;
  for (const event of reader.events(sweep)) {
    if (event.kind !== 'info' || event.trialNumber !== undefined) continue; // the sweep's own lines only
    const match = PATTERN.exec(event.message);
    if (match) found = { name: match[1] as string, redactedUrl: match[2] as string };
    else if (event.message.startsWith('trials run on ')) found = undefined;
  }
  return found;
}

/** The recorded URL without its `***` placeholder: LOOPSWEEP_REDIS_PASSWORD then supplies the password. */
export function withoutPlaceholder(redactedUrl: string): string {
  return redactedUrl.replace(/:\*\*\*@/, '@').replace(/\/\/@/, '//');
}
