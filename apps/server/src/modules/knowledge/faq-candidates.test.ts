import { describe, expect, it } from 'vitest';
import { groupSimilarTickets, type ResolvedTicket } from './faq-candidates.js';

let n = 0;
const ticket = (title: string, values: Partial<ResolvedTicket> = {}): ResolvedTicket => ({
  id: ++n,
  title,
  solution: `Solution ${n}`,
  resolvedAt: `2026-11-${String(10 + (n % 15)).padStart(2, '0')}T10:00:00.000Z`,
  rating: null,
  language: 'fr',
  ...values,
});

describe('groupSimilarTickets', () => {
  it('groups the same problem written differently, keeps the frequent ones, largest first', () => {
    const printers = [
      ticket('Imprimante hors ligne'),
      ticket('imprimantes hors-ligne au 3e'),
      ticket("L'imprimante est hors ligne", { rating: 5, solution: 'Redémarrer le spouleur' }),
      ticket('Imprimante HORS LIGNE !'),
    ];
    const vpn = [ticket('VPN déconnecté'), ticket('Le VPN se déconnecte'), ticket('vpn deconnecte souvent')];
    const lone = [ticket('Écran cassé'), ticket('Demande de badge')];
    const groups = groupSimilarTickets([...lone, ...vpn, ...printers]);
    expect(groups.map((g) => g.tickets.map((t) => t.id).sort((a, b) => a - b))).toEqual([
      printers.map((t) => t.id),
      vpn.map((t) => t.id),
    ]);
    // The best rated solution makes the draft; the shared words describe the group.
    expect(groups[0]?.best.solution).toBe('Redémarrer le spouleur');
    expect(groups[0]?.terms.sort()).toEqual(['hor', 'imprim', 'lign']);
  });

  it('keeps apart titles that share one word only, and drops small groups', () => {
    const groups = groupSimilarTickets(
      [
        ticket('Imprimante bloquée'),
        ticket('Imprimante neuve à installer'),
        ticket('Imprimante: commander du toner'),
      ],
      { minSize: 2 },
    );
    expect(groups).toEqual([]);
    expect(groupSimilarTickets([ticket('Wi-Fi lent'), ticket('wifi lent')], { minSize: 3 })).toEqual([]);
  });
});
