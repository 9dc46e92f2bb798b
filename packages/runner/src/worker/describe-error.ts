/**
 * Error text for failure reasons. Errors that cross a thread or process boundary arrive as plain
 * objects or lose their class, so everything here reads `name`, `message` and `code` only.
 */

/** `${name}: ${message}` for errors and error-like objects, `String(value)` for anything else. */
export function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    const { name, message } = error as { name?: unknown; message: string };
    return typeof name === 'string' && name !== '' ? `${name}: ${message}` : message;
  }
  return String(error);
}

/** The error's `message` if it has one, else {@link describeError}. */
export function errorMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return describeError(error);
}

/** Whether `error` has this `code` or this `name`, whatever realm or copy of a class made it. */
export function errorIs(error: unknown, code: string, name: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code: c, name: n } = error as { code?: unknown; name?: unknown };
  return c === code || n === name;
}
