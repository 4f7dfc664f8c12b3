import { describe, expect, it } from 'vitest';
import { keepSuggestions } from './sticky-suggestions';

const printer = { q: 'imprimante', items: ['Imprimante hors ligne'] };

describe('keepSuggestions', () => {
  it('shows what the API found for the title', () => {
    expect(keepSuggestions({ q: '', items: [] }, printer)).toBe(printer);
    const vpn = { q: 'vpn', items: ['Le VPN se déconnecte'] };
    expect(keepSuggestions(printer, vpn)).toBe(vpn);
  });

  it('keeps the articles found while the title goes on from what found them', () => {
    expect(keepSuggestions(printer, { q: 'Imprimante  du 2e étage', items: [] })).toBe(printer);
    expect(keepSuggestions(printer, { q: 'imprimante du 2e étage bloquée', items: [] })).toBe(printer);
  });

  it('drops them once the title no longer begins with it', () => {
    const other = { q: 'écran noir', items: [] };
    expect(keepSuggestions(printer, other)).toBe(other);
    expect(keepSuggestions(printer, { q: 'impri', items: [] })).toEqual({ q: 'impri', items: [] });
  });
});
