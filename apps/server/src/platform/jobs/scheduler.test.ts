import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, type TestContext, vi } from 'vitest';
import { createScheduler, type Scheduler } from './scheduler.js';

function fakeLog() {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
}

/** A job whose runs last until released, counting how many run at the same time. */
function gatedJob() {
  const state = { runs: 0, active: 0, maxActive: 0, release: () => {} };
  let gate = Promise.resolve();
  return {
    state,
    close() {
      gate = new Promise<void>((resolve) => {
        state.release = resolve;
      });
    },
    async fn() {
      state.runs += 1;
      state.active += 1;
      state.maxActive = Math.max(state.maxActive, state.active);
      await gate;
      state.active -= 1;
    },
  };
}

// Real timers: croner schedules on the wall clock. Intervals are 1 s, the shortest croner allows.
describe.concurrent('scheduler', () => {
  // Concurrent tests: each one stops its own scheduler through its own context.
  function make(context: TestContext, log = fakeLog()): Scheduler {
    const scheduler = createScheduler({ log });
    context.onTestFinished(() => scheduler.stop());
    return scheduler;
  }

  it('runs a job every interval once started, never before', async (context) => {
    const scheduler = make(context);
    const fn = vi.fn();
    scheduler.every('tick', 1, fn);
    await sleep(1100);
    expect(fn).not.toHaveBeenCalled();

    scheduler.start();
    await vi.waitFor(() => expect(fn).toHaveBeenCalledTimes(2), { timeout: 3000, interval: 50 });
  });

  it('never overlaps a run with itself, from the timer or from runNow', async (context) => {
    const log = fakeLog();
    const scheduler = make(context, log);
    const job = gatedJob();
    job.close();
    context.onTestFinished(() => job.state.release()); // before stop(): after-hooks run in reverse order
    scheduler.every('slow', 1, () => job.fn());
    scheduler.start();
    await vi.waitFor(() => expect(job.state.runs).toBe(1), { timeout: 2000, interval: 20 });

    const manual = scheduler.runNow('slow');
    await sleep(1200); // at least one timer tick falls while the first run is in progress
    expect(job.state.runs).toBe(1);
    expect(log.warn).toHaveBeenCalledWith({ job: 'slow' }, 'job still running, run skipped');

    job.state.release();
    await manual;
    expect(job.state.runs).toBe(2);
    expect(job.state.maxActive).toBe(1);
  });

  it('logs a failing job with its name and keeps running it', async (context) => {
    const log = fakeLog();
    const scheduler = make(context, log);
    let calls = 0;
    scheduler.every('flaky', 1, async () => {
      calls += 1;
      throw new Error(`boom ${calls}`);
    });
    scheduler.start();
    await vi.waitFor(() => expect(calls).toBe(2), { timeout: 3000, interval: 50 });

    expect(log.error).toHaveBeenCalledWith(
      expect.objectContaining({ job: 'flaky', err: expect.objectContaining({ message: 'boom 1' }) }),
      'job failed',
    );
    await expect(scheduler.runNow('flaky')).resolves.toBeUndefined();
    expect(log.error).toHaveBeenCalledWith(
      expect.objectContaining({ err: expect.objectContaining({ message: `boom ${calls}` }) }),
      'job failed',
    );
  });

  it('runs a job on demand without being started, and rejects unknown names', async (context) => {
    const scheduler = make(context);
    const fn = vi.fn();
    scheduler.every('report', 3600, fn);
    await scheduler.runNow('report');
    expect(fn).toHaveBeenCalledTimes(1);
    await expect(scheduler.runNow('nope')).rejects.toThrow('unknown job nope');

    const throwsAtOnce = vi.fn(() => {
      throw new Error('sync');
    });
    scheduler.every('sync', 3600, throwsAtOnce);
    await scheduler.runNow('sync');
    await scheduler.runNow('sync');
    expect(throwsAtOnce).toHaveBeenCalledTimes(2);
    expect(() => scheduler.every('report', 60, fn)).toThrow('already registered');
    expect(() => scheduler.every('fast', 0.5, fn)).toThrow('whole number');
  });

  it('stop() waits for the runs in progress and ends the timers', async (context) => {
    const scheduler = make(context);
    const job = gatedJob();
    job.close();
    context.onTestFinished(() => job.state.release()); // before stop(): after-hooks run in reverse order
    scheduler.every('long', 1, () => job.fn());
    scheduler.start();
    await vi.waitFor(() => expect(job.state.active).toBe(1), { timeout: 2000, interval: 20 });

    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await sleep(50);
    expect(stopped).toBe(false);

    job.state.release();
    await stopping;
    expect(job.state.active).toBe(0);
    await sleep(1100);
    expect(job.state.runs).toBe(1);
  });
});
