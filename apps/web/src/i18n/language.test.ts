import { describe, expect, it } from 'vitest';
import { pickLanguage } from './language';

describe('pickLanguage', () => {
  it('prefers the stored choice', () => {
    expect(pickLanguage('en', ['fr-FR'])).toBe('en');
  });

  it('ignores an unsupported stored value', () => {
    expect(pickLanguage('de', ['en-GB'])).toBe('en');
  });

  it('takes the first supported browser language by its base tag', () => {
    expect(pickLanguage(null, ['de-DE', 'fr-CA', 'en-US'])).toBe('fr');
  });

  it('falls back to French', () => {
    expect(pickLanguage(null, ['de-DE'])).toBe('fr');
    expect(pickLanguage(null, [])).toBe('fr');
  });
});
