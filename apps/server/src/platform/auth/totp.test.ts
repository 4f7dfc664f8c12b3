import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../crypto.js';
import {
  generateTotp,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  totpQrDataUrl,
  totpUri,
  verifyTotp,
} from './totp.js';

const NOW = new Date('2026-03-02T10:00:10Z');
const STEP = Math.floor(NOW.getTime() / 1000 / 30);
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

describe('TOTP', () => {
  const secret = newTotpSecret();

  it('makes base32 secrets of at least 20 bytes', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32,}$/);
    expect(newTotpSecret()).not.toBe(secret);
  });

  it('accepts the current code and reports its time step', async () => {
    const code = await generateTotp(secret, NOW);
    expect(code).toMatch(/^\d{6}$/);
    expect(await verifyTotp({ secret, code, now: NOW })).toEqual({ valid: true, timeStep: STEP });
    expect(await verifyTotp({ secret, code: `${code.slice(0, 3)} ${code.slice(3)}`, now: NOW })).toEqual({
      valid: true,
      timeStep: STEP,
    });
  });

  it('tolerates one step of drift either way, not more', async () => {
    const previous = await generateTotp(secret, at(-30));
    const next = await generateTotp(secret, at(30));
    expect(await verifyTotp({ secret, code: previous, now: NOW })).toEqual({
      valid: true,
      timeStep: STEP - 1,
    });
    expect(await verifyTotp({ secret, code: next, now: NOW })).toEqual({ valid: true, timeStep: STEP + 1 });
    const old = await generateTotp(secret, at(-300));
    expect(await verifyTotp({ secret, code: old, now: NOW })).toEqual({ valid: false });
    expect(await verifyTotp({ secret, code: await generateTotp(secret, at(-60)), now: NOW })).toEqual({
      valid: false,
    });
  });

  it('refuses a code whose step was already used', async () => {
    const code = await generateTotp(secret, NOW);
    expect(await verifyTotp({ secret, code, afterTimeStep: STEP - 1, now: NOW })).toEqual({
      valid: true,
      timeStep: STEP,
    });
    expect(await verifyTotp({ secret, code, afterTimeStep: STEP, now: NOW })).toEqual({ valid: false });
    const previous = await generateTotp(secret, at(-30));
    expect(await verifyTotp({ secret, code: previous, afterTimeStep: STEP, now: NOW })).toEqual({
      valid: false,
    });
    // A last step beyond the window (clock moved back) refuses everything instead of throwing.
    expect(await verifyTotp({ secret, code, afterTimeStep: STEP + 5, now: NOW })).toEqual({ valid: false });
    expect(await verifyTotp({ secret, code, afterTimeStep: null, now: NOW })).toEqual({
      valid: true,
      timeStep: STEP,
    });
  });

  it('refuses malformed codes without throwing', async () => {
    for (const code of ['', '12345', '1234567', 'abcdef', '12a456']) {
      expect(await verifyTotp({ secret, code, now: NOW }), code).toEqual({ valid: false });
    }
    const code = await generateTotp(secret, NOW);
    expect(await verifyTotp({ secret: newTotpSecret(), code, now: NOW })).toEqual({ valid: false });
  });

  it('builds the otpauth URI and its QR code locally', async () => {
    const uri = totpUri({ issuer: 'ITSM Acme', account: '@jean.dupont.acme', secret });
    const url = new URL(uri);
    expect(url.protocol).toBe('otpauth:');
    expect(decodeURIComponent(url.pathname)).toContain('ITSM Acme:@jean.dupont.acme');
    expect(url.searchParams.get('secret')).toBe(secret);
    expect(url.searchParams.get('issuer')).toBe('ITSM Acme');

    const dataUrl = await totpQrDataUrl(uri);
    expect(dataUrl.startsWith('data:image/svg+xml;base64,')).toBe(true);
    const svg = Buffer.from(dataUrl.slice('data:image/svg+xml;base64,'.length), 'base64').toString('utf8');
    expect(svg.trimStart().startsWith('<svg')).toBe(true);
    expect(svg).toContain('</svg>');
  });
});

describe('recovery codes', () => {
  it('makes distinct codes of three groups of four unambiguous characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}$/);
      expect(normalizeRecoveryCode(code)).toBe(code);
    }
    expect(newRecoveryCodes(3)).toHaveLength(3);
  });

  it('normalises what a person types to one canonical form', () => {
    for (const typed of [
      'K7F39XQ2MM4P',
      'k7f3-9xq2-mm4p',
      ' k7f3 9xq2 mm4p ',
      'K7F3-9XQ2MM4P',
      'k7f39-xq2-mm4p',
    ]) {
      expect(normalizeRecoveryCode(typed), typed).toBe('k7f3-9xq2-mm4p');
    }
    expect(normalizeRecoveryCode('k7f3-9xq2')).toBe('k7f39xq2');
    expect(hashRecoveryCode('K7F3 9XQ2 MM4P')).toBe(sha256Hex('k7f3-9xq2-mm4p'));
  });
});
