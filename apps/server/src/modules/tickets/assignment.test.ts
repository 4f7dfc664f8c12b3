import { describe, expect, it } from 'vitest';
import { type Candidate, pickAssignee } from './assignment.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 9, minute));

describe('automatic assignment inside a group', () => {
  it('picks the member with the fewest open tickets', () => {
    expect(
      pickAssignee([
        { userId: 1, openTickets: 4, lastAssignedAt: null },
        { userId: 2, openTickets: 1, lastAssignedAt: at(5) },
        { userId: 3, openTickets: 2, lastAssignedAt: null },
      ]),
    ).toBe(2);
  });

  it('turns ties into a round robin', () => {
    let members: Candidate[] = [1, 2, 3].map((userId) => ({ userId, openTickets: 0, lastAssignedAt: null }));
    const picked: number[] = [];
    for (let minute = 0; minute < 6; minute++) {
      const id = pickAssignee(members) as number;
      picked.push(id);
      // tickets get resolved at once: loads stay equal, only the last assignment changes
      members = members.map((m) => (m.userId === id ? { ...m, lastAssignedAt: at(minute) } : m));
    }
    expect(picked).toEqual([1, 2, 3, 1, 2, 3]);
  });

  it('answers null for an empty group', () => {
    expect(pickAssignee([])).toBeNull();
  });
});
