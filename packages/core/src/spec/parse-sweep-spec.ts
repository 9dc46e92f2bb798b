import { LineCounter, parseDocument } from 'yaml';
import { SpecError } from '../errors/spec-error.js';
import type { SweepSpec } from './sweep-spec.js';
import { validateSweepSpec, type ValidateSweepSpecOptions } from './validate-sweep-spec.js';

export interface ParseSweepSpecOptions extends ValidateSweepSpecOptions {
  /** 'yaml' (default; JSON is YAML too) or 'json' (strict JSON, with JSON's error positions). */
  readonly format?: 'yaml' | 'json';
  /** The file the text came from, shown in the error's message. */
  readonly source?: string;
}

/**
 * Parses and validates a sweep spec written in YAML or JSON.
 *
 * @throws {SpecError} when the text is not valid YAML/JSON (each syntax error as a problem at path
 *   '' with its line and column), or when the spec has problems (see validateSweepSpec): all of
 *   them at once.
 */
export function parseSweepSpec(text: string, options: ParseSweepSpecOptions = {}): SweepSpec {
  const value = options.format === 'json' ? readJson(text, options.source) : readYaml(text, options.source);
  return validateSweepSpec(value, options.source, options);
}

function readYaml(text: string, source: string | undefined): unknown {
  const lineCounter = new LineCounter();
  // uniqueKeys (the default) makes a repeated key an error instead of a silent overwrite.
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      return { path: '', message: `YAML syntax error at line ${line}, column ${col}: ${firstLine(error.message)}` };
    });
    throw new SpecError(problems, source);
  }
  if (document.contents === null)
    throw new SpecError([{ path: '', message: 'the spec is empty', hint: 'start with name:, objective:, metric:, budget: and parameters:' }], source);
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // toJS throws for an alias to an unknown anchor and for alias bombs.
    throw new SpecError([{ path: '', message: `YAML error: ${firstLine(error instanceof Error ? error.message : String(error))}` }], source);
  }
}

function readJson(text: string, source: string | undefined): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new SpecError(
      [{ path: '', message: `JSON syntax error${jsonPosition(text, message)}: ${message.replace(/ in JSON at position \d+.*$/, '')}` }],
      source,
    );
  }
}

/** " at line L, column C" from V8's "… at position N", or '' when the message has no position. */
function jsonPosition(text: string, message: string): string {
  const position = / at position (\d+)/.exec(message)?.[1] ?? (message.includes('Unexpected end of JSON input') ? String(text.length) : undefined);
  if (position === undefined) return '';
  const offset = Number(position);
  const before = text.slice(0, offset).split('\n');
  return ` at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
