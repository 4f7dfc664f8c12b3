import type { MachineHistoryEntry } from '@itsm/contracts';
import { formatLinkSpeed, formatMegabytes } from './machine-format';

/** The `machines` namespace's t, loosely typed: history fields come from the server at run time. */
export type HistoryTranslate = (key: string, options?: Record<string, unknown>) => string;

type Entry = Pick<MachineHistoryEntry, 'field' | 'action' | 'item' | 'old_value' | 'new_value'>;

/** Lists of the inventory whose items are added, removed or changed one by one. */
const LISTS = new Set(['network', 'disk', 'volume', 'graphics']);
/** Values the agent reports in MB (a list item is described by its size, except network interfaces). */
const MEGABYTES = new Set(['memory_mb', 'size_mb', 'total_mb', 'disk', 'volume', 'graphics']);

const numeric = (value: string) => (/^-?\d+(\.\d+)?$/.test(value) ? Number(value) : null);

/** A value as the timeline shows it: sizes and speeds in their units, statuses translated. */
function formatValue(
  what: string,
  value: string | null,
  t: HistoryTranslate,
  language: string,
): string | null {
  if (value === null || value === '') return null;
  const number = numeric(value);
  if (MEGABYTES.has(what) && number !== null) return formatMegabytes(number, language);
  if (what === 'speed_mbps' && number !== null) return formatLinkSpeed(number, language);
  if (what === 'status') return t(`status.${value}`, { defaultValue: value });
  if (what === 'memory_modules')
    return value
      .split(', ')
      .map((size) => (numeric(size) === null ? size : formatMegabytes(Number(size), language)))
      .join(', ');
  return value;
}

const label = (field: string, t: HistoryTranslate) => t(`history.fields.${field}`, { defaultValue: field });

/** "RAM 8.0 GB → 16.0 GB", "Site set to Lyon", "Last user cleared (was hdubois)". */
function changeText(
  field: string,
  from: string | null,
  to: string | null,
  t: HistoryTranslate,
  item?: string | null,
) {
  const name = item ? `${label(field, t)} ${item}` : label(field, t);
  if (from === null && to === null) return t('history.line.edited', { field: name });
  if (from === null) return t('history.line.set', { field: name, to });
  if (to === null) return t('history.line.cleared', { field: name, from });
  return t('history.line.changed', { field: name, from, to });
}

/**
 * One line of a machine's history in words: "firefox-esr installed 128.5.0", "pkg upgraded 1.0 → 2.0",
 * "RAM 8.0 GB → 16.0 GB", "Network interface eno1: IPv4 192.168.1.20 → 192.168.1.30". A field this page
 * does not know reads as the server names it.
 */
export function historyText(entry: Entry, t: HistoryTranslate, language: string): string {
  const { field, action, item } = entry;
  const dot = field.indexOf('.');
  const base = dot < 0 ? field : field.slice(0, dot);
  const sub = dot < 0 ? null : field.slice(dot + 1);

  if (field === 'machine') return t(action === 'removed' ? 'history.machineRemoved' : 'history.machineAdded');
  if (field === 'agent')
    return t(action === 'added' ? 'history.agentAdded' : 'history.agentChanged', {
      value: entry.new_value ?? '',
    });
  if (field === 'notes') return t('history.notesChanged');

  if (field === 'software') {
    const name = item ?? '';
    if (action === 'upgraded')
      return t('history.software.upgraded', {
        name,
        from: entry.old_value ?? '—',
        to: entry.new_value ?? '—',
      });
    const removed = action === 'removed';
    const version = removed ? entry.old_value : entry.new_value;
    const key = removed ? 'removed' : 'added';
    return version
      ? t(`history.software.${key}`, { name, version })
      : t(`history.software.${key}NoVersion`, { name });
  }

  if (LISTS.has(base) && item !== null) {
    if (sub) {
      return t(`history.${base}.changed`, {
        item,
        field: label(sub, t),
        from: formatValue(sub, entry.old_value, t, language) ?? '—',
        to: formatValue(sub, entry.new_value, t, language) ?? '—',
      });
    }
    const removed = action === 'removed';
    const text = t(`history.${base}.${removed ? 'removed' : 'added'}`, { item });
    const value = formatValue(base, removed ? entry.old_value : entry.new_value, t, language);
    return value ? t('history.withValue', { text, value }) : text;
  }

  const from = formatValue(field, entry.old_value, t, language);
  const to = formatValue(field, entry.new_value, t, language);
  return changeText(field, from, to, t, LISTS.has(base) ? null : item);
}
