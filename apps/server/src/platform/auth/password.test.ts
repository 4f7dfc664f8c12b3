import { dictionary } from '@zxcvbn-ts/language-common';
import { describe, expect, it } from 'vitest';
import {
  checkPasswordPolicy,
  hashPassword,
  needsRehash,
  PASSWORD_MIN_LENGTH,
  verifyAgainstDummy,
  verifyPassword,
} from './password.js';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const encoded = await hashPassword('Tr0ub4dor&3-horse');
    expect(encoded).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(await verifyPassword('Tr0ub4dor&3-horse', encoded)).toBe(true);
    expect(await verifyPassword('tr0ub4dor&3-horse', encoded)).toBe(false);
    expect(await verifyPassword('', encoded)).toBe(false);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password', b as string)).toBe(true);
  });

  it('treats the composed and decomposed forms of an accent as the same password', async () => {
    const encoded = await hashPassword('H\u00e9l\u00e8ne-is-here');
    expect(await verifyPassword('He\u0301le\u0300ne-is-here', encoded)).toBe(true);
  });

  it('refuses a tampered or malformed hash', async () => {
    const encoded = await hashPassword('correct horse battery');
    const parts = encoded.split('$');
    const hash = Buffer.from(parts[5] as string, 'base64');
    hash[0] = (hash[0] as number) ^ 1;
    const tampered = [...parts.slice(0, 5), hash.toString('base64')].join('$');
    expect(await verifyPassword('correct horse battery', tampered)).toBe(false);
    const otherSalt = [...parts.slice(0, 4), Buffer.alloc(16).toString('base64'), parts[5]].join('$');
    expect(await verifyPassword('correct horse battery', otherSalt)).toBe(false);

    for (const bad of [
      '',
      'plain text',
      encoded.replace('scrypt$', 'bcrypt$'),
      encoded.replace('$32768$', '$1000$'),
      encoded.replace('$32768$', `$${2 ** 24}$`),
      encoded.replace('$8$1$', '$0$1$'),
      `${encoded}$extra`,
      parts.slice(0, 5).join('$'),
    ]) {
      expect(await verifyPassword('correct horse battery', bad), bad).toBe(false);
    }
  });

  it('reads the parameters from the stored hash, so that they can change later', async () => {
    const encoded = await hashPassword('correct horse battery');
    expect(needsRehash(encoded)).toBe(false);
    expect(needsRehash('garbage')).toBe(true);
    const { scryptSync, randomBytes } = await import('node:crypto');
    const salt = randomBytes(16);
    const key = scryptSync('correct horse battery', salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const older = ['scrypt', 2 ** 14, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
    expect(await verifyPassword('correct horse battery', older)).toBe(true);
    expect(needsRehash(older)).toBe(true);
  });

  it('answers false for unknown users, whatever the password', async () => {
    // Its timing equals a real verification by construction (the same scrypt call); no timed assertion here.
    expect(await verifyAgainstDummy('correct horse battery')).toBe(false);
    expect(await verifyAgainstDummy('')).toBe(false);
  });
});

describe('password policy', () => {
  const common = new Set(dictionary['passwords-common']);

  it('asks for at least 10 code points and at most 256', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(checkPasswordPolicy('Xk9#mQ2$v', {})).toMatchObject({
      code: 'too_short',
      message: 'Use at least 10 characters.',
    });
    // Ten emoji are twenty UTF-16 units but ten characters.
    expect(checkPasswordPolicy('🔒'.repeat(9), {})?.code).toBe('too_short');
    expect(checkPasswordPolicy('🔒'.repeat(10), {})).toBeNull();
    expect(checkPasswordPolicy('Xk9#mQ2$vL', {})).toBeNull();
    expect(checkPasswordPolicy('a7'.repeat(128), {})).toBeNull();
    expect(checkPasswordPolicy(`${'a7'.repeat(128)}x`, {})?.code).toBe('too_long');
  });

  it('refuses the commonest passwords, whatever their case', () => {
    for (const word of ['password123', 'azertyuiop', 'qwertyuiop', '1234567890']) {
      expect(common.has(word), word).toBe(true);
      expect(checkPasswordPolicy(word, {})?.code, word).toBe('common');
    }
    expect(checkPasswordPolicy('Password123', {})?.code).toBe('common');
    expect(checkPasswordPolicy('AZERTYUIOP', {})?.code).toBe('common');
  });

  it('accepts a reasonable password', () => {
    expect(common.has('tr0ub4dor&3-horse')).toBe(false);
    expect(
      checkPasswordPolicy('Tr0ub4dor&3-horse', {
        username: '@jean.dupont.acme',
        email: 'jean.dupont@acme.example',
        firstName: 'Jean',
        lastName: 'Dupont',
      }),
    ).toBeNull();
  });

  it('refuses a password made of personal information', () => {
    const context = {
      username: '@helene.lefevre.acme',
      email: 'h.lefevre@mail.example',
      firstName: 'Hélène',
      lastName: 'Lefèvre',
    };
    for (const password of [
      'Lefevre2024!',
      'xx-HELENE-xx-42',
      'hélène-2024-!!',
      'acme-is-my-company',
      'h.lefevre@mail.example',
      'my h.lefevre address',
    ]) {
      expect(checkPasswordPolicy(password, context), password).toMatchObject({ code: 'personal' });
    }
    // Parts shorter than four characters are not personal enough to forbid.
    expect(
      checkPasswordPolicy('bo-and-an-island-9', { username: '@bo.an.xyz', firstName: 'Bo', lastName: 'An' }),
    ).toBeNull();
  });

  it('uses each part of a compound name', () => {
    const context = { username: '@jean-pierre.martin.acme', firstName: 'Jean-Pierre', lastName: 'Martin' };
    expect(checkPasswordPolicy('Pierre#Sunshine7', context)?.code).toBe('personal');
  });
});
