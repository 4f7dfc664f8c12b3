import { describe, expect, it } from 'vitest';
import { navigationFor } from './navigation';

describe('navigation by role', () => {
  it('shows the help desk and the machines to everyone (his own to a user) and the administration only to administrators', () => {
    const labels = (role: 'admin' | 'technician' | 'user') =>
      navigationFor(role).flatMap((s) => s.items.map((i) => i.label));
    expect(labels('admin')).toEqual([
      'home',
      'tickets',
      'machines',
      'ticketCategories',
      'slas',
      'calendars',
      'ticketRules',
      'ticketSettings',
      'cannedResponses',
      'satisfaction',
      'users',
      'structures',
      'groups',
      'sites',
      'enrollmentKeys',
      'loginEvents',
      'auditLog',
    ]);
    expect(labels('technician')).toEqual(['home', 'tickets', 'machines', 'cannedResponses', 'satisfaction']);
    expect(navigationFor('technician').map((s) => s.title)).toEqual([null, 'helpDesk']);
    expect(labels('user')).toEqual(['home', 'myTickets', 'myMachines']);
    expect(navigationFor('user').map((s) => s.title)).toEqual([null]);
  });
});
