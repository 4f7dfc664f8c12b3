import { describe, expect, it } from 'vitest';
import { badgeText, detailOf, parseNotification, ticketNumber } from './notification-text';

describe('the notification bell', () => {
  it('counts up to 99', () => {
    expect(badgeText(undefined)).toBeNull();
    expect(badgeText(0)).toBeNull();
    expect(badgeText(7)).toBe('7');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(140)).toBe('99+');
  });

  it('reads a notification of the live stream, and nothing else', () => {
    const sent = {
      id: 4,
      event: 'ticket_commented',
      ticket: 42,
      ticket_title: 'Printer',
      actor: 3,
      actor_name: 'Marc Lefèvre',
      data: { detail: 'Try again now' },
      read_at: null,
      created_at: '2026-11-24T10:00:00Z',
    };
    expect(parseNotification(JSON.stringify(sent))).toEqual(sent);
    expect(
      parseNotification(JSON.stringify({ id: 5, event: 'ticket_closed', created_at: 'x' })),
    ).toMatchObject({
      ticket: null,
      read_at: null,
    });
    expect(parseNotification('{"id": 1, "event": "hello", "created_at": "x"}')).toBeNull();
    expect(parseNotification('not json')).toBeNull();
    expect(parseNotification('null')).toBeNull();
  });

  it('numbers tickets as the server does and finds the excerpt', () => {
    expect(ticketNumber(42)).toBe('T-000042');
    expect(detailOf({ data: { detail: '  Done ' } })).toBe('Done');
    expect(
      detailOf({ data: { detail: 'MTU set to **1400**,\n\n- see [the guide](https://x.example)' } }),
    ).toBe('MTU set to 1400, - see the guide');
    expect(detailOf({ data: { detail: '**' } })).toBeNull();
    expect(detailOf({ data: { detail: 3 } })).toBeNull();
    expect(detailOf({ data: null })).toBeNull();
  });
});
