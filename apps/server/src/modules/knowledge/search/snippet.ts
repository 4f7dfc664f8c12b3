import { foldAccents, type Language, termOf } from './normalize.js';

export type TextPart = { text: string; hit: boolean };
export type Hits = { terms: ReadonlySet<string>; prefixes: readonly string[] };

/**
 * Whether a word is one of the hits, remembered per word (a text repeats its words). Stems begin
 * their words, so only the words beginning with a hit's first two letters are stemmed (a long text
 * is mostly other words), and accents are folded only for words that start with one.
 */
function hitMatcher(hits: Hits, language: Language): (word: string) => boolean {
  const starts = new Set([...hits.terms, ...hits.prefixes].map((t) => t.slice(0, 2)));
  const seen = new Map<string, boolean>();
  return (word) => {
    const lower = word.toLowerCase();
    let hit = seen.get(lower);
    if (hit === undefined) {
      const head = lower.slice(0, 2);
      hit = false;
      if (starts.has(/^[a-z0-9]{2}$/.test(head) ? head : foldAccents(lower).slice(0, 2))) {
        const term = termOf(lower, language);
        const folded = foldAccents(lower);
        hit = hits.terms.has(term) || hits.prefixes.some((p) => term.startsWith(p) || folded.startsWith(p));
      }
      seen.set(lower, hit);
    }
    return hit;
  };
}

/** Splits a text into parts, the words whose term is among `hits` (or starts with a prefix) marked. */
export function highlight(text: string, hits: Hits, language: Language): TextPart[] {
  return highlightWith(text, hitMatcher(hits, language));
}

function highlightWith(text: string, isHit: (word: string) => boolean): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
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

/**
 * The passage of a text (about `size` characters, cut at words) with the most hits, highlighted;
 * the beginning when nothing matches.
 */
export function snippet(text: string, hits: Hits, language: Language, size = 220): TextPart[] {
  const tokens = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ word: m[0], at: m.index ?? 0 }));
  if (tokens.length === 0) return [];
  const matcher = hitMatcher(hits, language);
  const isHit = tokens.map(({ word }) => matcher(word));
  // Sliding window: the start whose next `size` characters hold the most hits.
  let best = 0;
  let bestScore = -1;
  let end = 0;
  let inWindow = 0;
  for (let start = 0; start < tokens.length; start++) {
    const from = tokens[start]?.at ?? 0;
    while (end < tokens.length && (tokens[end]?.at ?? 0) - from < size) {
      if (isHit[end]) inWindow++;
      end++;
    }
    if (inWindow > bestScore) {
      bestScore = inWindow;
      best = start;
    }
    if (isHit[start]) inWindow--;
  }
  // Start a few words before the window's first hit, for context.
  let firstHit = best;
  while (bestScore > 0 && firstHit < tokens.length && !isHit[firstHit]) firstHit++;
  const start = bestScore > 0 ? Math.max(0, firstHit - 3) : 0;
  const from = tokens[start]?.at ?? 0;
  let until = from;
  for (let i = start; i < tokens.length; i++) {
    const token = tokens[i] as { word: string; at: number };
    if (token.at + token.word.length - from > size) break;
    until = token.at + token.word.length;
  }
  const passage = text.slice(from, until);
  const parts = highlightWith(passage, matcher);
  if (from > 0) parts.unshift({ text: '… ', hit: false });
  if (until < text.length) parts.push({ text: ' …', hit: false });
  return merge(parts);
}
