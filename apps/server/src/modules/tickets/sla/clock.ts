import { addBusinessMs, type BusinessCalendar, businessMsBetween } from './calendar.js';

// SLA clocks are recomputed from the ticket's status history every time, never kept as running
// counters: changing the SLA, the priority or the calendar, or reopening, still gives exact times.

export type StatusChange<S extends string = string> = { status: S; at: Date };
export type Span = { from: Date; to: Date };

export type ClockState = {
  targetMs: number;
  /** Working time counted so far. */
  elapsedMs: number;
  /** elapsed / target (1 = the deadline). */
  share: number;
  /** The clock counts right now (false while pending, resolved…). */
  running: boolean;
  /** The deadline; null while the clock is paused (it moves when work resumes), the breach instant once breached. */
  dueAt: Date | null;
  /** When the target was exceeded, if it was. */
  breachedAt: Date | null;
};

/** The periods during which the clock ran: each status change opens a span that lasts until the next one (or `now`). */
export function runningSpans<S extends string>(
  history: readonly StatusChange<S>[],
  now: Date,
  runs: (status: S) => boolean,
): Span[] {
  const ordered = [...history].sort((a, b) => a.at.getTime() - b.at.getTime());
  const spans: Span[] = [];
  for (const [i, change] of ordered.entries()) {
    const to = ordered[i + 1]?.at ?? now;
    // The current status always yields its span, even one just begun, so that the clock is seen running.
    const current = i === ordered.length - 1;
    if (runs(change.status) && (to > change.at || current)) spans.push({ from: change.at, to });
  }
  return spans;
}

/**
 * Whether the clock counts now, guessed from the spans: the last one lasts until now. A pause that
 * begins exactly now looks the same: callers who know the current status pass `running` instead.
 */
function isRunning(spans: readonly Span[], now: Date): boolean {
  const last = spans.at(-1);
  return last !== undefined && last.to.getTime() === now.getTime();
}

/**
 * The instant at which the clock reaches `ms` of working time: in the past when the spans already
 * hold that much, in the future when the clock runs now, null when it is paused short of it.
 */
export function reachedAt(
  calendar: BusinessCalendar,
  spans: readonly Span[],
  ms: number,
  now: Date,
  running = isRunning(spans, now),
): Date | null {
  let elapsed = 0;
  for (const span of spans) {
    const worked = businessMsBetween(calendar, span.from, span.to);
    if (elapsed + worked >= ms && worked > 0) return addBusinessMs(calendar, span.from, ms - elapsed);
    elapsed += worked;
  }
  return running ? addBusinessMs(calendar, now, ms - elapsed) : null;
}

/** Where a clock stands after `spans` of running time, against a target of `targetMs` working milliseconds. */
export function clockState(
  calendar: BusinessCalendar,
  spans: readonly Span[],
  targetMs: number,
  now: Date,
  running = isRunning(spans, now),
): ClockState {
  let elapsedMs = 0;
  let breachedAt: Date | null = null;
  for (const span of spans) {
    const worked = businessMsBetween(calendar, span.from, span.to);
    if (breachedAt === null && elapsedMs + worked > targetMs) {
      breachedAt = addBusinessMs(calendar, span.from, targetMs - elapsedMs);
    }
    elapsedMs += worked;
  }
  const dueAt = breachedAt ?? (running ? addBusinessMs(calendar, now, targetMs - elapsedMs) : null);
  return { targetMs, elapsedMs, share: targetMs > 0 ? elapsedMs / targetMs : 1, running, dueAt, breachedAt };
}
