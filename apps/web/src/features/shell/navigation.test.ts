import { describe, expect, it } from 'vitest';
import { navigationFor } from './navigation';

describe('navigation by role', () => {
  it('shows the help desk, the machines (his own to a user) and the knowledge base to everyone, and the administration only to administrators', () => {
    const labels = (role: 'admin' | 'technician' | 'user') =>
      navigationFor(role).flatMap((s) => s.items.map((i) => i.label));
    expect(labels('admin')).toEqual([
      'home',
      'tickets',
      'machines',
      'knowledge',
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
      'kbCategories',
      'loginEvents',
      'auditLog',
    ]);
    expect(labels('technician')).toEqual([
      'home',
      'tickets',
      'machines',
      'knowledge',
      'cannedResponses',
      'satisfaction',
    ]);
    expect(navigationFor('technician').map((s) => s.title)).toEqual([null, 'helpDesk']);
    expect(labels('user')).toEqual(['home', 'myTickets', 'myMachines', 'knowledge']);
    expect(navigationFor('user').map((s) => s.title)).toEqual([null]);
  });
});
