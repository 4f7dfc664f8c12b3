import { describe, expect, it } from 'vitest';
import { mapUsers } from './users.js';

const session = (user: string, tty: string, date: string, time: string, ip = '') => ({
  user,
  tty,
  date,
  time,
  ip,
  command: '',
});

describe('mapUsers', () => {
  it('lists each logged-in user once and keeps every session', () => {
    const part = mapUsers([
      session('ann', 'tty2', '2024-03-01', '08:10'),
      session('ann', 'pts/0', '2024-03-01', '09:30', '10.0.0.8'),
      session('bob', 'pts/1', '2024-03-01', '09:05'),
    ]);
    expect(part.users).toEqual([{ login: 'ann' }, { login: 'bob' }]);
    expect(part.itsm?.sessions).toHaveLength(3);
    expect(part.itsm?.sessions?.[1]).toEqual({
      login: 'ann',
      terminal: 'pts/0',
      from: '10.0.0.8',
      since: '2024-03-01 09:30',
    });
    expect(part.hardware).toEqual({ lastloggeduser: 'ann', datelastloggeduser: '2024-03-01 09:30' });
  });

  it('splits Windows DOMAIN\\login names', () => {
    const part = mapUsers([session('CORP\\ann.lee', 'console', '2024-03-01', '08:00')]);
    expect(part.users).toEqual([{ login: 'ann.lee', domain: 'CORP' }]);
  });

  it('reports nobody when no one is logged in', () => {
    expect(mapUsers([])).toEqual({ users: [], hardware: {}, itsm: { sessions: [] } });
  });
});
