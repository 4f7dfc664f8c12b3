import dgram from 'node:dgram';
import dns from 'node:dns';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { collectInventory } from './collect-inventory.js';

// The agent talks to its server and to nothing else: an inventory must not reach any other host.

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '::ffff:127.0.0.1']);
const isLocal = (host: unknown) =>
  host === undefined || (typeof host === 'string' && (LOOPBACK.has(host) || host.startsWith('127.')));

type Restore = () => void;

/** Wraps the ways out of the process; a non-loopback attempt is recorded and refused. */
function guardNetwork(attempts: string[]): Restore {
  const refuse = (what: string) => {
    attempts.push(what);
    throw new Error(`network access refused in test: ${what}`);
  };
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    // net.connect() passes its normalized [options, callback] array as the only argument.
    const [first, second] = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
    const options =
      typeof first === 'object' && first !== null ? (first as net.TcpNetConnectOpts) : undefined;
    const host = options ? (options.host ?? 'localhost') : typeof second === 'string' ? second : undefined;
    const isIpc =
      Boolean(options && 'path' in options) || (typeof first === 'string' && Number.isNaN(Number(first)));
    if (!isIpc && !isLocal(host)) refuse(`tcp ${String(host)}`);
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof connect;
  const lookup = dns.lookup;
  dns.lookup = ((hostname: string, ...rest: unknown[]) => {
    if (!isLocal(hostname)) refuse(`dns ${hostname}`);
    return (lookup as (...a: unknown[]) => void)(hostname, ...rest);
  }) as typeof dns.lookup;
  const promiseLookup = dns.promises.lookup;
  dns.promises.lookup = ((hostname: string, ...rest: unknown[]) => {
    if (!isLocal(hostname)) refuse(`dns ${hostname}`);
    return (promiseLookup as (...a: unknown[]) => unknown)(hostname, ...rest);
  }) as typeof dns.promises.lookup;
  const send = dgram.Socket.prototype.send;
  dgram.Socket.prototype.send = function (this: dgram.Socket, ...args: unknown[]) {
    const host = args.find((a, i) => i > 0 && typeof a === 'string');
    if (!isLocal(host)) refuse(`udp ${String(host)}`);
    return (send as (...a: unknown[]) => void).apply(this, args);
  } as typeof send;
  const udpConnect = dgram.Socket.prototype.connect;
  dgram.Socket.prototype.connect = function (
    this: dgram.Socket,
    port: number,
    host?: unknown,
    ...rest: unknown[]
  ) {
    if (!isLocal(typeof host === 'string' ? host : 'localhost')) refuse(`udp ${String(host)}`);
    return (udpConnect as (...a: unknown[]) => void).apply(this, [port, host, ...rest]);
  } as typeof udpConnect;
  return () => {
    net.Socket.prototype.connect = connect;
    dns.lookup = lookup;
    dns.promises.lookup = promiseLookup;
    dgram.Socket.prototype.send = send;
    dgram.Socket.prototype.connect = udpConnect;
  };
}

describe('network rule', () => {
  let restore: Restore | undefined;
  afterEach(() => restore?.());

  it('the guard notices an attempt to reach another host', () => {
    const attempts: string[] = [];
    restore = guardNetwork(attempts);
    // TEST-NET-3 (RFC 5737): never routed; the guard refuses before any packet leaves.
    expect(() => net.connect({ host: '203.0.113.7', port: 9 })).toThrow(/refused/);
    expect(() => dns.lookup('example.org', () => {})).toThrow(/refused/);
    expect(attempts).toEqual(['tcp 203.0.113.7', 'dns example.org']);
  });

  it('a full inventory reaches no host', async () => {
    const attempts: string[] = [];
    restore = guardNetwork(attempts);
    const doc = await collectInventory();
    expect(doc.content.networks?.length).toBeGreaterThan(0);
    expect(attempts).toEqual([]);
  }, 60_000);

  it('no agent source calls the systeminformation functions that go online', () => {
    const forbidden = [
      'getDynamicData',
      'getAllData',
      'getStaticData',
      'inetLatency',
      'inetChecksite',
      'wifiNetworks',
      'networkConnections',
      'processes',
      'services',
      'diskLayout',
    ];
    const srcDir = fileURLToPath(new URL('..', import.meta.url));
    const self = fileURLToPath(import.meta.url);
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.[cm]?[jt]s$/.test(name) && file !== self) {
          const text = readFileSync(file, 'utf8');
          for (const fn of forbidden) {
            if (new RegExp(`\\bsi\\.${fn}\\b|\\b${fn}\\s*\\(|['"]${fn}['"]`).test(text))
              offenders.push(`${file}: ${fn}`);
          }
        }
      }
    };
    walk(srcDir);
    expect(offenders).toEqual([]);
  });
});
