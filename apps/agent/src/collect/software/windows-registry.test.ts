import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRegUninstall, regQueryArgs, UNINSTALL_KEYS } from './windows-registry.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('parseRegUninstall', () => {
  it('reads the 64-bit, 32-bit and per-user Uninstall keys recursively', () => {
    expect(UNINSTALL_KEYS.map((key) => regQueryArgs(key).join(' '))).toEqual([
      'query HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall /s',
      'query HKLM\\Software\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall /s',
      'query HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall /s',
    ]);
  });

  it('keeps the programs that have a display name', () => {
    const items = parseRegUninstall(fixture('reg-query-uninstall-hklm.txt'));
    expect(items.map((i) => i.name)).toEqual([
      '7-Zip 23.01 (x64)',
      'Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.38.33135',
      'Mozilla Firefox (x64 fr)',
    ]);
  });

  it('reads version, publisher, size, install date, GUID and uninstall command', () => {
    const [zip, vcredist, firefox] = parseRegUninstall(fixture('reg-query-uninstall-hklm.txt'));
    expect(zip).toEqual({
      name: '7-Zip 23.01 (x64)',
      version: '23.01',
      publisher: 'Igor Pavlov',
      arch: 'x86_64',
      filesize: 0x1590 * 1024,
      uninstall_string: '"C:\\Program Files\\7-Zip\\Uninstall.exe"',
      from: 'registry',
    });
    expect(vcredist).toMatchObject({
      guid: '{23170F69-40C1-2702-2301-000001000000}',
      install_date: '2024-01-15',
      publisher: 'Microsoft Corporation',
      comments: 'Visual C++ runtime for x64',
      url_info_about: 'https://www.microsoft.com',
    });
    expect(vcredist).not.toHaveProperty('folder');
    expect(firefox?.folder).toBe('C:\\Program Files\\Mozilla Firefox');
  });

  it('marks WOW6432Node programs as 32-bit and ignores install dates it cannot read', () => {
    const [notepad] = parseRegUninstall(fixture('reg-query-uninstall-wow6432.txt'));
    expect(notepad).toMatchObject({ name: 'Notepad++ (32-bit x86)', version: '8.6.2', arch: 'i586' });
    expect(notepad).not.toHaveProperty('install_date');
  });
});
