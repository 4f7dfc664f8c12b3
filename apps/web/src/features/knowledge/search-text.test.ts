import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { resources } from '../../i18n/namespaces';
import { HighlightedText } from './highlighted-text';
import {
  correctionNotice,
  displayWord,
  keyedParts,
  resultCountText,
  type Translate,
  withoutWords,
} from './search-text';

const result = (title: [string, boolean][], snippet: [string, boolean][]) => ({
  title: title.map(([text, hit]) => ({ text, hit })),
  snippet: snippet.map(([text, hit]) => ({ text, hit })),
});

describe('HighlightedText', () => {
  it('marks the matching words and shows markup typed in an article as text', () => {
    const html = renderToStaticMarkup(
      createElement(HighlightedText, {
        parts: [
          { text: 'Quand l’', hit: false },
          { text: 'imprimante', hit: true },
          { text: ' <img src=x onerror=alert(1)>', hit: false },
        ],
      }),
    );
    expect(html).toContain('>imprimante</mark>');
    expect(html).toMatch(/^<span>Quand l’<\/span><mark [^>]+>imprimante<\/mark><span>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });

  it('keys each part by where it starts', () => {
    expect(
      keyedParts([
        { text: 'ab', hit: false },
        { text: 'c', hit: true },
        { text: 'd', hit: false },
      ]).map((p) => p.key),
    ).toEqual([0, 2, 3]);
  });
});

describe('displayWord', () => {
  it('finds the word a stem comes from: the most frequent, accents kept', () => {
    expect(displayWord('imprim', ['Imprimante', 'imprimantes', 'imprimante'])).toBe('imprimante');
    expect(displayWord('ecran', ['Double écran ne s’affiche plus'])).toBe('écran');
    expect(displayWord('happi', ['A happy user'])).toBe('happy');
  });

  it('keeps the term when no text has it', () => {
    expect(displayWord('clavi', ['Outlook ne synchronise plus'])).toBe('clavi');
  });
});

describe('correctionNotice', () => {
  it('says which words were searched instead, and which no article contains', () => {
    const page = {
      corrections: [
        { word: 'imprimnate', terms: ['imprim'] },
        { word: 'zzqxw', terms: [] },
      ],
      results: [
        result(
          [
            ['Imprimante', true],
            [' hors ligne', false],
          ],
          [
            ['Quand l’', false],
            ['imprimante', true],
          ],
        ),
        result(
          [
            ['Procédure interne des ', false],
            ['imprimantes', true],
          ],
          [],
        ),
      ],
    };
    expect(correctionNotice(page)).toEqual({
      corrected: [{ typed: 'imprimnate', shown: ['imprimante'] }],
      unknown: ['zzqxw'],
    });
  });

  it('reports nothing for a search without corrections', () => {
    expect(correctionNotice({ corrections: [], results: [] })).toEqual({ corrected: [], unknown: [] });
  });
});

describe('withoutWords', () => {
  it('leaves out the words named, whatever their case, accents and punctuation', () => {
    expect(withoutWords('Imprimante du 2e Étage, bloquée !', ['étage', 'bloquee'])).toBe('Imprimante du 2e');
    expect(withoutWords('VPN', ['vpn'])).toBe('');
  });
});

describe('resultCountText', () => {
  const translate = async (lng: 'fr' | 'en') => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources, lng, defaultNS: 'knowledge', interpolation: { escapeValue: false } });
    return i18n.t.bind(i18n) as unknown as Translate;
  };

  it('counts the results, and says “1,000+” when the search stopped counting', async () => {
    const en = await translate('en');
    expect(resultCountText(en, 1, false, 'en')).toBe('1 article');
    expect(resultCountText(en, 1234, false, 'en')).toBe('1,234 articles');
    expect(resultCountText(en, 1000, true, 'en')).toBe('1,000+ articles');
    const fr = await translate('fr');
    expect(resultCountText(fr, 3, false, 'fr')).toBe('3 articles');
    expect(resultCountText(fr, 1000, true, 'fr').replace(/\s/g, ' ')).toBe('plus de 1 000 articles');
  });
});
