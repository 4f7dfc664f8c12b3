import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openQueue, type QueueOptions } from './index.js';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

describe('durable queue', () => {
  let root: string;
  let dir: string;
  let time: number;
  const open = (options: QueueOptions = {}) => openQueue(dir, { now: () => time, ...options });
  const entryFiles = () =>
    readdirSync(dir).filter((name) => name.endsWith('.json') && name !== 'counters.json');

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'itsm-agent-queue-'));
    dir = path.join(root, 'queue');
    time = T0;
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('hands entries out in FIFO order, whatever their kind', () => {
    const queue = open();
    const inventory = queue.push('inventory', { full: true });
    const ticket = queue.push('ticket', { title: 'Printer jammed' });
    const result = queue.push('instruction_result', { instructionId: 7, ok: true });
    expect(queue.list().map((e) => e.kind)).toEqual(['inventory', 'ticket', 'instruction_result']);
    expect(queue.next()).toEqual(inventory);
    queue.ack(inventory?.id ?? '');
    expect(queue.next()).toEqual(ticket);
    queue.ack(ticket?.id ?? '');
    expect(queue.next()).toEqual(result);
    expect(queue.size()).toBe(1);
    expect(queue.countsByKind()).toEqual({ heartbeat: 0, inventory: 0, instruction_result: 1, ticket: 0 });
  });

  it('fills in a new entry: sortable id, random idempotency key unless given, due now', () => {
    const queue = open();
    const first = queue.push('ticket', { title: 'a' });
    const second = queue.push('ticket', { title: 'b' }, { idempotencyKey: 'ticket-local-42' });
    expect(first).toEqual({
      id: '0000000000000001',
      kind: 'ticket',
      idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
      payload: { title: 'a' },
      createdAt: '2026-01-05T09:00:00.000Z',
      attempts: 0,
      nextAttemptAt: T0,
      lastError: null,
    });
    expect(second?.id).toBe('0000000000000002');
    expect(second?.idempotencyKey).toBe('ticket-local-42');
    expect(() => queue.push('ticket', {}, { idempotencyKey: 'two words' })).toThrow(TypeError);
    expect(() => queue.push('ticket', undefined)).toThrow(TypeError);
    expect(queue.size()).toBe(2);
  });

  it('keeps the payload as JSON, as it will be sent after a restart', () => {
    const entry = open().push('inventory', { at: new Date(T0), skipped: undefined, list: [1, 'two'] });
    expect(entry?.payload).toEqual({ at: '2026-01-05T09:00:00.000Z', list: [1, 'two'] });
  });

  it('finds its entries again after a reopen, and continues the sequence after the highest id', () => {
    const queue = open();
    queue.push('ticket', { title: 'a' });
    const retried = queue.push('inventory', { full: true });
    queue.push('instruction_result', { instructionId: 1 });
    queue.retryLater(retried?.id ?? '', 'ECONNREFUSED');
    const before = queue.list();
    queue.ack(before[2]?.id ?? ''); // the highest id

    const reopened = open();
    expect(reopened.list()).toEqual(before.slice(0, 2));
    expect(reopened.corruptAtOpen).toBe(0);
    expect(reopened.push('ticket', { title: 'b' })?.id).toBe('0000000000000003');
  });

  it('acks by removing the file; acking an unknown id does nothing', () => {
    const queue = open();
    const entry = queue.push('ticket', { title: 'a' });
    expect(entryFiles()).toEqual(['0000000000000001.json']);
    expect(queue.ack(entry?.id ?? '')).toBe(true);
    expect(entryFiles()).toEqual([]);
    expect(queue.ack(entry?.id ?? '')).toBe(false);
    expect(queue.ack('0000000000000999')).toBe(false);
    expect(queue.next()).toBeNull();
    expect(open().size()).toBe(0);
  });

  it('retries later with backoff and lets the sender sleep until the next due entry', () => {
    const queue = open({ random: () => 0.5, backoff: { baseMs: 1_000, maxMs: 60_000 } });
    const first = queue.push('inventory', { n: 1 });
    time += 10;
    const second = queue.push('ticket', { n: 2 });
    expect(queue.nextDueAt()).toBe(T0);

    const retried = queue.retryLater(first?.id ?? '', 'HTTP 503');
    expect(retried).toMatchObject({ attempts: 1, nextAttemptAt: T0 + 10 + 500, lastError: 'HTTP 503' });
    expect(queue.next()).toEqual(second);
    expect(queue.nextDueAt()).toBe(T0 + 10);

    queue.retryLater(second?.id ?? '', 'HTTP 503');
    queue.retryLater(second?.id ?? '', 'x'.repeat(5_000));
    expect(queue.list()[1]).toMatchObject({ attempts: 2, nextAttemptAt: T0 + 10 + 1_000 });
    expect(queue.list()[1]?.lastError).toHaveLength(1_000);
    expect(queue.next()).toBeNull();
    expect(queue.nextDueAt()).toBe(T0 + 510);
    expect(queue.next(T0 + 510)).toEqual(retried);
    expect(queue.retryLater('0000000000000999', 'gone')).toBeNull();
    // The server's Retry-After wins over a shorter backoff, never over a longer one.
    expect(queue.retryLater(first?.id ?? '', 'HTTP 429', 30_000)?.nextAttemptAt).toBe(T0 + 10 + 30_000);
    expect(queue.retryLater(first?.id ?? '', 'HTTP 503', 10)?.nextAttemptAt).toBe(T0 + 10 + 2_000);

    expect(open().list()).toEqual(queue.list());
  });

  it('keeps only the latest heartbeat, under a new id so that an in-flight ack cannot remove it', () => {
    const queue = open();
    const old = queue.push('heartbeat', { seq: 1 });
    queue.push('ticket', { title: 'a' });
    const latest = queue.push('heartbeat', { seq: 2 });
    expect(queue.list().map((e) => e.payload)).toEqual([{ title: 'a' }, { seq: 2 }]);
    expect(queue.ack(old?.id ?? '')).toBe(false);
    expect(queue.next(T0)?.kind).toBe('ticket');
    expect(queue.list()[1]).toEqual(latest);
    expect(queue.dropped()).toBe(0);
  });

  it('when full, drops heartbeats, then inventories, then instruction results, never tickets', () => {
    const queue = open({ maxEntries: 4 });
    queue.push('instruction_result', { n: 1 });
    queue.push('inventory', { n: 2 });
    queue.push('inventory', { n: 3 });
    queue.push('heartbeat', { n: 4 });
    const order = () => queue.list().map((e) => (e.payload as { n: number }).n);

    queue.push('ticket', { n: 5 }); // heartbeat out
    expect(order()).toEqual([1, 2, 3, 5]);
    queue.push('inventory', { n: 6 }); // oldest inventory out
    expect(order()).toEqual([1, 3, 5, 6]);
    expect(queue.push('heartbeat', { n: 7 })).toBeNull(); // refused: worth less than anything queued
    queue.push('ticket', { n: 8 }); // inventory 3 out
    queue.push('ticket', { n: 9 }); // inventory 6 out
    queue.push('ticket', { n: 10 }); // the instruction result out
    expect(order()).toEqual([5, 8, 9, 10]);
    expect(queue.push('instruction_result', { n: 11 })).toBeNull(); // refused
    expect(queue.push('ticket', { n: 12 })).not.toBeNull(); // past the bound
    expect(order()).toEqual([5, 8, 9, 10, 12]);
    expect(queue.dropped()).toBe(7); // 5 displaced + 2 refused
    expect(entryFiles()).toHaveLength(5);

    // The counter is for `itsm-agent status`: it survives a restart.
    expect(open({ maxEntries: 4 }).dropped()).toBe(7);
  });

  it('trims at open to a lowered bound and to a single heartbeat', () => {
    const queue = open();
    for (const n of [1, 2, 3]) queue.push('inventory', { n });
    queue.push('ticket', { n: 4 });
    queue.push('heartbeat', { n: 5 });
    // A crash in the middle of a heartbeat replacement leaves two of them.
    const latest = JSON.parse(readFileSync(path.join(dir, '0000000000000005.json'), 'utf8'));
    writeFileSync(
      path.join(dir, '0000000000000006.json'),
      JSON.stringify({ ...latest, id: '0000000000000006' }),
    );

    const reopened = open({ maxEntries: 2 });
    expect(reopened.list().map((e) => e.id)).toEqual(['0000000000000003', '0000000000000004']);
    expect(reopened.dropped()).toBe(3);
  });

  it('removes stray tmp files and sets unreadable entries aside in corrupt/', () => {
    const queue = open();
    queue.push('ticket', { title: 'kept' });
    const text = readFileSync(path.join(dir, '0000000000000001.json'), 'utf8');
    writeFileSync(path.join(dir, '0000000000000002.json'), text.slice(0, 40)); // truncated
    writeFileSync(path.join(dir, '0000000000000003.json'), text); // another entry's id inside
    writeFileSync(path.join(dir, '0000000000000004.json'), JSON.stringify({ id: '0000000000000004' }));
    writeFileSync(path.join(dir, 'tmp', '0000000000000005.json'), text.slice(0, 10));
    writeFileSync(path.join(dir, 'notes.txt'), 'not ours');

    const reopened = open();
    expect(reopened.corruptAtOpen).toBe(3);
    expect(reopened.list().map((e) => e.payload)).toEqual([{ title: 'kept' }]);
    expect(readdirSync(path.join(dir, 'tmp'))).toEqual([]);
    expect(readdirSync(path.join(dir, 'corrupt')).sort()).toEqual([
      `${T0}-0000000000000002.json`,
      `${T0}-0000000000000003.json`,
      `${T0}-0000000000000004.json`,
    ]);
    expect(readdirSync(dir).sort()).toEqual(['0000000000000001.json', 'corrupt', 'notes.txt', 'tmp']);
    // No new entry reuses the id of one set aside.
    expect(reopened.push('ticket', {})?.id).toBe('0000000000000005');
    expect(open().corruptAtOpen).toBe(0);
  });

  it.skipIf(process.platform === 'win32')('keeps its directories 0700 and its files 0600', () => {
    const queue = open({ maxEntries: 1 });
    const entry = queue.push('inventory', {});
    queue.retryLater(entry?.id ?? '', 'timeout');
    queue.push('heartbeat', {}); // refused: writes the drop counter
    const mode = (file: string) => statSync(path.join(dir, file)).mode & 0o777;
    expect([mode('.'), mode('tmp'), mode('corrupt')]).toEqual([0o700, 0o700, 0o700]);
    expect([mode('0000000000000001.json'), mode('counters.json')]).toEqual([0o600, 0o600]);
  });

  it('creates missing parent directories and opens an existing empty directory', () => {
    dir = path.join(root, 'a', 'b', 'queue');
    expect(open().size()).toBe(0);
    mkdirSync(path.join(root, 'empty'));
    dir = path.join(root, 'empty');
    expect(open().nextDueAt()).toBeNull();
  });
});
