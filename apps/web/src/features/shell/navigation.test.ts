import { describe, expect, it } from 'vitest';
import { navigationFor } from './navigation';

describe('navigation by role', () => {
  it('shows the help desk to everyone (his own tickets to a user) and the administration only to administrators', () => {
    const labels = (role: 'admin' | 'technician' | 'user') =>
      navigationFor(role).flatMap((s) => s.items.map((i) => i.label));
    expect(labels('admin')).toEqual([
      'home',
      'tickets',
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
      'loginEvents',
      'auditLog',
    ]);
    expect(labels('technician')).toEqual(['home', 'tickets', 'cannedResponses', 'satisfaction']);
    expect(navigationFor('technician').map((s) => s.title)).toEqual([null, 'helpDesk']);
    expect(labels('user')).toEqual(['home', 'myTickets']);
    expect(navigationFor('user').map((s) => s.title)).toEqual([null]);
  });
});
