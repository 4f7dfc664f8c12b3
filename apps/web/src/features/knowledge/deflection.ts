import type { Deflection } from '@itsm/contracts';

/** What the new-ticket form knows when its user leaves it. */
export type LeavingState = {
  /** The suggested articles opened, in the order they were opened. */
  opened: readonly number[];
  /** The ticket was submitted (or is being): that is no ticket spared. */
  submitted: boolean;
  /** Already recorded once (leaving is seen both by the page's unmount and by the tab closing). */
  recorded: boolean;
  /** The title typed. */
  query: string;
};

/** The API's limit on the query kept with a deflection. */
const MAX_QUERY = 200;

/**
 * The deflection to record when the form is left: one per ticket not opened, credited to the last
 * suggestion read (the one most likely to have answered); none when nothing was read or the ticket
 * was submitted.
 */
export function deflectionOnLeave(state: LeavingState): Deflection | null {
  const article = state.opened.at(-1);
  if (state.submitted || state.recorded || article === undefined) return null;
  const query = state.query.trim().slice(0, MAX_QUERY).trim();
  return query ? { article, query } : { article };
}
