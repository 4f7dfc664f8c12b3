import type { SlaTarget } from '@itsm/contracts';
import { resolutionClockRuns, type TicketStatus } from '../workflow.js';
import type { BusinessCalendar } from './calendar.js';
import { type ClockState, clockState, reachedAt, runningSpans, type StatusChange } from './clock.js';
import { type SlaHealth, slaHealth } from './health.js';

// What an SLA means for one ticket now: both clocks, when it becomes "at risk", and every step
// (warning, escalation level, breach) with the instant it falls due. Pure: the caller loads the
// history and the SLA, stores the caches and fires the steps that are due and not fired yet.

const MINUTE = 60_000;

export type SlaDefinition = {
  /** Working minutes per priority ("1" … "5"). */
  targets: Record<string, { first_response_minutes: number; resolution_minutes: number }>;
  /** Ascending; the first one marks the ticket at risk. */
  warningShares: readonly number[];
  levels: readonly { id: number; target: SlaTarget; triggerShare: number | null }[];
  calendar: BusinessCalendar;
};

export type TicketFacts = {
  priority: number;
  status: TicketStatus;
  /** Every status the ticket went through, creation included. */
  history: readonly StatusChange<TicketStatus>[];
  firstResponseAt: Date | null;
  /** The current resolution, if the ticket is resolved or closed now. */
  resolvedAt: Date | null;
};

export type ClockView = ClockState & { metAt: Date | null; health: SlaHealth };

export type SlaStep = {
  /** Unique per ticket: `resolution:warning:0.75`, `resolution:level:3`, `first_response:breach`. */
  key: string;
  target: SlaTarget;
  kind: 'warning' | 'level' | 'breach';
  /** When it falls (fell) due; null while the clock is paused short of it, or once the target was met before it. */
  at: Date | null;
  share: number | null;
  levelId: number | null;
};

export type SlaPlan = {
  firstResponse: ClockView;
  resolution: ClockView;
  /** When the resolution clock reaches the first warning share. */
  warningAt: Date | null;
  steps: SlaStep[];
};

function clock(
  def: SlaDefinition,
  facts: TicketFacts,
  targetMs: number,
  metAt: Date | null,
  now: Date,
): { view: ClockView; reach: (ms: number) => Date | null } {
  const until = metAt && metAt < now ? metAt : now;
  const history = facts.history.filter((change) => change.at <= until);
  const spans = runningSpans(history, until, resolutionClockRuns);
  // Runs while the current status counts and the target is not met yet.
  const current = history.at(-1)?.status;
  const running = metAt === null && current !== undefined && resolutionClockRuns(current);
  const state = clockState(def.calendar, spans, targetMs, until, running);
  const health = slaHealth(state, def.warningShares[0] ?? 1);
  return {
    view: { ...state, metAt, health },
    reach: (ms) => reachedAt(def.calendar, spans, ms, until, running),
  };
}

export function slaPlan(def: SlaDefinition, facts: TicketFacts, now: Date): SlaPlan {
  const target = def.targets[String(facts.priority)] ?? def.targets['3'];
  if (!target) throw new Error(`the SLA has no target for priority ${facts.priority}`);
  const first = clock(def, facts, target.first_response_minutes * MINUTE, facts.firstResponseAt, now);
  const resolution = clock(def, facts, target.resolution_minutes * MINUTE, facts.resolvedAt, now);
  const clocks = { first_response: first, resolution } as const;

  const steps: SlaStep[] = [];
  for (const name of ['first_response', 'resolution'] as const) {
    const { view, reach } = clocks[name];
    const breachAt = view.breachedAt ?? (view.running ? view.dueAt : null);
    for (const share of def.warningShares) {
      if (share >= 1) continue; // the breach step says it
      steps.push({
        key: `${name}:warning:${share}`,
        target: name,
        kind: 'warning',
        at: reach(share * view.targetMs),
        share,
        levelId: null,
      });
    }
    steps.push({
      key: `${name}:breach`,
      target: name,
      kind: 'breach',
      at: breachAt,
      share: 1,
      levelId: null,
    });
    for (const level of def.levels.filter((l) => l.target === name)) {
      steps.push({
        key: `${name}:level:${level.id}`,
        target: name,
        kind: 'level',
        at: level.triggerShare === null ? breachAt : reach(level.triggerShare * view.targetMs),
        share: level.triggerShare,
        levelId: level.id,
      });
    }
  }
  const firstWarning = def.warningShares[0];
  return {
    firstResponse: first.view,
    resolution: resolution.view,
    warningAt:
      firstWarning === undefined || resolution.view.metAt
        ? null
        : resolution.reach(firstWarning * resolution.view.targetMs),
    steps,
  };
}

/** The steps due at `now` that have not fired yet, in the order they fell due. */
export function dueSteps(plan: SlaPlan, fired: ReadonlySet<string>, now: Date): SlaStep[] {
  return plan.steps
    .filter((s) => s.at !== null && s.at <= now && !fired.has(s.key))
    .sort((a, b) => (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0) || (a.share ?? 1) - (b.share ?? 1));
}

/** The next instant a step falls due (the SLA job looks at the ticket then), or null. */
export function nextCheckAt(plan: SlaPlan, fired: ReadonlySet<string>): Date | null {
  let next: Date | null = null;
  for (const step of plan.steps) {
    if (step.at === null || fired.has(step.key)) continue;
    if (next === null || step.at < next) next = step.at;
  }
  return next;
}
