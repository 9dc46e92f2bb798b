/**
 * A disk cache of the parsed SpamAssassin corpus.
 *
 * Why: parsing 6,046 raw emails with postal-mime takes ~4 s, and every worker thread and process
 * of a sweep would pay it again (one process-wide memo cannot cross threads). The parsed texts
 * (~10 MB of JSON) load in a fraction of that. The cache is an optimization only: a missing,
 * stale, unreadable or unwritable cache means "parse", never an error.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Bump when mailToText's output changes, so old caches are not reused. */
export const PARSER_VERSION = 1;

export interface CachedCorpus {
  readonly texts: readonly string[];
  readonly labels: readonly number[];
  readonly total: number;
  readonly dropped: number;
}

/** `node_modules/.cache/loopsweep/` beside the corpus package (the usual place for tool caches), or $LOOPSWEEP_CACHE_DIR. */
export function corpusCachePath(corpusPackageDir: string, corpusVersion: string): string {
  const dir = process.env['LOOPSWEEP_CACHE_DIR'] ?? join(corpusPackageDir, '..', '..', '.cache', 'loopsweep');
  return join(dir, `spamassassin-${corpusVersion}-parser${PARSER_VERSION}.json`);
}

function isCorpus(value: unknown): value is CachedCorpus {
  const v = value as Partial<CachedCorpus> | null;
  return (
    !!v &&
    Array.isArray(v.texts) &&
    Array.isArray(v.labels) &&
    v.texts.length === v.labels.length &&
    typeof v.total === 'number' &&
    typeof v.dropped === 'number' &&
    v.total === v.texts.length + v.dropped &&
    v.texts.every((t) => typeof t === 'string') &&
    v.labels.every((l) => l === 0 || l === 1)
  );
}

/** The cached corpus, or undefined when there is none or it does not look whole. */
export async function readCorpusCache(path: string): Promise<CachedCorpus | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'));
    return isCorpus(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the cache atomically (temporary file, then rename); failures are ignored. */
export async function writeCorpusCache(path: string, corpus: CachedCorpus): Promise<void> {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(temporary, JSON.stringify({ texts: corpus.texts, labels: corpus.labels, total: corpus.total, dropped: corpus.dropped }));
    await rename(temporary, path);
  } catch {
    // A read-only node_modules, a full disk: parse next time instead.
  }
}
