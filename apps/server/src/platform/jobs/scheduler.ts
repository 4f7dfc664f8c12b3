import { Cron } from 'croner';
import type { FastifyBaseLogger } from 'fastify';

export type SchedulerLog = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
export type JobFn = () => Promise<void> | void;

export type Scheduler = {
  /** Registers a job run every `intervalSeconds` once started; names are unique. */
  every(name: string, intervalSeconds: number, fn: JobFn): void;
  /** Starts the timers of every job, present and future. */
  start(): void;
  /** Stops the timers and waits for the runs in progress to finish. */
  stop(): Promise<void>;
  /** Runs a job now, after its run in progress if any; resolves when done (failures are logged). */
  runNow(name: string): Promise<void>;
};

type Job = {
  name: string;
  intervalSeconds: number;
  fn: JobFn;
  cron: Cron | null;
  running: Promise<void> | null;
};

// Every second, but at least `interval` seconds between two runs (croner's own interval option).
const EVERY_SECOND = '* * * * * *';

/** In-process scheduler on croner: a job never overlaps itself and a failing job never stops the process. */
export function createScheduler({ log }: { log: SchedulerLog }): Scheduler {
  const jobs = new Map<string, Job>();
  let started = false;
  let stopped = false;

  // Sets `job.running` before the job starts (even a job that throws at once), so no caller misses it.
  function execute(job: Job): Promise<void> {
    const startedAt = performance.now();
    const run = Promise.resolve()
      .then(() => job.fn())
      .catch((error: unknown) => {
        const durationMs = Math.round(performance.now() - startedAt);
        log.error({ err: error, job: job.name, durationMs }, 'job failed');
      })
      .finally(() => {
        job.running = null;
      });
    job.running = run;
    return run;
  }

  function schedule(job: Job): void {
    const skipped = () => log.warn({ job: job.name }, 'job still running, run skipped');
    // croner's protect covers its own ticks; `job.running` also covers the runs started by runNow().
    job.cron = new Cron(EVERY_SECOND, { interval: job.intervalSeconds, protect: skipped }, () => {
      if (job.running) return skipped();
      return execute(job);
    });
  }

  return {
    every(name, intervalSeconds, fn) {
      if (jobs.has(name)) throw new Error(`job ${name} is already registered`);
      if (!Number.isInteger(intervalSeconds) || intervalSeconds < 1) {
        throw new Error(`job ${name}: the interval must be a whole number of seconds, at least 1`);
      }
      const job: Job = { name, intervalSeconds, fn, cron: null, running: null };
      jobs.set(name, job);
      if (started && !stopped) schedule(job);
    },

    start() {
      if (started) return;
      started = true;
      // Timers exist only once started, so a scheduler that is never started holds no event-loop handle.
      for (const job of jobs.values()) schedule(job);
      log.info({ jobs: [...jobs.keys()] }, 'scheduler started');
    },

    async stop() {
      stopped = true;
      for (const job of jobs.values()) {
        job.cron?.stop();
        job.cron = null;
      }
      // A run may be chained behind another by runNow(): wait until none is left.
      let running = [...jobs.values()].flatMap((job) => (job.running ? [job.running] : []));
      while (running.length > 0) {
        await Promise.all(running);
        running = [...jobs.values()].flatMap((job) => (job.running ? [job.running] : []));
      }
    },

    async runNow(name) {
      const job = jobs.get(name);
      if (!job) throw new Error(`unknown job ${name}`);
      while (job.running) await job.running;
      await execute(job);
    },
  };
}
