export { OOV_ID, PAD_ID, Tokenizer } from './tokenizer.js';
export type { TokenizerJson, TokenizerLevel, TokenizerOptions } from './tokenizer.js';
export { encodeTexts } from './vectorize.js';
export type { EncodeTextsOptions } from './vectorize.js';
