import type { SoftwareItem } from '../../inventory/types.js';
import { clean, compact } from '../values.js';

const UNINSTALL = 'Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall';

/** The Uninstall keys to read with `reg query <key> /s`: 64-bit, 32-bit (WOW6432Node) and the user's. */
export const UNINSTALL_KEYS = [
  `HKLM\\${UNINSTALL}`,
  `HKLM\\Software\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall`,
  `HKCU\\${UNINSTALL}`,
] as const;

export const regQueryArgs = (key: string) => ['query', key, '/s'] as const;

type RegValues = Map<string, string>;

/** Parses `reg query <Uninstall key> /s` output into one entry per program with a DisplayName. */
export function parseRegUninstall(output: string): SoftwareItem[] {
  const items: SoftwareItem[] = [];
  for (const [key, values] of splitKeys(output)) {
    const name = clean(values.get('DisplayName'));
    // Entries without a display name are components and patches that Windows does not list either.
    if (!name) continue;
    const subkey = key.slice(key.lastIndexOf('\\') + 1);
    const sizeKb = parseDword(values.get('EstimatedSize'));
    items.push(
      compact({
        name,
        version: clean(values.get('DisplayVersion')),
        publisher: clean(values.get('Publisher')),
        arch: /\\WOW6432Node\\/i.test(key) ? 'i586' : 'x86_64',
        guid: /^\{[0-9A-F-]{36}\}$/i.test(subkey) ? subkey : undefined,
        install_date: parseInstallDate(values.get('InstallDate')),
        filesize: sizeKb ? sizeKb * 1024 : undefined,
        comments: clean(values.get('Comments')),
        folder: clean(values.get('InstallLocation')),
        uninstall_string: clean(values.get('UninstallString')),
        url_info_about: clean(values.get('URLInfoAbout')),
        from: 'registry',
      }),
    );
  }
  return items;
}

// "    Name    REG_TYPE    data": four-space separators; names may contain single spaces.
const VALUE_LINE = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;

function splitKeys(output: string): [string, RegValues][] {
  const keys: [string, RegValues][] = [];
  let current: RegValues | undefined;
  for (const line of output.split(/\r?\n/)) {
    if (line.startsWith('HKEY_')) {
      current = new Map();
      keys.push([line.trim(), current]);
      continue;
    }
    const match = current && VALUE_LINE.exec(line);
    if (match?.[1]) current?.set(match[1], match[3] ?? '');
  }
  return keys;
}

function parseDword(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const n = value.startsWith('0x') ? Number.parseInt(value.slice(2), 16) : Number(value);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

// Installers write YYYYMMDD, but some write other shapes; keep only what is unambiguous.
function parseInstallDate(value: string | undefined): string | undefined {
  const match = value?.trim().match(/^(\d{4})(\d{2})(\d{2})$/);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}
