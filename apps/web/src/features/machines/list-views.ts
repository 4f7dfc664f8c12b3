/** The "not seen for N days" views of the machine list, in days; none is the whole list. */
export const NOT_SEEN_PRESETS = [7, 30, 90] as const;

/**
 * The tabs above the machine list: all machines, then each preset; a number of days typed in the URL
 * (`?not_seen_days=14`) gets its own tab, in order, so that the list always says what it shows.
 */
export function notSeenViews(current: number | undefined): (number | undefined)[] {
  const days: number[] = [...NOT_SEEN_PRESETS];
  if (current !== undefined && !days.includes(current)) days.push(current);
  return [undefined, ...days.sort((a, b) => a - b)];
}
