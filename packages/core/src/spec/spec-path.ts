/** One step of a path into a spec document: a mapping key or a list index. */
export type PathSegment = string | number;

// Keys that read unambiguously after a dot; anything else is written ["like this"].
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * A path as problems show it: `parameters.lr.log_uniform[0]`; '' for the whole document. Keys
 * with spaces, dots or the like are quoted (`parameters["hidden units"]`) so the path stays
 * readable and unambiguous.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = String(segment);
      out += PLAIN_KEY.test(key) ? (out === '' ? key : `.${key}`) : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/** Whether `value` is a mapping (a plain object as YAML and JSON parsers produce), not a list. */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` inside `root`, or undefined when the path does not exist there. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isMapping(current) && typeof segment !== 'symbol' && Object.hasOwn(current, segment)) current = current[String(segment)];
    else return undefined;
  }
  return current;
}
