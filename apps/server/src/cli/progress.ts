import { SingleBar } from 'cli-progress';

export type Progress = { tick(n?: number): void; stop(): void };

/** A progress bar on stderr when it is a terminal, a line every 10 % otherwise (CI logs, pipes). */
export function startProgress(label: string, total: number, stream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new SingleBar({
      format: `${label} [{bar}] {percentage}% {value}/{total} eta {eta_formatted}`,
      stream,
      hideCursor: true,
    });
    bar.start(total, 0);
    return { tick: (n = 1) => bar.increment(n), stop: () => bar.stop() };
  }
  let done = 0;
  let lastDecile = -1;
  return {
    tick(n = 1) {
      done += n;
      const decile = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        stream.write(`${label}: ${done}/${total} (${Math.min(100, decile * 10)} %)\n`);
      }
    },
    stop() {},
  };
}
