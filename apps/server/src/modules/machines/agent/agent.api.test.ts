import { gzipSync } from 'node:zlib';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../db/types.js';
import { type ApiClient, adminOf, apiClient, apiTestApp, expectProblem } from '../../../test/api-client.js';
import type { Factories } from '../../../test/factories.js';
import type { TestApp } from '../../../test/test-app.js';
import { inventoryDocument } from '../test-inventory.js';

/** Calls an agent endpoint as the agent does: its machine token, JSON, optionally gzip-compressed. */
function agentCall(app: FastifyInstance) {
  return (
    path: string,
    body: unknown,
    options: { token?: string; gzip?: boolean; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> => {
    const json = Buffer.from(JSON.stringify(body));
    return app.inject({
      method: 'POST',
      url: `/api/v1/agent/${path}`,
      headers: {
        'content-type': 'application/json',
        ...(options.token && { authorization: `Agent ${options.token}` }),
        ...(options.gzip && { 'content-encoding': 'gzip' }),
        ...options.headers,
      },
      payload: options.gzip ? gzipSync(json) : json,
    });
  };
}

describe('agent exchange', () => {
  let t: TestApp;
  let db: Kysely<DB>;
  let f: Factories;
  let api: ApiClient;
  let agent: ReturnType<typeof agentCall>;
  let lyon: number;
  let site: number;
  let key: string;

  const machineCount = async () =>
    Number((await db.selectFrom('machines').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const newKey = async (body: Record<string, unknown> = {}) => {
    const res = await api('POST', '/enrollment-keys', { name: 'Lyon PCs', structure: lyon, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; key: string };
  };
  const enroll = (hw: Parameters<typeof inventoryDocument>[0] = {}, withKey = key) =>
    agent(
      'enroll',
      { key: withKey, agent_version: '0.1.0', inventory: inventoryDocument(hw) },
      { gzip: true },
    );

  beforeAll(async () => {
    ({ t, db, f } = await apiTestApp());
    lyon = (await f.structure({ name: 'Usine de Lyon' })).id;
    site = (await f.site({ structure: lyon, name: 'Bâtiment A' })).id;
    ({ api } = await adminOf(t.app, lyon));
    agent = agentCall(t.app);
    ({ key } = await newKey({ site }));
  });
  afterAll(() => t?.close());

  it('enrols a machine with a key: placed in the key’s structure and site, its inventory stored', async () => {
    const res = await enroll();
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ reused: false, instructions: [] });
    expect(body.token).toMatch(/^itsm_m_/);
    const machine = (await api('GET', `/machines/${body.machine}`)).json();
    expect(machine).toMatchObject({
      hostname: 'pc-compta-01',
      serial: 'B5RK4K2',
      structure: lyon,
      site,
      status: 'active',
      has_agent: true,
      agent_version: '0.1.0',
      software_count: 20,
    });
    expect(machine.system.memory_mb).toBe(8192);
    expect(machine.interfaces[0]).toMatchObject({ mac: '10:7b:44:aa:bb:cc', ipv4: ['192.168.1.20'] });
    // The key counts its use; its secret is never shown again.
    const keys = (await api('GET', '/enrollment-keys')).json().results;
    expect(keys[0]).toMatchObject({ uses: 1, is_usable: true, key_hint: key.slice(0, 12) });
    expect(JSON.stringify(keys)).not.toContain(key);
  });

  it('re-enrolling the same hardware reuses its machine; the old token stops working', async () => {
    const first = (
      await enroll({ name: 'pc-rh-02', uuid: 'uuid-rh-02', serial: 'SER-RH-02', mac: '00:11:22:33:44:02' })
    ).json();
    const before = await machineCount();
    const again = await enroll({
      name: 'pc-rh-02-reinstalled',
      uuid: 'uuid-rh-02',
      serial: 'SER-RH-02',
      mac: '00:11:22:33:44:02',
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ machine: first.machine, reused: true });
    expect(await machineCount()).toBe(before);
    expectProblem(
      await agent('heartbeat', { agent_version: '0.1.0' }, { token: first.token }),
      401,
      'INVALID_MACHINE_TOKEN',
    );
    expect(
      (await agent('heartbeat', { agent_version: '0.1.0' }, { token: again.json().token })).statusCode,
    ).toBe(200);
    // A cloned VM (same MAC, another UUID) is another machine.
    const clone = (
      await enroll({
        name: 'pc-rh-02-clone',
        uuid: 'uuid-clone',
        serial: 'SER-CLONE',
        mac: '00:11:22:33:44:02',
      })
    ).json();
    expect(clone.reused).toBe(false);
    expect(clone.machine).not.toBe(first.machine);
  });

  it('refuses unknown, revoked, expired and used-up keys, and creates nothing', async () => {
    const before = await machineCount();
    const hw = { name: 'pc-refused', uuid: 'uuid-refused', serial: 'SER-REFUSED', mac: '00:11:22:33:44:99' };
    expectProblem(await enroll(hw, 'itsm_ek_this-key-does-not-exist'), 401, 'INVALID_ENROLLMENT_KEY');

    const revoked = await newKey();
    expect((await api('POST', `/enrollment-keys/${revoked.id}/revoke`)).json().is_usable).toBe(false);
    expectProblem(await enroll(hw, revoked.key), 401, 'INVALID_ENROLLMENT_KEY');

    const once = await newKey({ max_uses: 1 });
    expect((await enroll({ ...hw, name: 'pc-once' }, once.key)).statusCode).toBe(201);
    expectProblem(
      await enroll({ ...hw, uuid: 'uuid-2', serial: 'SER-2', mac: '00:11:22:33:44:98' }, once.key),
      401,
      'INVALID_ENROLLMENT_KEY',
    );

    const soon = await newKey({ expires_at: new Date(Date.now() + 60_000).toISOString() });
    await db
      .updateTable('enrollment_keys')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', soon.id)
      .execute();
    expectProblem(
      await enroll({ ...hw, uuid: 'uuid-3', serial: 'SER-3', mac: '00:11:22:33:44:97' }, soon.key),
      401,
      'INVALID_ENROLLMENT_KEY',
    );
    expect(await machineCount()).toBe(before + 1);
  });

  it('turns a changed inventory into history lines from the agent', async () => {
    const { machine, token } = (
      await enroll({ name: 'pc-history', uuid: 'uuid-h', serial: 'SER-H', mac: '00:11:22:33:44:10' })
    ).json();
    const doc = inventoryDocument({
      name: 'pc-history',
      uuid: 'uuid-h',
      serial: 'SER-H',
      mac: '00:11:22:33:44:10',
      memory: 16384,
    });
    const softwares = doc.content.softwares ?? [];
    softwares[0] = { ...softwares[0], version: '2.0' } as (typeof softwares)[number];
    softwares.push({ name: 'firefox-esr', version: '128.5.0', publisher: 'Mozilla' });
    const res = await agent('inventory', doc, { token, gzip: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().changes).toBe(4);
    const history = (await api('GET', `/machines/${machine}/history?source=agent`)).json().results;
    expect(
      history.map((h: Record<string, unknown>) => [h.field, h.action, h.item, h.old_value, h.new_value]),
    ).toEqual(
      expect.arrayContaining([
        ['memory_mb', 'changed', null, '8192', '16384'],
        ['memory_modules', 'changed', null, '8192', '16384'],
        ['software', 'upgraded', 'pkg-0000', '1.0', '2.0'],
        ['software', 'added', 'firefox-esr', null, '128.5.0'],
      ]),
    );
    // The same inventory again (an agent retrying after a lost answer) changes nothing.
    expect((await agent('inventory', doc, { token, gzip: true })).json().changes).toBe(0);
  });

  it('refuses a bad inventory with a clear error and keeps what was stored', async () => {
    const { machine, token } = (
      await enroll({ name: 'pc-bad', uuid: 'uuid-bad', serial: 'SER-BAD', mac: '00:11:22:33:44:20' })
    ).json();
    const stored = async () => (await api('GET', `/machines/${machine}`)).json();
    const before = await stored();

    const absurd = inventoryDocument({ name: 'pc-bad', uuid: 'uuid-bad', serial: 'SER-BAD' });
    (absurd.content.hardware as Record<string, unknown>).memory = -5;
    (absurd.content as Record<string, unknown>).softwares = 'not a list';
    const problem = expectProblem(await agent('inventory', absurd, { token }), 400, 'VALIDATION_FAILED');
    expect(problem.errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining(['content.hardware.memory', 'content.softwares']),
    );

    const huge = inventoryDocument({ name: 'pc-bad' });
    (huge.content as Record<string, unknown>).padding = 'x'.repeat(9 * 1024 * 1024);
    expectProblem(await agent('inventory', huge, { token, gzip: true }), 413);

    const corrupt = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agent/inventory',
      headers: {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        authorization: `Agent ${token}`,
      },
      payload: Buffer.from('this is not gzip at all'),
    });
    expectProblem(corrupt, 400);

    expectProblem(
      await agent('inventory', inventoryDocument(), { token: 'itsm_m_forged' }),
      401,
      'INVALID_MACHINE_TOKEN',
    );
    expectProblem(await agent('inventory', inventoryDocument(), {}), 401, 'INVALID_MACHINE_TOKEN');
    expect(await stored()).toEqual(before);
  });

  it('hands out an instruction once, records its result, and keeps machines apart', async () => {
    const a = (
      await enroll({ name: 'pc-a', uuid: 'uuid-a', serial: 'SER-A', mac: '00:11:22:33:44:30' })
    ).json();
    const b = (
      await enroll({ name: 'pc-b', uuid: 'uuid-b', serial: 'SER-B', mac: '00:11:22:33:44:31' })
    ).json();
    const asked = await api('POST', `/machines/${a.machine}/instructions`, { kind: 'inventory' });
    expect(asked.statusCode, asked.body).toBe(201);
    const instruction = asked.json();
    expect(instruction).toMatchObject({ kind: 'inventory', payload: { full: true }, status: 'pending' });
    // Asking again while it waits gives the same instruction.
    const twice = await api('POST', `/machines/${a.machine}/instructions`, { kind: 'inventory' });
    expect([twice.statusCode, twice.json().id]).toEqual([200, instruction.id]);

    expect(
      (await agent('heartbeat', { agent_version: '0.1.0' }, { token: b.token })).json().instructions,
    ).toEqual([]);
    const beat = (await agent('heartbeat', { agent_version: '0.1.1' }, { token: a.token })).json();
    expect(beat.instructions).toEqual([{ id: instruction.id, kind: 'inventory', payload: { full: true } }]);
    // Sent: not handed out again at the next exchange.
    expect(
      (await agent('heartbeat', { agent_version: '0.1.1' }, { token: a.token })).json().instructions,
    ).toEqual([]);

    // Another machine cannot answer it.
    expectProblem(
      await agent(`instructions/${instruction.id}/result`, { status: 'done' }, { token: b.token }),
      404,
      'INSTRUCTION_NOT_FOUND',
    );
    const done = await agent(
      `instructions/${instruction.id}/result`,
      { status: 'done', result: { sections: 11 } },
      { token: a.token },
    );
    expect(done.statusCode, done.body).toBe(204);
    expect(
      (
        await agent(
          `instructions/${instruction.id}/result`,
          { status: 'failed', error: 'late' },
          { token: a.token },
        )
      ).statusCode,
    ).toBe(204);
    const detail = (await api('GET', `/machines/${a.machine}`)).json();
    expect(detail.agent_version).toBe('0.1.1');
    expect(detail.instructions[0]).toMatchObject({
      id: instruction.id,
      status: 'done',
      result: { sections: 11 },
      error: null,
    });
    expect(Date.parse(detail.last_seen_at)).toBeGreaterThan(Date.now() - 60_000);

    expectProblem(
      await api('POST', `/machines/${a.machine}/instructions`, { kind: 'reboot' }),
      400,
      'VALIDATION_FAILED',
      ['kind'],
    );
    expectProblem(
      await api('POST', `/machines/${a.machine}/instructions`, {
        kind: 'set_intervals',
        payload: { heartbeat_seconds: 1 },
      }),
      400,
      'VALIDATION_FAILED',
      ['payload.heartbeat_seconds'],
    );
  });

  it('opens the employee’s ticket about this machine once, and a machine token alone reads nothing', async () => {
    const { machine, token } = (
      await enroll({ name: 'pc-ticket', uuid: 'uuid-t', serial: 'SER-T', mac: '00:11:22:33:44:40' })
    ).json();
    const employee = await f.user({ structure: lyon });
    const userToken = (await f.token(employee)).authorization?.replace(/^Token /, '') ?? '';
    const send = (headers: Record<string, string>) =>
      agent(
        'tickets',
        { title: 'Écran noir au démarrage', description: 'Depuis ce matin' },
        { token, headers },
      );

    expectProblem(await send({}), 400, 'VALIDATION_FAILED');
    expectProblem(await send({ 'x-user-token': 'itsm_not-a-real-token' }), 401, 'INVALID_TOKEN');
    const temporary = await f.user({ structure: lyon, mustChangePassword: true });
    const temporaryToken = (await f.token(temporary)).authorization?.replace(/^Token /, '') ?? '';
    expectProblem(await send({ 'x-user-token': temporaryToken }), 403, 'PASSWORD_CHANGE_REQUIRED');

    const headers = { 'x-user-token': userToken, 'idempotency-key': 'queue-entry-0000000042' };
    const first = await send(headers);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      machine,
      requester: employee.id,
      source: 'agent',
      title: 'Écran noir au démarrage',
    });
    const replay = await send(headers);
    expect([replay.statusCode, replay.json().id]).toEqual([200, first.json().id]);
    const mine = await apiClient(t.app, { authorization: `Token ${userToken}` })('GET', '/tickets?view=mine');
    expect(mine.json().count).toBe(1);

    for (const url of ['/tickets', '/machines', `/machines/${machine}`, '/auth/me']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1${url}`,
        headers: { authorization: `Token ${token}` },
      });
      expectProblem(res, 401, 'INVALID_TOKEN');
    }
  });
});
