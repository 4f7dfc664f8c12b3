import { LOG_LEVELS, type LogLevel } from './config.js';

/** One line per event on stderr (journald, the Windows event log or a file keep it), below the chosen level. */
export function logger(level: LogLevel) {
  const threshold = LOG_LEVELS.indexOf(level);
  return (at: 'info' | 'warn' | 'error', message: string) => {
    if (LOG_LEVELS.indexOf(at) > threshold) return;
    process.stderr.write(`${new Date().toISOString()} ${at.padEnd(5)} ${message}\n`);
  };
}
