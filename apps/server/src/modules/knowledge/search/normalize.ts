import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemFrench } from '@orama/stemmers/french';

// Words as the knowledge base compares them: lower case, stemmed in the article's language
// ("imprimantes" → "imprim"), then without accents ("réseau" → "reseau"), common words left out.

export type Language = 'fr' | 'en';

const STEMMERS: Record<Language, (word: string) => string> = { fr: stemFrench, en: stemEnglish };

// The words that say nothing about a problem, in both languages (compared without accents).
const STOP_WORDS = new Set(
  (
    'a au aux avec ce ces cette dans de des du elle en et est il ils je la le les leur lui ma mais me mes ' +
    'mon ne ni nous on ou par pas pour qu que qui sa se ses son sur ta te tes ton tu un une vos votre vous ' +
    'y plus tres etre avoir fait faire peut ne pas sans sous ete suis sont ont aussi comme tout tous ' +
    'comment quand pourquoi quoi ou cela ca ceci l d n j m s c qu ' +
    'how why do does can cannot my mine its ' +
    'a an and are as at be but by for from has have i if in into is it its me my no not of on or our ' +
    'so that the their them then there these they this to was we were what when which will with you your'
  ).split(' '),
);

/** A word that says nothing about a problem ("le", "mon", "the"…), compared without accents. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(foldAccents(word.toLowerCase()));
}

/** Without accents: "é" → "e", "ç" → "c", "œ" → "oe". */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss');
}

/** The words of a text, lower case, as written (letters and digits; apostrophes split "l'imprimante"). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Words already stemmed, per language: a base's vocabulary is small next to its text. */
const TERM_CACHE = { fr: new Map<string, string>(), en: new Map<string, string>() };
const TERM_CACHE_SIZE = 50_000;

/** One word as it is indexed: stemmed in `language`, without accents. */
export function termOf(word: string, language: Language): string {
  const lower = word.toLowerCase();
  const cache = TERM_CACHE[language];
  let term = cache.get(lower);
  if (term === undefined) {
    term = foldAccents(STEMMERS[language](lower));
    // Simplest bound: start afresh when full (the common words come back at once).
    if (cache.size >= TERM_CACHE_SIZE) cache.clear();
    cache.set(lower, term);
  }
  return term;
}

/** The terms of a text (stop words and single letters out), in order, repeats kept. */
export function terms(text: string, language: Language): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    const folded = foldAccents(word);
    if (folded.length < 2 && !/\d/.test(folded)) continue;
    if (STOP_WORDS.has(folded)) continue;
    out.push(termOf(word, language));
  }
  return out;
}
