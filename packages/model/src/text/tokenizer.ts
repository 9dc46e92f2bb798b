import { ConfigError } from '../errors.js';

/** Id of the padding token; vectors are filled with it. */
export const PAD_ID = 0;
/** Id of every token outside the vocabulary. */
export const OOV_ID = 1;
const FIRST_TOKEN_ID = 2;

export type TokenizerLevel = 'word' | 'char';

export interface TokenizerOptions {
  readonly level: TokenizerLevel;
  /** Default true. */
  readonly lowercase?: boolean;
  /** Total ids, PAD and OOV included, so at most maxVocab − 2 tokens are kept. At least 2. */
  readonly maxVocab: number;
}

/** A tokenizer as saved with a model. */
export interface TokenizerJson {
  readonly format: 'loopsweep-tokenizer';
  readonly version: 1;
  readonly level: TokenizerLevel;
  readonly lowercase: boolean;
  readonly maxVocab: number;
  /** Tokens by id, starting at id 2 (ids 0 and 1 are PAD and OOV). */
  readonly tokens: readonly string[];
}

// A word: letters, digits and combining marks, with apostrophes allowed inside ("don't", "o’clock").
// Anything else that is not whitespace is a token of its own: "$", "!" and "%" are strong spam cues.
const WORD_PATTERN = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*|[^\s\p{L}\p{N}\p{M}]/gu;

/** Maps text to integer ids from a vocabulary fitted on training texts. */
export class Tokenizer {
  readonly level: TokenizerLevel;
  readonly lowercase: boolean;
  readonly maxVocab: number;
  readonly #tokens: readonly string[];
  readonly #ids: ReadonlyMap<string, number>;

  private constructor(level: TokenizerLevel, lowercase: boolean, maxVocab: number, tokens: readonly string[]) {
    this.level = level;
    this.lowercase = lowercase;
    this.maxVocab = maxVocab;
    this.#tokens = tokens;
    this.#ids = new Map(tokens.map((token, i) => [token, i + FIRST_TOKEN_ID]));
  }

  /**
   * Builds the vocabulary from training texts: the maxVocab − 2 most frequent tokens, ids in
   * descending frequency, ties broken by first appearance so the same texts always give the same
   * ids.
   *
   * @throws ConfigError when level is not 'word' or 'char' or maxVocab is not an integer ≥ 2.
   */
  static fit(texts: readonly string[], options: TokenizerOptions): Tokenizer {
    const { level, lowercase, maxVocab } = checkOptions(options.level, options.lowercase ?? true, options.maxVocab);
    const probe = new Tokenizer(level, lowercase, maxVocab, []);
    // A Map iterates in insertion order, i.e. first appearance, and Array#sort is stable, so equal
    // counts keep that order.
    const counts = new Map<string, number>();
    for (const text of texts) {
      for (const token of probe.tokenize(text)) counts.set(token, (counts.get(token) ?? 0) + 1);
    }
    const tokens = [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, maxVocab - FIRST_TOKEN_ID)
      .map(([token]) => token);
    return new Tokenizer(level, lowercase, maxVocab, tokens);
  }

  /**
   * Rebuilds a tokenizer saved with {@link Tokenizer.toJSON}; it encodes exactly as the original.
   *
   * @throws ConfigError when `json` is not a saved tokenizer (each wrong field is named).
   */
  static fromJSON(json: unknown): Tokenizer {
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new ConfigError(`tokenizer JSON must be an object, got ${Array.isArray(json) ? 'an array' : String(json)}`);
    }
    const value = json as Partial<Record<keyof TokenizerJson, unknown>>;
    if (value.format !== 'loopsweep-tokenizer' || value.version !== 1) {
      throw new ConfigError(
        `tokenizer JSON must have format "loopsweep-tokenizer" and version 1, got format ${JSON.stringify(value.format)} and version ${JSON.stringify(value.version)}`,
      );
    }
    const { level, lowercase, maxVocab } = checkOptions(value.level, value.lowercase, value.maxVocab);
    const { tokens } = value;
    if (!Array.isArray(tokens) || !tokens.every((t): t is string => typeof t === 'string' && t !== '')) {
      throw new ConfigError('tokenizer JSON "tokens" must be an array of non-empty strings');
    }
    if (new Set(tokens).size !== tokens.length) {
      throw new ConfigError('tokenizer JSON "tokens" must not repeat a token');
    }
    if (tokens.length + FIRST_TOKEN_ID > maxVocab) {
      throw new ConfigError(`tokenizer JSON has ${tokens.length} tokens, more than maxVocab ${maxVocab} − 2 allows`);
    }
    return new Tokenizer(level, lowercase, maxVocab, tokens);
  }

  /** Ids in use, PAD and OOV included (≤ maxVocab): the embedding's input dimension. */
  get vocabSize(): number {
    return this.#tokens.length + FIRST_TOKEN_ID;
  }

  /**
   * Splits text into tokens. Word level: runs of letters/digits (apostrophes inside words kept)
   * and each other non-space character alone. Char level: each code point, whitespace runs
   * collapsed to one space, ends trimmed. Lowercased first unless `lowercase` is false.
   */
  tokenize(text: string): string[] {
    const source = this.lowercase ? text.toLowerCase() : text;
    if (this.level === 'word') return source.match(WORD_PATTERN) ?? [];
    return Array.from(source.replace(/\s+/g, ' ').trim());
  }

  /** Token ids of `text`; tokens outside the vocabulary become OOV_ID. */
  encode(text: string): number[] {
    return this.tokenize(text).map((token) => this.#ids.get(token) ?? OOV_ID);
  }

  toJSON(): TokenizerJson {
    return {
      format: 'loopsweep-tokenizer',
      version: 1,
      level: this.level,
      lowercase: this.lowercase,
      maxVocab: this.maxVocab,
      tokens: [...this.#tokens],
    };
  }
}

/** The options, checked; they may come from a saved file, so nothing is assumed of their types. */
function checkOptions(level: unknown, lowercase: unknown, maxVocab: unknown): { level: TokenizerLevel; lowercase: boolean; maxVocab: number } {
  if (level !== 'word' && level !== 'char') {
    throw new ConfigError(`tokenizer level must be "word" or "char", got ${JSON.stringify(level) ?? String(level)}`);
  }
  if (typeof lowercase !== 'boolean') {
    throw new ConfigError(`tokenizer lowercase must be true or false, got ${JSON.stringify(lowercase) ?? String(lowercase)}`);
  }
  if (typeof maxVocab !== 'number' || !Number.isInteger(maxVocab) || maxVocab < FIRST_TOKEN_ID) {
    throw new ConfigError(`tokenizer maxVocab must be an integer of at least 2 (PAD and OOV), got ${JSON.stringify(maxVocab) ?? String(maxVocab)}`);
  }
  return { level, lowercase, maxVocab };
}
