import { type Config, ConfigError, parseConfig, readEnv } from '../config.js';

/** Exit status for a configuration error (sysexits EX_CONFIG). */
export const EXIT_CONFIG = 78;

/** Reads and validates the configuration, or explains every problem and exits. */
export function loadConfigOrExit(overrides: Record<string, string | undefined> = {}): Config {
  try {
    // Only flags actually given override the environment.
    const given = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
    return parseConfig({ ...readEnv(), ...given });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`itsm: ${error.message}`);
      process.exit(EXIT_CONFIG);
    }
    throw error;
  }
}

export function describeDatabase(url: string): string {
  return url.startsWith('sqlite:') ? url : url.replace(/\/\/([^:@/]+)(:[^@/]*)?@/, '//$1:***@');
}
