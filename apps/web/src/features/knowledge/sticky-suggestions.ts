import { foldWord } from './search-text';

/** The suggestions on show, and the title they were found for. */
export type Shown<T> = { q: string; items: readonly T[] };

/**
 * The suggestions to show once the API answered for `next.q`. The suggestions must match every word
 * typed, so going on typing ("imprimante" → "imprimante du 2e étage bloquée") often finds nothing:
 * the articles found for the beginning stay, as long as the title still begins with it.
 */
export function keepSuggestions<T>(shown: Shown<T>, next: Shown<T>): Shown<T> {
  if (next.items.length > 0 || shown.items.length === 0) return next;
  const squash = (text: string) => foldWord(text).replace(/\s+/g, ' ').trim();
  return squash(next.q).startsWith(squash(shown.q)) ? shown : next;
}
