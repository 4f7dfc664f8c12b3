// Inside the group chosen by the rules: the member with the fewest open tickets in the ticket's
// structure; on a tie, the one who received a ticket longest ago (never first), which turns ties into
// a round robin; then the lowest id, so that the choice is deterministic.

/**
 * Open tickets are counted up to this many per member and structure; past it, members count as
 * equally loaded and take turns. A choice then reads at most this many index entries per member,
 * however large a backlog grows (no real technician works 500 open tickets in one structure).
 */
export const LOAD_COUNT_CAP = 500;

export type Candidate = { userId: number; openTickets: number; lastAssignedAt: Date | null };

const load = (c: Candidate) => Math.min(c.openTickets, LOAD_COUNT_CAP);

export function pickAssignee(candidates: readonly Candidate[]): number | null {
  const best = [...candidates].sort(
    (a, b) =>
      load(a) - load(b) ||
      (a.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY) -
        (b.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY) ||
      a.userId - b.userId,
  )[0];
  return best?.userId ?? null;
}
