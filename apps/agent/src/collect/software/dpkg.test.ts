import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DPKG_QUERY_ARGS, parseDpkgQuery } from './dpkg.js';

const sample = readFileSync(new URL('./fixtures/dpkg-query.txt', import.meta.url), 'utf8');

describe('parseDpkgQuery', () => {
  it('asks dpkg-query for one tab-separated line per package', () => {
    expect(DPKG_QUERY_ARGS[0]).toBe('-W');
    expect(DPKG_QUERY_ARGS[2]).toMatch(/^\$\{Package\}\t\$\{Architecture\}\t.*\t\$\{binary:Summary\}\n$/);
  });

  it('reads name, version, architecture, maintainer as publisher, size and section', () => {
    const items = parseDpkgQuery(sample);
    expect(items[1]).toEqual({
      name: 'libc6',
      version: '2.36-9+deb12u10',
      arch: 'amd64',
      publisher: 'GNU Libc Maintainers',
      comments: 'GNU C Library: Shared libraries',
      filesize: 12991 * 1024,
      system_category: 'libs',
      url_info_about: 'https://www.gnu.org/software/libc/libc.html',
      from: 'deb',
    });
    expect(items[0]).not.toHaveProperty('url_info_about');
  });

  it('keeps both architectures of a multi-arch package and skips packages removed but configured', () => {
    const items = parseDpkgQuery(sample);
    expect(items.map((i) => `${i.name}:${i.arch}`)).toEqual([
      'adduser:all',
      'libc6:amd64',
      'libc6:i386',
      'vim:amd64',
    ]);
    expect(items.find((i) => i.name === 'vim')?.version).toBe('2:9.0.1378-2');
  });

  it('returns nothing for empty output', () => {
    expect(parseDpkgQuery('')).toEqual([]);
  });
});
