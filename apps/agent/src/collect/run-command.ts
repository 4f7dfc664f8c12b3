import { execFile } from 'node:child_process';

/** Runs a program without a shell; resolves to its stdout, or null when it is missing or fails. */
export type RunCommand = (file: string, args: readonly string[]) => Promise<string | null>;

export const runCommand: RunCommand = (file, args) =>
  new Promise((resolve) => {
    execFile(
      file,
      args,
      // Big enough for tens of thousands of packages; a stuck command must not stall the inventory.
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000, windowsHide: true },
      (error, stdout) => resolve(error ? null : stdout),
    );
  });
