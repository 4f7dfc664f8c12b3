import { describe, expect, it } from 'vitest';
import { applyInstruction, type InstructionHandlers, intervalsOf } from './instructions.js';
import { DEFAULT_INTERVALS } from './state.js';

function handlers(): InstructionHandlers & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async inventoryNow(full) {
      calls.push(`inventory full=${full}`);
      return { sections: full ? 11 : 2, queued: true };
    },
    setIntervals(intervals) {
      calls.push(`intervals ${JSON.stringify(intervals)}`);
      return { ...DEFAULT_INTERVALS, ...intervals };
    },
  };
}

describe('applyInstruction', () => {
  it('collects an inventory now, full unless told otherwise', async () => {
    const h = handlers();
    expect(await applyInstruction({ id: 1, kind: 'inventory', payload: {} }, h)).toEqual({
      status: 'done',
      result: { sections: 11, queued: true },
    });
    await applyInstruction({ id: 2, kind: 'inventory', payload: { full: false } }, h);
    expect(h.calls).toEqual(['inventory full=true', 'inventory full=false']);
  });

  it('changes intervals within bounds and refuses the others without applying anything', async () => {
    const h = handlers();
    const done = await applyInstruction(
      { id: 3, kind: 'set_intervals', payload: { heartbeat_seconds: 120 } },
      h,
    );
    expect(done).toEqual({
      status: 'done',
      result: { intervals: { ...DEFAULT_INTERVALS, heartbeat_seconds: 120 } },
    });
    const refused = await applyInstruction(
      { id: 4, kind: 'set_intervals', payload: { heartbeat_seconds: 1 } },
      h,
    );
    expect(refused).toEqual({
      status: 'failed',
      error: 'heartbeat_seconds must be a whole number from 15 to 86400',
    });
    expect(intervalsOf({ reboot: true })).toBe('unknown interval "reboot"');
    expect(h.calls).toEqual(['intervals {"heartbeat_seconds":120}']);
  });

  it('reports an unknown instruction or a failing collection as failed, without throwing', async () => {
    const h = handlers();
    h.inventoryNow = async () => {
      throw new Error('dpkg-query: not found');
    };
    expect(await applyInstruction({ id: 5, kind: 'inventory', payload: {} }, h)).toEqual({
      status: 'failed',
      error: 'dpkg-query: not found',
    });
    expect(await applyInstruction({ id: 6, kind: 'screenshot', payload: {} }, h)).toMatchObject({
      status: 'failed',
    });
  });
});
