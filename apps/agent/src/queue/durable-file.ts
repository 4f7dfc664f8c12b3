import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Replaces `dir/name` with `text` so that, whatever the moment of a crash or power loss, the file is
 * either absent/old or new and whole: write to `tmpDir` (same file system), fsync the data, rename
 * (atomic), fsync the directory so the rename itself is on disk. Mode 0600: payloads describe the
 * machine and carry what the employee typed.
 */
export function writeFileDurably(dir: string, tmpDir: string, name: string, text: string): void {
  const tmp = path.join(tmpDir, name);
  try {
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path.join(dir, name));
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  fsyncDirectory(dir);
}

/** Makes the creations, renames and removals of names in `dir` durable. */
export function fsyncDirectory(dir: string): void {
  // Node cannot open a directory on Windows; NTFS journals its metadata changes itself.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
