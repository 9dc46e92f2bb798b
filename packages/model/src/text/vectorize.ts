import { ConfigError } from '../errors.js';
import { PAD_ID } from './tokenizer.js';
import type { Tokenizer } from './tokenizer.js';

export interface EncodeTextsOptions {
  /** Tokens per text; longer texts are cut, shorter ones padded. */
  readonly maxLen: number;
  /**
   * Where PAD_ID goes in a short text. Default 'pre' (before the tokens) because the classifier
   * reads a recurrent layer's last state: with pre-padding the real tokens are the last steps it
   * sees, while with post-padding it would end on a run of padding steps that keep updating the
   * state and wash out what the text put there (unless the model masks padding).
   */
  readonly padding?: 'pre' | 'post';
  /** Which end of a long text is cut. Default 'post': keep the start, where the subject is. */
  readonly truncating?: 'pre' | 'post';
}

/**
 * Encodes texts into one flat row-major [texts.length, maxLen] matrix of token ids, padded with
 * PAD_ID and truncated to maxLen.
 *
 * @throws ConfigError when maxLen is not a positive integer or padding / truncating is not
 *   'pre' or 'post'.
 */
export function encodeTexts(tokenizer: Tokenizer, texts: readonly string[], options: EncodeTextsOptions): Int32Array {
  const { maxLen } = options;
  const padding = options.padding ?? 'pre';
  const truncating = options.truncating ?? 'post';
  if (!Number.isInteger(maxLen) || maxLen < 1) {
    throw new ConfigError(`maxLen must be a positive integer number of tokens, got ${String(maxLen)}`);
  }
  for (const [name, value] of [
    ['padding', padding],
    ['truncating', truncating],
  ] as const) {
    if (value !== 'pre' && value !== 'post') {
      throw new ConfigError(`${name} must be "pre" or "post", got ${JSON.stringify(value) ?? String(value)}`);
    }
  }
  const out = new Int32Array(texts.length * maxLen).fill(PAD_ID);
  texts.forEach((text, row) => {
    const ids = idsWithin(tokenizer, text, maxLen, truncating);
    const start = row * maxLen + (padding === 'pre' ? maxLen - ids.length : 0);
    out.set(ids, start);
  });
  return out;
}

function idsWithin(tokenizer: Tokenizer, text: string, maxLen: number, truncating: 'pre' | 'post'): number[] {
  const ids = tokenizer.encode(text);
  if (ids.length <= maxLen) return ids;
  return truncating === 'post' ? ids.slice(0, maxLen) : ids.slice(ids.length - maxLen);
}
