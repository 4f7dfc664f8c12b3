// Inside the group chosen by the rules: the member with the fewest open tickets in the ticket's
// structure; on a tie, the one who received a ticket longest ago (never first), which turns ties into
// a round robin; then the lowest id, so that the choice is deterministic.

export type Candidate = { userId: number; openTickets: number; lastAssignedAt: Date | null };

export function pickAssignee(candidates: readonly Candidate[]): number | null {
  const best = [...candidates].sort(
    (a, b) =>
      a.openTickets - b.openTickets ||
      (a.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY) -
        (b.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY) ||
      a.userId - b.userId,
  )[0];
  return best?.userId ?? null;
}
