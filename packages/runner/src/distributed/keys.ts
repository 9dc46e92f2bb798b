/**
 * loopsweep's own Redis keys beside BullMQ's (`bull:<queue>:…`), all under `loopsweep:<queue>:`.
 */

/** Hash: agent name → JSON AgentInfo, refreshed by each agent's heartbeat. */
export function agentsKey(queue: string): string {
  return `loopsweep:${queue}:agents`;
}

/** Pub/sub channel on which coordinators tell agents to prune or cancel a job's trial. */
export function controlChannel(queue: string): string {
  return `loopsweep:${queue}:control`;
}

/**
 * The latest stop order for a job, kept beside the pub/sub message: an agent that was
 * disconnected when it was published, or that took the job just after, still reads it.
 */
export function stopKey(queue: string, jobId: string): string {
  return `loopsweep:${queue}:stop:${jobId}`;
}

/**
 * List of a coordinator's answers to one agent's reports (RPUSH by coordinators, BLPOP by the
 * agent). A list rather than pub/sub: an answer pushed while the agent was disconnected waits for
 * it instead of being lost, at the same latency (BLPOP wakes on the push).
 */
export function answersKey(queue: string, agent: string): string {
  return `loopsweep:${queue}:answers:${agent}`;
}

/**
 * A coordinator's sign of life, named in each job it enqueues: a key it refreshes (gone a while
 * after the coordinator goes silent) and a pub/sub channel it stays subscribed to (empty as soon as
 * Redis sees its connection close, e.g. at once after kill -9). Channels and keys are separate
 * namespaces in Redis; the two names differ only for whoever reads MONITOR.
 */
export function presenceKey(queue: string, coordinator: string): string {
  return `loopsweep:${queue}:coordinator:${coordinator}`;
}

export function presenceChannel(queue: string, coordinator: string): string {
  return `loopsweep:${queue}:coordinator-alive:${coordinator}`;
}
