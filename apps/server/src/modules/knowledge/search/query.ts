import { distance } from 'fastest-levenshtein';
import { foldAccents, isStopWord, termOf, words } from './normalize.js';

// A search query as terms to look up: each word in the two languages' stems (and, typing, as
// written), common words out; a word the vocabulary does not know is replaced by the known terms
// closest to it ("imprimnate" → "imprim"), or left out when nothing resembles it.

export type QueryWord = { word: string; variants: string[] };

/** The words of a query, each with the terms it may be indexed as (French and English stems). */
export function queryWords(query: string): QueryWord[] {
  const out: QueryWord[] = [];
  for (const word of words(query).slice(0, 12)) {
    const folded = foldAccents(word);
    if (isStopWord(word) || (folded.length < 2 && !/\d/.test(folded))) continue;
    out.push({ word, variants: [...new Set([termOf(word, 'fr'), termOf(word, 'en')])] });
  }
  return out;
}

/** How far a term may be from the typed one to stand for it: 1 edit, 2 for long words. */
export const maxTypos = (term: string) => (term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0);

/**
 * The known terms closest to a word the vocabulary does not hold: within maxTypos of one of its
 * variants, nearest first, then the most common; at most `limit`.
 */
export function closestTerms(
  variants: readonly string[],
  vocabulary: readonly { term: string; docs: number }[],
  limit = 3,
): string[] {
  const scored: { term: string; docs: number; distance: number }[] = [];
  for (const entry of vocabulary) {
    let best = Number.POSITIVE_INFINITY;
    for (const variant of variants) {
      if (Math.abs(variant.length - entry.term.length) > maxTypos(variant)) continue;
      best = Math.min(best, distance(variant, entry.term));
    }
    const allowed = Math.max(...variants.map(maxTypos));
    if (best <= allowed && best > 0) scored.push({ ...entry, distance: best });
  }
  return scored
    .sort((a, b) => a.distance - b.distance || b.docs - a.docs || a.term.localeCompare(b.term))
    .slice(0, limit)
    .map((s) => s.term);
}

/** The range of terms sharing a prefix: [prefix, next) in byte order. */
export function prefixRange(prefix: string): [string, string] {
  const last = prefix.codePointAt(prefix.length - 1) ?? 0;
  return [prefix, `${prefix.slice(0, -1)}${String.fromCodePoint(last + 1)}`];
}
