import { describe, expect, it } from 'vitest';
import { actionKey, changeRows, dayBound, formatValue } from './journal-format';

describe('journal helpers', () => {
  it('turns a local day into the ISO bounds of that day', () => {
    const start = dayBound('2026-03-05', 'start');
    const end = dayBound('2026-03-05', 'end');
    expect(start).toBe(new Date(2026, 2, 5, 0, 0, 0, 0).toISOString());
    expect(end).toBe(new Date(2026, 2, 5, 23, 59, 59, 999).toISOString());
    expect(dayBound('', 'start')).toBeUndefined();
    expect(dayBound('05/03/2026', 'end')).toBeUndefined();
  });

  it('formats changed values: null as a dash, objects as indented JSON', () => {
    expect(formatValue(null)).toEqual({ text: '—', empty: true, block: false });
    expect(formatValue(undefined).text).toBe('—');
    expect(formatValue('Paris').text).toBe('Paris');
    expect(formatValue(false).text).toBe('false');
    expect(formatValue([1, 2])).toEqual({ text: '[\n  1,\n  2\n]', empty: false, block: true });
  });

  it('lists changes field by field, sorted', () => {
    expect(
      changeRows({ name: { before: 'A', after: 'B' }, code: { before: null, after: 'X' } }).map(
        (r) => r.field,
      ),
    ).toEqual(['code', 'name']);
    expect(changeRows(null)).toEqual([]);
  });

  it('makes translation keys of actions', () => {
    expect(actionKey('group.member_added')).toBe('group_member_added');
  });
});
