import type { SoftwareItem } from '../../inventory/types.js';
import { clean, compact, formatDate } from '../values.js';

const FORMAT = [
  '%{NAME}',
  '%{ARCH}',
  '%|EPOCH?{%{EPOCH}:}:{}|%{VERSION}-%{RELEASE}',
  '%{INSTALLTIME}',
  '%{SIZE}',
  '%{VENDOR}',
  '%{GROUP}',
  '%{URL}',
  '%{SUMMARY}',
].join('\t');

export const RPM_QUERY_ARGS = ['-qa', '--queryformat', `${FORMAT}\n`] as const;

/** Parses `rpm -qa --queryformat …` output (RPM_QUERY_ARGS). */
export function parseRpmQuery(output: string): SoftwareItem[] {
  const items: SoftwareItem[] = [];
  for (const line of output.split('\n')) {
    const [name, arch, version, installTime, size, vendor, group, url, summary] = line.split('\t').map(unset);
    // gpg-pubkey entries are the repository signing keys rpm keeps in its database, not software.
    if (!name || name === 'gpg-pubkey') continue;
    const installed = Number(installTime);
    const bytes = Number(size);
    items.push(
      compact({
        name,
        version,
        arch,
        publisher: vendor,
        comments: summary,
        filesize: bytes > 0 ? bytes : undefined,
        install_date: installed > 0 ? formatDate(new Date(installed * 1000)) : undefined,
        system_category: group === 'Unspecified' ? undefined : group,
        url_info_about: url,
        from: 'rpm',
      }),
    );
  }
  return items;
}

// rpm prints "(none)" for an empty tag.
function unset(value: string): string | undefined {
  return value === '(none)' ? undefined : clean(value);
}
