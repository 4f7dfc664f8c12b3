import { describe, expect, it } from 'vitest';
import { foldAccents, terms, words } from './normalize.js';

describe('knowledge text normalisation', () => {
  it('folds accents and ligatures', () => {
    expect(foldAccents('Réseau, façade, cœur, ex æquo, Straße')).toBe(
      'Reseau, facade, coeur, ex aequo, Strasse',
    );
  });

  it('splits words on anything but letters and digits, apostrophes included', () => {
    expect(words("L'imprimante du 3e étage (HP-4050) n'imprime plus")).toEqual([
      'l',
      'imprimante',
      'du',
      '3e',
      'étage',
      'hp',
      '4050',
      'n',
      'imprime',
      'plus',
    ]);
  });

  it('stems in the language, drops stop words: singular and plural, accents or not, meet', () => {
    expect(terms('Les imprimantes du réseau', 'fr')).toEqual(terms('imprimante reseaux', 'fr'));
    expect(terms('The printers are offline', 'en')).toEqual(['printer', 'offlin']);
    expect(terms("L'imprimante n'imprime pas", 'fr')).toEqual(['imprim', 'imprim']);
  });
});
