import type { Intervals } from './state.js';

export type Instruction = { id: number; kind: string; payload: Record<string, unknown> };
export type InstructionOutcome = {
  status: 'done' | 'failed';
  result?: Record<string, unknown>;
  error?: string;
};

export type InstructionHandlers = {
  /** Collects and queues an inventory now; answers how many sections it carries. */
  inventoryNow(full: boolean): Promise<{ sections: number; queued: boolean }>;
  /** Applies new intervals from now on. */
  setIntervals(intervals: Partial<Intervals>): Intervals;
};

const LIMITS: Record<keyof Intervals, [number, number]> = {
  heartbeat_seconds: [15, 86_400],
  inventory_minutes: [5, 10_080],
  full_inventory_hours: [1, 720],
};

/** The intervals of a set_intervals payload, or an error naming the bad one (the server checks too). */
export function intervalsOf(payload: Record<string, unknown>): Partial<Intervals> | string {
  const intervals: Partial<Intervals> = {};
  for (const [name, value] of Object.entries(payload)) {
    const limits = LIMITS[name as keyof Intervals];
    if (!limits) return `unknown interval "${name}"`;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < limits[0] || value > limits[1])
      return `${name} must be a whole number from ${limits[0]} to ${limits[1]}`;
    intervals[name as keyof Intervals] = value;
  }
  return intervals;
}

/** Applies one instruction; never throws: a failure is an outcome the server is told about. */
export async function applyInstruction(
  instruction: Instruction,
  handlers: InstructionHandlers,
): Promise<InstructionOutcome> {
  try {
    switch (instruction.kind) {
      case 'inventory': {
        const done = await handlers.inventoryNow(instruction.payload.full !== false);
        return { status: 'done', result: done };
      }
      case 'set_intervals': {
        const intervals = intervalsOf(instruction.payload);
        if (typeof intervals === 'string') return { status: 'failed', error: intervals };
        return { status: 'done', result: { intervals: handlers.setIntervals(intervals) } };
      }
      default:
        return { status: 'failed', error: `this agent does not know the instruction "${instruction.kind}"` };
    }
  } catch (error) {
    return { status: 'failed', error: (error as Error).message.slice(0, 1000) };
  }
}
