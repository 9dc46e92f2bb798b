/**
 * A coordinator's answer to one report of a job's run, as it travels to the agent that runs it.
 * It names the job, the run and the report's index within the run, so that an answer meant for an
 * earlier run of the job (an agent that lost it) or for a report already released is ignored.
 */
import type { ReportAnswer } from '@loopsweep/core';
import type { Redis } from 'ioredis';
import { answersKey } from './keys.js';

export interface ReportAnswerMessage {
  readonly jobId: string;
  /** `<agent>#<start count>`, as in TrialProgress. */
  readonly run: string;
  /** The report's index within the run (TrialProgress.i + its position in the batch). */
  readonly i: number;
  readonly answer: ReportAnswer;
}

/** An agent's answer list outlives a dead agent by this long at most. */
const ANSWERS_TTL_SECONDS = 60 * 60;

/** `<agent>#<n>` → the agent's name (names may hold '#': the count is after the last one). */
export function agentOfRun(run: string): string {
  return run.slice(0, run.lastIndexOf('#'));
}

/**
 * Pushes an answer onto the list of the agent that runs `message.run`.
 * @throws {Error} (rejects) when Redis refuses the write; the agent then answers itself after its timeout.
 */
export async function sendAnswer(client: Redis, queue: string, message: ReportAnswerMessage): Promise<void> {
  const key = answersKey(queue, agentOfRun(message.run));
  // One round trip: the push and the expiry that keeps a dead agent's list from staying forever.
  const replies = await client.multi().rpush(key, JSON.stringify(message)).expire(key, ANSWERS_TTL_SECONDS).exec();
  const failed = replies?.find(([error]) => error);
  if (failed) throw failed[0] as Error;
}

export function parseAnswer(text: string): ReportAnswerMessage | undefined {
  try {
    const m = JSON.parse(text) as Partial<ReportAnswerMessage>;
    return typeof m.jobId === 'string' && typeof m.run === 'string' && Number.isInteger(m.i) && (m.answer === 'continue' || m.answer === 'stop')
      ? (m as ReportAnswerMessage)
      : undefined;
  } catch {
    return undefined;
  }
}
