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
});
