import { foldAccents, type Language, termOf } from './normalize.js';

export type TextPart = { text: string; hit: boolean };
export type Hits = { terms: ReadonlySet<string>; prefixes: readonly string[] };

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * For each folded lower-case beginning of one or two letters, the characters written for it:
 * "e" → e, é, è, E, É…; "oe" → œ, Œ. Latin letters, as the normaliser folds them.
 */
const WRITTEN = (() => {
  const written = new Map<string, string[]>();
  const add = (folded: string, char: string) => {
    const chars = written.get(folded) ?? [];
    if (!chars.includes(char)) written.set(folded, [...chars, char]);
  };
  for (let code = 0x30; code <= 0x24f; code++) {
    const char = String.fromCharCode(code);
    if (!/[\p{L}\p{N}]/u.test(char)) continue;
    const folded = foldAccents(char.toLowerCase());
    if (/^[a-z0-9]{1,2}$/.test(folded)) add(folded, char);
  }
  return written;
})();

const escapeClass = (chars: readonly string[]) => chars.map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('');

/**
 * The words that may be hits: those beginning (accents and case aside) with the first two letters
 * of a hit. Stems begin their words, and a long text is mostly other words: only these are stemmed.
 */
function candidateWords(hits: Hits): RegExp {
  let candidates = CANDIDATES.get(hits);
  if (candidates === undefined) {
    candidates = candidatesOf(hits);
    CANDIDATES.set(hits, candidates);
  }
  return candidates;
}

/** The same hits for every result of a page: their expression is built once. */
const CANDIDATES = new WeakMap<Hits, RegExp>();

function candidatesOf(hits: Hits): RegExp {
  const starts = new Set([...hits.terms, ...hits.prefixes].map((t) => t.slice(0, 2)).filter((t) => t !== ''));
  // Each beginning, then a look back that no letter precedes it: in that order the engine only
  // stops at the few places where a beginning is written (a look back first is tried everywhere).
  const notAfterLetter = (chars: number) => `(?<![\\p{L}\\p{N}]${'.'.repeat(chars)})`;
  const alternatives = [...starts].flatMap((start) => {
    const letters = [...start]
      .map((letter) => `[${escapeClass(WRITTEN.get(letter) ?? [letter, letter.toUpperCase()])}]`)
      .join('');
    const ligature = start.length === 2 ? WRITTEN.get(start) : undefined;
    return [
      `${letters}${notAfterLetter(start.length)}`,
      ...(ligature ? [`[${escapeClass(ligature)}]${notAfterLetter(1)}`] : []),
    ];
  });
  if (alternatives.length === 0) return /(?!)/gu;
  return new RegExp(`(?:${alternatives.join('|')})[\\p{L}\\p{N}]*`, 'gsu');
}

/** Whether a word is one of the hits, remembered per word (a text repeats its words). */
function hitMatcher(hits: Hits, language: Language): (word: string) => boolean {
  const seen = new Map<string, boolean>();
  return (word) => {
    const lower = word.toLowerCase();
    let hit = seen.get(lower);
    if (hit === undefined) {
      const term = termOf(lower, language);
      hit =
        hits.terms.has(term) ||
        hits.prefixes.some((p) => term.startsWith(p) || foldAccents(lower).startsWith(p));
      seen.set(lower, hit);
    }
    return hit;
  };
}

/** Splits a text into parts, the words whose term is among `hits` (or starts with a prefix) marked. */
export function highlight(text: string, hits: Hits, language: Language): TextPart[] {
  return highlightWith(text, candidateWords(hits), hitMatcher(hits, language));
}

function highlightWith(text: string, candidates: RegExp, isHit: (word: string) => boolean): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(candidates)) {
    const word = match[0];
    if (!isHit(word)) continue;
    const at = match.index ?? 0;
    if (at > last) parts.push({ text: text.slice(last, at), hit: false });
    parts.push({ text: word, hit: true });
    last = at + word.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), hit: false });
  return merge(parts);
}

function merge(parts: TextPart[]): TextPart[] {
  const out: TextPart[] = [];
  for (const part of parts) {
    const prev = out.at(-1);
    if (prev && prev.hit === part.hit) prev.text += part.text;
    else out.push({ ...part });
  }
  return out;
}

/** Where the words of `text` between `from` and `to` begin and end. */
function wordsBetween(text: string, from: number, to: number): { at: number; end: number }[] {
  return [...text.slice(from, to).matchAll(WORD)].map((m) => ({
    at: from + (m.index ?? 0),
    end: from + (m.index ?? 0) + m[0].length,
  }));
}

/**
 * The passage of a text (about `size` characters, cut at words) with the most hits, highlighted;
 * the beginning when nothing matches.
 */
export function snippet(text: string, hits: Hits, language: Language, size = 220): TextPart[] {
  const candidates = candidateWords(hits);
  const matcher = hitMatcher(hits, language);
  const at: number[] = [];
  for (const match of text.matchAll(candidates)) if (matcher(match[0])) at.push(match.index ?? 0);
  // Sliding window over the hits: the first whose next `size` characters hold the most.
  let best = -1;
  let bestScore = 0;
  for (let i = 0, j = 0; i < at.length; i++) {
    while (j < at.length && (at[j] ?? 0) - (at[i] ?? 0) < size) j++;
    if (j - i > bestScore) {
      bestScore = j - i;
      best = i;
    }
  }
  // Start three words before the first hit, for context (the first word when nothing matches).
  let from: number;
  if (best < 0) {
    from = text.search(WORD);
    if (from < 0) return [];
  } else {
    const hit = at[best] ?? 0;
    const back = Math.max(0, hit - 300);
    // Past the text's start, the window's first word may be cut: it is not counted.
    const before = wordsBetween(text, back, hit + 1).slice(back > 0 ? 1 : 0);
    const hitIndex = before.findIndex((w) => w.at === hit);
    from = before[Math.max(0, hitIndex - 3)]?.at ?? hit;
  }
  // Up to the last word that ends within `size` characters (not one cut by the limit).
  let until = from;
  const continues = /^[\p{L}\p{N}]/u.test(text.slice(from + size, from + size + 2));
  for (const word of wordsBetween(text, from, from + size)) {
    if (word.end === from + size && continues) break;
    until = word.end;
  }
  const parts = highlightWith(text.slice(from, until), candidates, matcher);
  if (from > 0) parts.unshift({ text: '… ', hit: false });
  if (until < text.length) parts.push({ text: ' …', hit: false });
  return merge(parts);
}
