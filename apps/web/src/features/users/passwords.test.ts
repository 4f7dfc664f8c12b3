import { describe, expect, it } from 'vitest';
import { generatePassword } from './passwords';

describe('generatePassword', () => {
  it('makes 16 unambiguous letters and digits, different each time', () => {
    const a = generatePassword();
    expect(a).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
    expect(generatePassword()).not.toBe(a);
  });
});
