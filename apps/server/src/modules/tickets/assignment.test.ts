import { describe, expect, it } from 'vitest';
import { type Candidate, LOAD_COUNT_CAP, pickAssignee } from './assignment.js';

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

  it('counts members past the load cap as equally loaded: they take turns', () => {
    const overloaded = [
      { userId: 1, openTickets: LOAD_COUNT_CAP + 300, lastAssignedAt: at(1) },
      { userId: 2, openTickets: LOAD_COUNT_CAP, lastAssignedAt: at(2) },
    ];
    expect(pickAssignee(overloaded)).toBe(1);
    // below the cap, the load decides again
    expect(
      pickAssignee([...overloaded, { userId: 3, openTickets: LOAD_COUNT_CAP - 1, lastAssignedAt: at(3) }]),
    ).toBe(3);
  });

  it('answers null for an empty group', () => {
    expect(pickAssignee([])).toBeNull();
  });
});
