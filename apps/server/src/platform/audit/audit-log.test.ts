import { describe, expect, it } from 'vitest';
import { changesOf } from './audit-log.js';

describe('changesOf', () => {
  it('lists the changed fields with before and after values', () => {
    expect(
      changesOf(
        { role: 'user', structure: 1, phone: null },
        { role: 'technician', structure: 1, phone: undefined },
      ),
    ).toEqual({ role: { before: 'user', after: 'technician' } });
  });

  it('compares arrays by value and ignores fields the update did not name', () => {
    expect(changesOf({ groups: [1, 2], name: 'a' }, { groups: [1, 2] })).toBeNull();
    expect(changesOf({ groups: [1, 2] }, { groups: [2] })).toEqual({
      groups: { before: [1, 2], after: [2] },
    });
  });

  it('keeps to the requested fields', () => {
    expect(changesOf({ a: 1, b: 1 }, { a: 2, b: 2 }, ['b'])).toEqual({ b: { before: 1, after: 2 } });
  });
});
