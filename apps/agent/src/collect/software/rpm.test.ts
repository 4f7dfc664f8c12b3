import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRpmQuery, RPM_QUERY_ARGS } from './rpm.js';

const sample = readFileSync(new URL('./fixtures/rpm-qa.txt', import.meta.url), 'utf8');

describe('parseRpmQuery', () => {
  it('queries every package with a tab-separated format', () => {
    expect(RPM_QUERY_ARGS.slice(0, 2)).toEqual(['-qa', '--queryformat']);
    expect(RPM_QUERY_ARGS[2]?.split('\t')).toHaveLength(9);
  });

  it('reads version-release with the epoch, vendor as publisher, size and install date', () => {
    const items = parseRpmQuery(sample);
    expect(items.find((i) => i.name === 'openssl-libs')).toMatchObject({
      version: '1:3.2.1-2.fc40',
      arch: 'x86_64',
      publisher: 'Fedora Project',
      filesize: 7654321,
      from: 'rpm',
    });
    const bash = items.find((i) => i.name === 'bash');
    expect(bash?.install_date).toMatch(/^2024-04-0[34]$/);
    expect(bash).not.toHaveProperty('system_category');
    expect(bash?.url_info_about).toBe('https://www.gnu.org/software/bash');
  });

  it('skips the gpg-pubkey pseudo-packages', () => {
    expect(parseRpmQuery(sample).map((i) => i.name)).toEqual(['bash', 'openssl-libs', 'tzdata']);
  });
});
