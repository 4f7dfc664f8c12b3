import { readFileSync } from 'node:fs';

// Set by the single-file build (scripts/build-sea.mjs), where there is no package.json to read;
// otherwise read from package.json, one level above src/ and dist/ alike.
declare const ITSM_AGENT_VERSION: string | undefined;

export const AGENT_VERSION: string =
  typeof ITSM_AGENT_VERSION === 'string'
    ? ITSM_AGENT_VERSION
    : (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
        .version;
