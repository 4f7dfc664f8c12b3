import { describe, expect, it } from 'vitest';
import { generateTicket, seededRng } from './ticket-generator.js';

const now = new Date('2026-11-24T12:00:00Z');
const DAY = 86_400_000;

describe('generated tickets', () => {
  it('are reproducible from the seed and come in the order they were opened', () => {
    const a = seededRng(42);
    const b = seededRng(42);
    const first = Array.from({ length: 1000 }, (_, i) => generateTicket(a, now, i / 1000));
    const again = Array.from({ length: 1000 }, (_, i) => generateTicket(b, now, i / 1000));
    expect(again).toEqual(first);
    const times = first.map((t) => t.createdAt.getTime());
    expect(times[0]).toBeLessThan(now.getTime() - 180 * DAY);
    expect(times.at(-1)).toBeGreaterThan(now.getTime() - 2 * DAY);
    // Nearly sorted: the jitter never moves a ticket by more than a few minutes.
    expect(times.every((t, i) => i === 0 || t > (times[i - 1] as number) - 3_600_000)).toBe(true);
  });

  it('keep their dates coherent: opened ≤ answered ≤ resolved ≤ closed ≤ now; old tickets are mostly closed', () => {
    const rng = seededRng(7);
    const tickets = Array.from({ length: 5000 }, (_, i) => generateTicket(rng, now, i / 5000));
    for (const t of tickets) {
      const chain = [t.createdAt, t.firstResponseAt, t.resolvedAt, t.closedAt].filter(
        (d): d is Date => d !== null,
      );
      expect(chain.every((d, i) => i === 0 || d >= (chain[i - 1] as Date))).toBe(true);
      expect(t.changedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(t.priority).toBeGreaterThanOrEqual(1);
    }
    const old = tickets.filter((t) => now.getTime() - t.createdAt.getTime() > 30 * DAY);
    const closedShare =
      old.filter((t) => t.status === 'closed' || t.status === 'cancelled').length / old.length;
    expect(closedShare).toBeGreaterThan(0.95);
    const recentOpen = tickets.filter(
      (t) => now.getTime() - t.createdAt.getTime() < 10 * DAY && t.status === 'in_progress',
    );
    expect(recentOpen.length).toBeGreaterThan(0);
  });
});

describe('generated tickets and auto-close', () => {
  it('never leaves a ticket resolved for longer than the auto-close delay', () => {
    const rng = seededRng(11);
    const tickets = Array.from({ length: 5000 }, (_, i) => generateTicket(rng, now, i / 5000, 30));
    const stale = tickets.filter(
      (t) => t.status === 'resolved' && t.resolvedAt && now.getTime() - t.resolvedAt.getTime() > 7 * DAY,
    );
    expect(stale).toEqual([]);
    expect(tickets.some((t) => t.status === 'resolved')).toBe(true);
  });
});
