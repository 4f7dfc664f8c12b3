import { describe, expect, it } from 'vitest';
import {
  normalizeEmail,
  normalizeUsername,
  parseLoginIdentifier,
  suggestUsername,
  USERNAME_PATTERN,
  usernamePart,
} from './username.js';

describe('username format', () => {
  it('accepts three lowercase parts with a leading @', () => {
    expect(USERNAME_PATTERN.test('@jean.dupont.acme')).toBe(true);
    expect(USERNAME_PATTERN.test('@jean-pierre.o-brien2.acme-corp')).toBe(true);
    expect(USERNAME_PATTERN.test('@a.b.c')).toBe(true);
    expect(USERNAME_PATTERN.test(`@${'a'.repeat(50)}.b.c`)).toBe(true);
  });

  it('refuses anything else', () => {
    for (const bad of [
      'jean.dupont.acme',
      '@jean.dupont',
      '@jean.dupont.acme.fr',
      '@Jean.dupont.acme',
      '@jean..acme',
      '@-jean.dupont.acme',
      '@jean-.dupont.acme',
      '@jean.dupont.acme-',
      '@jéan.dupont.acme',
      '@jean_p.dupont.acme',
      '@jean dupont.x.acme',
      `@${'a'.repeat(51)}.b.c`,
      '@jean.dupont.acme\n',
    ]) {
      expect(USERNAME_PATTERN.test(bad), bad).toBe(false);
    }
  });

  it('normalizes what a person types', () => {
    expect(normalizeUsername('Jean.Dupont.ACME')).toBe('@jean.dupont.acme');
    expect(normalizeUsername('  @jean.dupont.acme ')).toBe('@jean.dupont.acme');
    expect(normalizeUsername('jean.dupont')).toBeNull();
    expect(normalizeUsername('@@jean.dupont.acme')).toBeNull();
    expect(normalizeUsername('')).toBeNull();
  });
});

describe('usernamePart', () => {
  it.each([
    ['Hélène', 'helene'],
    ['Lefèvre', 'lefevre'],
    ['Øyvind', 'oyvind'],
    ['Straße', 'strasse'],
    ['Jean Pierre', 'jean-pierre'],
    ['Jean-Pierre', 'jean-pierre'],
    ["O'Brien", 'obrien'],
    ['O’Brien', 'obrien'],
    ['  Jean -- Pierre  ', 'jean-pierre'],
    ['ACME Corp.', 'acme-corp'],
    ['Smith & Sons', 'smith-sons'],
    ['AT&T', 'att'],
    ['Łukasz', 'lukasz'],
    ['-Zoë-', 'zoe'],
    ['!!!', ''],
  ])('%s → %s', (input, expected) => {
    expect(usernamePart(input)).toBe(expected);
  });

  it('cuts to 50 characters without a trailing hyphen', () => {
    expect(usernamePart('x'.repeat(80))).toBe('x'.repeat(50));
    expect(usernamePart(`${'x'.repeat(49)} yz`)).toBe('x'.repeat(49));
  });
});

describe('suggestUsername', () => {
  it('builds the username from the transliterated name', async () => {
    expect(await suggestUsername('Hélène', 'Lefèvre', 'ACME', () => false)).toBe('@helene.lefevre.acme');
  });

  it('adds a number to the last name until the username is free', async () => {
    const taken = new Set(['@helene.lefevre.acme', '@helene.lefevre2.acme']);
    const asked: string[] = [];
    const username = await suggestUsername('Hélène', 'Lefèvre', 'ACME', async (candidate) => {
      asked.push(candidate);
      return taken.has(candidate);
    });
    expect(username).toBe('@helene.lefevre3.acme');
    expect(asked).toEqual(['@helene.lefevre.acme', '@helene.lefevre2.acme', '@helene.lefevre3.acme']);
  });

  it('keeps a long last name within 50 characters with its number', async () => {
    const last = 'l'.repeat(60);
    const username = await suggestUsername('Ann', last, 'ACME', (c) => c === `@ann.${'l'.repeat(50)}.acme`);
    expect(username).toBe(`@ann.${'l'.repeat(49)}2.acme`);
    expect(USERNAME_PATTERN.test(username)).toBe(true);
  });

  it('refuses a part with nothing usable', async () => {
    await expect(suggestUsername('Hélène', '???', 'ACME', () => false)).rejects.toThrow(/last name/);
    await expect(suggestUsername('', 'Lefèvre', 'ACME', () => false)).rejects.toThrow(/first name/);
    await expect(suggestUsername('Hélène', 'Lefèvre', ' ', () => false)).rejects.toThrow(/company/);
    await expect(suggestUsername('北', '京', '-', () => false)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});

describe('parseLoginIdentifier', () => {
  it('reads a username with or without its @', () => {
    expect(parseLoginIdentifier('@jean.dupont.acme')).toEqual({
      kind: 'username',
      value: '@jean.dupont.acme',
    });
    expect(parseLoginIdentifier(' Jean.Dupont.ACME ')).toEqual({
      kind: 'username',
      value: '@jean.dupont.acme',
    });
  });

  it('reads an e-mail address', () => {
    expect(parseLoginIdentifier(' Jean.Dupont@ACME.example ')).toEqual({
      kind: 'email',
      value: 'jean.dupont@acme.example',
    });
    expect(parseLoginIdentifier('@odd@acme.example')).toEqual({ kind: 'email', value: '@odd@acme.example' });
  });
});

describe('normalizeEmail', () => {
  it('trims and lowercases', () => {
    expect(normalizeEmail('  Jean.Dupont@Example.COM ')).toBe('jean.dupont@example.com');
  });
});
