import type { SearchPage } from '@itsm/contracts';

/** A piece of a title or snippet of the full-text search: `hit` for a word that matched. */
export type TextPart = { text: string; hit: boolean };

/** The parts with a stable key each (where they start in the text), for rendering. */
export function keyedParts(parts: readonly TextPart[]): (TextPart & { key: number })[] {
  let offset = 0;
  return parts.map((part) => {
    const key = offset;
    offset += part.text.length;
    return { ...part, key };
  });
}

/** Lower case without accents, as the search compares words ("Écran" → "ecran"). */
export const foldWord = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const wordsOf = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * A search term as a reader writes it. The API speaks in stemmed, accent-free terms ("imprim",
 * "ecran"): the word is taken from texts where it appears — the most frequent word beginning with the
 * term (the shortest on a tie), in lower case — or the term itself when none does.
 */
export function displayWord(term: string, texts: readonly string[]): string {
  const stem = foldWord(term);
  // A stemmer may also change a word's last letter ("happy" → "happi").
  const begins = (folded: string) =>
    folded.startsWith(stem) || (stem.length >= 4 && folded.startsWith(stem.slice(0, -1)));
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of wordsOf(text)) {
      if (!begins(foldWord(word))) continue;
      const lower = word.toLowerCase();
      counts.set(lower, (counts.get(lower) ?? 0) + 1);
    }
  }
  let best: [string, number] | null = null;
  for (const entry of counts) {
    if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0].length < best[0].length))
      best = entry;
  }
  return best?.[0] ?? term;
}

/** What the search did with the words it did not know: searched others instead, or left them out. */
export type CorrectionNotice = {
  corrected: { typed: string; shown: string[] }[];
  /** Words no article contains, nor anything like them. */
  unknown: string[];
};

/** What the corrections are read from: a search page. */
type Searched = {
  corrections: SearchPage['corrections'];
  results: readonly { title: readonly TextPart[]; snippet: readonly TextPart[] }[];
};

/** The words of the page's marked parts (the words the results were found by). */
export function hitWords(page: Pick<Searched, 'results'>): string[] {
  return page.results.flatMap((result) =>
    [...result.title, ...result.snippet].filter((part) => part.hit).map((part) => part.text),
  );
}

/** The corrections of a search page in the reader's words ("imprimnate" → "imprimante"). */
export function correctionNotice(page: Searched): CorrectionNotice {
  const hits = hitWords(page);
  const corrected: CorrectionNotice['corrected'] = [];
  const unknown: string[] = [];
  for (const { word, terms } of page.corrections) {
    if (terms.length === 0) unknown.push(word);
    else corrected.push({ typed: word, shown: [...new Set(terms.map((term) => displayWord(term, hits)))] });
  }
  return { corrected, unknown };
}

/**
 * The text without these words (compared without case nor accents): a ticket's title without the
 * words the search could only "correct" into others, to look for what the rest is about.
 */
export function withoutWords(text: string, words: readonly string[]): string {
  const dropped = new Set(words.map(foldWord));
  return text
    .split(/\s+/)
    .filter((token) => {
      const core = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      return core !== '' && !dropped.has(foldWord(core));
    })
    .join(' ');
}

/** The knowledge namespace's `t`, loosely typed for plain functions. */
export type Translate = (key: string, options: Record<string, unknown>) => string;

/** "3 articles"; "1,000+ articles" / "plus de 1 000 articles" when the count is an estimate. */
export function resultCountText(t: Translate, count: number, estimate: boolean, language: string): string {
  const formatted = new Intl.NumberFormat(language).format(count);
  return estimate
    ? t('searchResults.countEstimate', { count: formatted })
    : t('searchResults.count', { count, formatted });
}
