/**
 * The candidate closest to `word` within edit distance 2 (ties: the earlier candidate), or
 * undefined. Distance counts insertions, deletions, substitutions and swaps of neighbours, so
 * `sed` → `seed` and `nmae` → `name` are one edit each; case, `_` and `-` are ignored, so
 * `textColumn` → `text_column`. A match must also keep more than half of the longer word, else
 * two-letter names would all "match" each other. Failing that, a word that is the first part of
 * exactly one snake_case candidate matches it (`text` → `text_column`): people shorten keys.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(normalized(word), normalized(candidate));
    if (distance < bestDistance && 2 * distance < Math.max(word.length, candidate.length)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined || word === '') return best;
  const extended = candidates.filter((candidate) => candidate.toLowerCase().startsWith(`${word.toLowerCase()}_`));
  return extended.length === 1 ? extended[0] : undefined;
}

function normalized(word: string): string {
  return word.toLowerCase().replace(/[_-]/g, '');
}

/** The "did you mean" hint for `word`, or undefined when nothing is close. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const match = closestMatch(word, candidates);
  return match === undefined ? undefined : `did you mean '${match}'?`;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  // rows[i][j]: distance between the first i chars of a and the first j chars of b.
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, at(i - 2, j - 2) + 1);
      row[j] = distance;
    }
  }
  return at(a.length, b.length);
}
