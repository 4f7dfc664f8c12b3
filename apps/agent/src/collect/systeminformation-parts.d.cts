import type { SystemInformation } from './context.js';

declare const parts: SystemInformation;
export = parts;
