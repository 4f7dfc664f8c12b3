import { describe, expect, it } from 'vitest';
import { closestTerms, prefixRange, queryWords } from './query.js';
import { snippet } from './snippet.js';

describe('search queries', () => {
  it('turns the words into French and English stems, common words out', () => {
    expect(queryWords('Comment réinitialiser les imprimantes ?')).toEqual([
      {
        word: 'réinitialiser',
        variants: ['reinitialis', 'reinitialis'].filter((v, i, a) => a.indexOf(v) === i),
      },
      { word: 'imprimantes', variants: ['imprim', 'imprimant'] },
    ]);
  });

  it('finds the known terms closest to a misspelt one, nearest and most common first', () => {
    const vocabulary = [
      { term: 'imprim', docs: 40 },
      { term: 'imprime', docs: 2 },
      { term: 'impot', docs: 9 },
      { term: 'reseau', docs: 30 },
    ];
    expect(closestTerms(queryWords('imprimnate')[0]?.variants ?? [], vocabulary)).toContain('imprim');
    expect(closestTerms(['reseu'], vocabulary)).toEqual(['reseau']);
    expect(closestTerms(['vpn'], vocabulary)).toEqual([]);
  });

  it('gives the byte range of a prefix', () => {
    expect(prefixRange('im')).toEqual(['im', 'in']);
  });

  it('cuts the passage with the most hits and marks them', () => {
    const text = `${'Introduction générale. '.repeat(30)}Pour remettre l’imprimante en ligne, redémarrez le spouleur d’impression. ${'Fin. '.repeat(40)}`;
    const parts = snippet(text, { terms: new Set(['imprim', 'spouleur']), prefixes: [] }, 'fr', 120);
    expect(parts[0]?.text).toBe('… Pour remettre l’');
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['imprimante', 'spouleur']);
    expect(parts.at(-1)?.text.endsWith(' …')).toBe(true);
    expect(parts.map((p) => p.text).join('').length).toBeLessThan(140);
  });
});
