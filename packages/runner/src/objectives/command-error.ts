/**
 * A command objective's program failed: it could not start, exited with a code other than 0, was
 * killed, timed out or never reported. The message ends with its last stderr lines.
 */
export class CommandObjectiveError extends Error {
  override readonly name = 'CommandObjectiveError';
  readonly code = 'COMMAND_FAILED';
}
