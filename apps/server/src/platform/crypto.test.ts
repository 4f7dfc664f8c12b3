import { describe, expect, it } from 'vitest';
import { constantTimeEqual, decryptSecret, encryptSecret, randomToken, sha256Hex } from './crypto.js';

const KEY = 'k'.repeat(48);

describe('crypto helpers', () => {
  it('compares secrets', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
  });

  it('makes distinct URL-safe tokens and hashes them', () => {
    const a = randomToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(a);
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('seals a secret that only the same key and purpose can open', () => {
    const sealed = encryptSecret(KEY, 'mfa', 'JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(encryptSecret(KEY, 'mfa', 'JBSWY3DPEHPK3PXP')).not.toBe(sealed);
    expect(decryptSecret(KEY, 'mfa', sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => decryptSecret('x'.repeat(48), 'mfa', sealed)).toThrow();
    expect(() => decryptSecret(KEY, 'other', sealed)).toThrow();
    const [v, iv, tag, body] = sealed.split('.');
    const flipped = `${body?.[0] === 'A' ? 'B' : 'A'}${body?.slice(1)}`;
    expect(() => decryptSecret(KEY, 'mfa', [v, iv, tag, flipped].join('.'))).toThrow();
  });
});
