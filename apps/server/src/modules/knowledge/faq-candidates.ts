import { type Language, terms } from './search/normalize.js';

// "FAQ candidates": recently resolved tickets that keep coming back with the same problem and
// have no article yet. Grouped by the words of their titles (stemmed, accents and common words
// out), so "Imprimante hors ligne" and "imprimantes hors-ligne au 3e" meet.

export type ResolvedTicket = {
  id: number;
  title: string;
  solution: string | null;
  resolvedAt: string;
  /** The requester's satisfaction rating (1–5), when he answered the survey. */
  rating: number | null;
  language: Language;
};

export type CandidateGroup = {
  tickets: ResolvedTicket[];
  /** The ticket whose solution makes the best draft: the best rated, then the most recent. */
  best: ResolvedTicket;
  /** The words the group's titles share. */
  terms: string[];
};

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  const union = a.size + b.size - common;
  return union === 0 ? 0 : common / union;
}

const better = (a: ResolvedTicket, b: ResolvedTicket) =>
  (b.rating ?? 0) - (a.rating ?? 0) ||
  Number(b.solution !== null) - Number(a.solution !== null) ||
  b.resolvedAt.localeCompare(a.resolvedAt);

/**
 * Groups tickets whose title terms overlap by at least `threshold` (Jaccard) with the group's
 * first ticket, newest first; keeps the groups of at least `minSize`, largest first.
 */
export function groupSimilarTickets(
  tickets: readonly ResolvedTicket[],
  { minSize = 3, threshold = 0.5 }: { minSize?: number; threshold?: number } = {},
): CandidateGroup[] {
  const groups: { seed: Set<string>; members: ResolvedTicket[] }[] = [];
  const newest = [...tickets].sort((a, b) => b.resolvedAt.localeCompare(a.resolvedAt) || b.id - a.id);
  for (const ticket of newest) {
    const own = new Set(terms(ticket.title, ticket.language));
    if (own.size === 0) continue;
    const group = groups.find((g) => jaccard(g.seed, own) >= threshold);
    if (group) group.members.push(ticket);
    else groups.push({ seed: own, members: [ticket] });
  }
  return groups
    .filter((g) => g.members.length >= minSize)
    .map((g) => {
      const best = [...g.members].sort(better)[0] as ResolvedTicket;
      const shared = [...g.seed].filter((term) =>
        g.members.every((m) => new Set(terms(m.title, m.language)).has(term)),
      );
      return { tickets: g.members, best, terms: shared };
    })
    .sort((a, b) => b.tickets.length - a.tickets.length);
}
