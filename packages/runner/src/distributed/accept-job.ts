/** What an agent checks before it runs a job: a job is data from anyone who can reach the queue. */
import { describeObjective, type TrialTask } from '@loopsweep/core';
import { BUILT_IN_OBJECTIVES } from '../objectives/load-objective.js';
import { decodeJobData } from './job-data.js';

/**
 * The job's task, if this agent may run it: a well-formed job whose objective is a built-in or a
 * module in `allowed` (absolute paths); never a command objective.
 * @throws {Error} with the reason the job's trial will show as its failure.
 */
export function acceptJob(agent: string, jobId: string, data: unknown, allowed: ReadonlySet<string>): TrialTask {
  let task: TrialTask;
  try {
    task = decodeJobData(data).task;
  } catch (error) {
    throw new Error(`agent ${agent} refused job ${jobId}: ${(error as Error).message}`);
  }
  if (typeof task.objective !== 'string') {
    // A job is data, never code: running a program named by whoever can reach the queue is what
    // --allow-objective exists to prevent, and there is no such allow-list for commands yet.
    throw new Error(`agent ${agent} does not run command objectives ('${describeObjective(task.objective)}'): run a command-objective sweep without --queue`);
  }
  if (!(BUILT_IN_OBJECTIVES as readonly string[]).includes(task.objective) && !allowed.has(task.objective)) {
    throw new Error(
      `agent ${agent} does not run objective '${task.objective}': it runs the built-ins (${BUILT_IN_OBJECTIVES.join(', ')}) ` +
        'and the modules it was started with --allow-objective <path> for; install the module at that path on every agent and allow it',
    );
  }
  return task;
}
