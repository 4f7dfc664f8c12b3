import type { SoftwareItem } from '../../inventory/types.js';
import { clean, compact } from '../values.js';

// Tab-separated, one package a line; binary:Summary is the one-line description (Description spans lines).
const FIELDS = [
  'Package',
  'Architecture',
  'Version',
  'Installed-Size',
  'Section',
  'db:Status-Abbrev',
  'Homepage',
  'Maintainer',
  'binary:Summary',
];
const FORMAT = FIELDS.map((field) => `\${${field}}`).join('\t');

export const DPKG_QUERY_ARGS = ['-W', '-f', `${FORMAT}\n`] as const;

/** Parses `dpkg-query -W -f=…` output (DPKG_QUERY_ARGS); packages whose files are gone are skipped. */
export function parseDpkgQuery(output: string): SoftwareItem[] {
  const items: SoftwareItem[] = [];
  for (const line of output.split('\n')) {
    const [name, arch, version, size, section, status, homepage, maintainer, summary] = line.split('\t');
    if (!name || !isInstalled(status)) continue;
    const kib = Number(size);
    items.push(
      compact({
        name,
        version: clean(version),
        arch: clean(arch),
        publisher: clean(maintainer?.replace(/\s*<[^>]*>\s*$/, '')),
        comments: clean(summary),
        filesize: kib > 0 ? kib * 1024 : undefined,
        system_category: clean(section),
        url_info_about: clean(homepage),
        from: 'deb',
      }),
    );
  }
  return items;
}

// The second letter of db:Status-Abbrev: n = not installed, c = only configuration files left.
function isInstalled(status: string | undefined): boolean {
  const state = status?.[1];
  return state !== undefined && state !== 'n' && state !== 'c';
}
