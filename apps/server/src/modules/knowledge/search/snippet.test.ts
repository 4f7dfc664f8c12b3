import { describe, expect, it } from 'vitest';
import { queryWords } from './query.js';
import { highlight, snippet } from './snippet.js';

const hitsFor = (q: string) => ({ terms: new Set(queryWords(q).flatMap((w) => w.variants)), prefixes: [] });
const marked = (parts: { text: string; hit: boolean }[]) => parts.filter((p) => p.hit).map((p) => p.text);

describe('snippets and highlights', () => {
  it('marks whole words whatever their accents and case, never the inside of a word', () => {
    const parts = highlight(
      'Réseaux, RESEAU et réseau ; un antiréseau non. Surimprimer ou imprimer ?',
      hitsFor('reseau imprimer'),
      'fr',
    );
    expect(marked(parts)).toEqual(['Réseaux', 'RESEAU', 'réseau', 'imprimer']);
    expect(parts.map((p) => p.text).join('')).toBe(
      'Réseaux, RESEAU et réseau ; un antiréseau non. Surimprimer ou imprimer ?',
    );
  });

  it('marks words written with a ligature', () => {
    expect(marked(highlight('Une Œuvre et une œuvre.', hitsFor('oeuvre'), 'fr'))).toEqual(['Œuvre', 'œuvre']);
  });

  it('shows the beginning, cut at a word, when nothing matches', () => {
    const text = `Redémarrez le poste. ${'Puis vérifiez les câbles. '.repeat(20)}`;
    const parts = snippet(text, hitsFor('imprimante'), 'fr', 60);
    expect(parts[0]?.text.startsWith('Redémarrez le poste.')).toBe(true);
    expect(parts.at(-1)?.text.endsWith('câbles …') || parts.at(-1)?.text.endsWith(' …')).toBe(true);
    expect(parts.map((p) => p.text).join('').length).toBeLessThanOrEqual(62);
  });

  it('takes the passage holding the most hits, a few words before the first', () => {
    const text = `Imprimante seule au début. ${'Texte sans rapport. '.repeat(30)}Le spouleur de l’imprimante bloque : redémarrez le spouleur. ${'Fin. '.repeat(30)}`;
    const parts = snippet(text, hitsFor('imprimante spouleur'), 'fr', 80);
    expect(parts[0]?.text).toBe('… sans rapport. Le ');
    expect(marked(parts)).toEqual(['spouleur', 'imprimante', 'spouleur']);
  });

  it('gives nothing for a text without words', () => {
    expect(snippet(' — … ', hitsFor('imprimante'), 'fr')).toEqual([]);
  });
});
