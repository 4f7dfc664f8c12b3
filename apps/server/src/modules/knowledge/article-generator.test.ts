import { describe, expect, it } from 'vitest';
import { generateArticle, seededRng } from './article-generator.js';

describe('generateArticle', () => {
  it('writes French and English articles of realistic length, the same for the same seed', () => {
    const rng = seededRng(7);
    const articles = Array.from({ length: 200 }, () => generateArticle(rng));
    const languages = new Set(articles.map((a) => a.language));
    expect(languages).toEqual(new Set(['fr', 'en']));
    for (const a of articles) {
      const words = a.body.split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(150);
      expect(words).toBeLessThan(1200);
      expect(a.title.length).toBeLessThanOrEqual(200);
      expect(a.body).toMatch(/^## /m);
    }
    expect(generateArticle(seededRng(7))).toEqual(articles[0]);
  });

  it('keeps technical words to the articles about them, as a real base does', () => {
    const rng = seededRng(11);
    const french = Array.from({ length: 2000 }, () => generateArticle(rng)).filter(
      (a) => a.language === 'fr',
    );
    const share = (text: string) => french.filter((a) => a.body.includes(text)).length / french.length;
    for (const object of ['le client VPN', 'le certificat', 'le cache du navigateur', 'le pilote']) {
      expect(share(object)).toBeGreaterThan(0.02);
      expect(share(object)).toBeLessThan(0.3);
    }
    // Boilerplate, on the other hand, is everywhere.
    expect(share('Si le problème persiste')).toBeGreaterThan(0.9);
  });
});
