import type { MachineHistoryEntry } from '@itsm/contracts';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../i18n/namespaces';
import { type HistoryTranslate, historyText } from './history-format';

type Line = Pick<MachineHistoryEntry, 'field' | 'action' | 'item' | 'old_value' | 'new_value'>;

const line = (field: string, action: Line['action'], old: string | null, now: string | null, item = null) =>
  ({ field, action, item, old_value: old, new_value: now }) as Line;
const about = (item: string, entry: Line): Line => ({ ...entry, item });

const translators: Record<'en' | 'fr', HistoryTranslate> = {} as never;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ resources, lng: 'en', interpolation: { escapeValue: false } });
  for (const lang of ['en', 'fr'] as const)
    translators[lang] = instance.getFixedT(lang, 'machines') as unknown as HistoryTranslate;
});

// Spaces between number and unit are no-break ones, of the width the language uses.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const en = (entry: Line) => plain(historyText(entry, translators.en, 'en'));
const fr = (entry: Line) => plain(historyText(entry, translators.fr, 'fr'));

describe('a machine’s history in words', () => {
  it('tells installed, removed and upgraded software with their versions', () => {
    expect(en(about('firefox-esr', line('software', 'added', null, '128.5.0')))).toBe(
      'firefox-esr installed 128.5.0',
    );
    expect(en(about('pkg', line('software', 'upgraded', '1.0', '2.0')))).toBe('pkg upgraded 1.0 → 2.0');
    expect(en(about('libreoffice', line('software', 'removed', '7.4.7-1', null)))).toBe(
      'libreoffice 7.4.7-1 uninstalled',
    );
    expect(en(about('tool', line('software', 'added', null, null)))).toBe('tool installed');
    expect(fr(about('pkg', line('software', 'upgraded', '1.0', '2.0')))).toBe('pkg mis à jour 1.0 → 2.0');
  });

  it('shows memory in GB from 1024 MB, in the language’s units', () => {
    expect(en(line('memory_mb', 'changed', '8192', '16384'))).toBe('RAM 8.0 GB → 16.0 GB');
    expect(fr(line('memory_mb', 'changed', '8192', '16384'))).toBe('RAM 8,0 Go → 16,0 Go');
    expect(en(line('memory_modules', 'changed', '8192', '8192, 512'))).toBe(
      'Memory modules 8.0 GB → 8.0 GB, 512 MB',
    );
  });

  it('names system facts, and says when one appears or disappears', () => {
    expect(en(line('os_version', 'changed', '11', '12'))).toBe('System version 11 → 12');
    expect(en(line('last_user', 'changed', null, 'hdubois'))).toBe('Last user set to hdubois');
    expect(en(line('domain', 'changed', 'corp.local', null))).toBe('Domain cleared (was corp.local)');
    expect(fr(line('cpu_model', 'changed', 'i5', 'i7'))).toBe('Processeur i5 → i7');
  });

  it('describes list items: added or removed with their size, changed field by field', () => {
    expect(en(about('S2', line('disk', 'added', null, '512000')))).toBe('Disk S2 added (500.0 GB)');
    expect(en(about('/home', line('volume', 'removed', '230000', null)))).toBe(
      'Volume /home removed (224.6 GB)',
    );
    expect(en(about('aa:bb', line('network', 'added', null, '192.168.1.20')))).toBe(
      'Network interface aa:bb added (192.168.1.20)',
    );
    expect(en(about('aa:bb', line('network.ipv4', 'changed', '192.168.1.20', '192.168.1.30')))).toBe(
      'Network interface aa:bb: IPv4 192.168.1.20 → 192.168.1.30',
    );
    expect(en(about('aa:bb', line('network.speed_mbps', 'changed', '100', '1000')))).toBe(
      'Network interface aa:bb: speed 100 Mb/s → 1 Gb/s',
    );
    expect(fr(about('Intel UHD', line('graphics', 'added', null, null)))).toBe(
      'Carte graphique Intel UHD ajoutée',
    );
  });

  it('tells what people changed, statuses translated, notes without their text', () => {
    expect(en(line('status', 'changed', 'in_stock', 'active'))).toBe('Status In stock → Active');
    expect(fr(line('status', 'changed', 'active', 'retired'))).toBe('Statut En service → Retirée');
    expect(en(line('site', 'changed', 'Lyon', null))).toBe('Site cleared (was Lyon)');
    expect(en(line('notes', 'changed', null, null))).toBe('Notes edited');
    expect(en(line('machine', 'added', null, null))).toBe('Machine registered');
  });

  it('tells when the agent enrolled', () => {
    expect(en(line('agent', 'added', null, '0.1.0 (Lyon 2026)'))).toBe('Agent 0.1.0 (Lyon 2026) enrolled');
    expect(fr(line('agent', 'changed', null, '0.2.0 (Lyon 2026)'))).toBe(
      'Agent enrôlé à nouveau : 0.2.0 (Lyon 2026)',
    );
  });

  it('shows a field it does not know as the server names it', () => {
    expect(en(line('battery_health', 'changed', '90', '80'))).toBe('battery_health 90 → 80');
    expect(en(about('X1', line('printer', 'added', null, 'USB')))).toBe('printer X1 set to USB');
  });
});
