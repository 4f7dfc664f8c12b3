import { describe, expect, it } from 'vitest';
import { ALLOWED_TYPES, cleanFileName, sniffContentType } from './content-type.js';

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const text = (s: string) => new TextEncoder().encode(s);

describe('content sniffing', () => {
  it('names a file by its bytes, not by what the client says', async () => {
    expect(await sniffContentType(PNG)).toBe('image/png');
    expect(await sniffContentType(text('%PDF-1.7\n'))).toBe('application/pdf');
    expect(await sniffContentType(text('Journal : erreur 0x80070005 à 10:02\n'))).toBe('text/plain');
  });

  it('refuses what it cannot name, and executables are not on the allow-list', async () => {
    expect(await sniffContentType(Uint8Array.from([0, 1, 2, 3, 255, 254, 0, 7]))).toBeNull();
    const exe = await sniffContentType(
      Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]),
    );
    expect(exe).not.toBeNull();
    expect(ALLOWED_TYPES.has(exe ?? '')).toBe(false);
  });

  it('SVG and HTML are kept as plain text at most, never as markup', async () => {
    expect(
      await sniffContentType(text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')),
    ).not.toBe('image/svg+xml');
  });
});

describe('file names', () => {
  it('keeps the name and drops paths, control characters and leading dots', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('..\\..\\boot.ini')).toBe('boot.ini');
    expect(cleanFileName('.htaccess')).toBe('htaccess');
    expect(cleanFileName('rapport\u0000final".pdf')).toBe('rapport_final_.pdf');
    expect(cleanFileName('Capture d’écran 2026-11-24.png')).toBe('Capture d’écran 2026-11-24.png');
    expect(cleanFileName('../')).toBe('file');
    expect(cleanFileName('a'.repeat(300))).toHaveLength(255);
  });
});
