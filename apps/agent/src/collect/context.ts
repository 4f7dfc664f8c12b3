import { readdir, readFile, readlink } from 'node:fs/promises';
import os from 'node:os';
import type * as SI from 'systeminformation';
import { type RunCommand, runCommand } from './run-command.js';
import siParts from './systeminformation-parts.cjs';

/**
 * The systeminformation calls the agent may use. Anything that reaches the network (the inet*
 * checks, the dynamic/all-data bundles) or costs too much (processes, services, SMART) is left out.
 */
export type SystemInformation = Pick<
  typeof SI,
  | 'osInfo'
  | 'system'
  | 'bios'
  | 'baseboard'
  | 'chassis'
  | 'cpu'
  | 'mem'
  | 'memLayout'
  | 'blockDevices'
  | 'fsSize'
  | 'graphics'
  | 'networkInterfaces'
  | 'networkGatewayDefault'
  | 'users'
>;

/** Everything a collector reads from the machine, so tests can hand it recorded answers. */
export type CollectContext = {
  si: SystemInformation;
  run: RunCommand;
  platform: NodeJS.Platform;
  /** The machine's CPU architecture in Node's names (x64, arm64…). */
  arch: string;
  now: () => Date;
  hostname: () => string;
  /** Seconds since boot. */
  uptime: () => number;
  addresses: () => NodeJS.Dict<os.NetworkInterfaceInfo[]>;
  /** File text, or null when it cannot be read. */
  readText: (path: string) => Promise<string | null>;
  /** Directory entries, or an empty list when it cannot be read. */
  listDir: (path: string) => Promise<string[]>;
  /** Target of a symbolic link, or null when it is not one. */
  readLink: (path: string) => Promise<string | null>;
};

const si: SystemInformation = siParts;

export function machineContext(): CollectContext {
  return {
    si,
    run: runCommand,
    platform: process.platform,
    arch: os.arch(),
    now: () => new Date(),
    hostname: () => os.hostname(),
    uptime: () => os.uptime(),
    addresses: () => os.networkInterfaces(),
    readText: (path) => readFile(path, 'utf8').catch(() => null),
    listDir: (path) => readdir(path).catch(() => []),
    readLink: (path) => readlink(path).catch(() => null),
  };
}
