import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/types.js';
import {
  type ApiClient,
  adminOf,
  apiTestApp,
  auditOf,
  created,
  expectProblem,
} from '../../test/api-client.js';
import type { TestUser } from '../../test/factories.js';
import { type MovableClock, movableClock, type TestApp } from '../../test/test-app.js';
import { inventoryDocument } from './test-inventory.js';

type Key = {
  id: number;
  key?: string;
  key_hint: string;
  name: string;
  expires_at: string | null;
  max_uses: number | null;
  uses: number;
  last_used_at: string | null;
  revoked_at: string | null;
  is_usable: boolean;
};

// Enrollment keys decide where new machines land: shown once, then only by their hint; usable until
// revoked, expired or used up. Time is the app's clock, moved by the test.
describe('enrollment keys', () => {
  let t: TestApp;
  let db: Kysely<DB>;
  let api: ApiClient;
  let admin: TestUser;
  let clock: MovableClock;
  let lyon: number;
  let site: number;
  let machines = 0;

  const inHours = (hours: number) => new Date(clock.now().getTime() + hours * 3_600_000).toISOString();
  const newKey = (body: Record<string, unknown> = {}) =>
    created<Key & { key: string }>(api, '/enrollment-keys', {
      name: 'Postes de Lyon',
      structure: lyon,
      ...body,
    });
  const read = async (id: number): Promise<Key> => (await api('GET', `/enrollment-keys/${id}`)).json();
  /** Enrols a brand-new machine (new hardware each time) with this key: the HTTP status. */
  const enrol = async (key: string) => {
    const n = ++machines;
    const hw = {
      name: `pc-${n}`,
      uuid: `uuid-${n}`,
      serial: `SER-${n}`,
      mac: `00:11:22:33:00:${String(n).padStart(2, '0')}`,
    };
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agent/enroll',
      payload: { key, agent_version: '0.1.0', inventory: inventoryDocument(hw, 1) },
    });
    return res.statusCode;
  };

  beforeAll(async () => {
    clock = movableClock();
    const { f, ...app } = await apiTestApp({ clock: clock.now });
    ({ t, db } = app);
    lyon = (await f.structure({ name: 'Usine de Lyon' })).id;
    site = (await f.site({ structure: lyon, name: 'Bâtiment A' })).id;
    ({ api, admin } = await adminOf(t.app, lyon));
  });
  afterAll(() => t?.close());

  it('answers the key once at creation; lists and reads show only its hint; audited', async () => {
    const made = await newKey({ site, max_uses: 10, expires_at: inHours(24 * 30) });
    expect(made.key).toMatch(/^itsm_ek_.{20,}$/);
    expect(made).toMatchObject({
      name: 'Postes de Lyon',
      key_hint: made.key.slice(0, 12),
      structure: lyon,
      structure_name: 'Usine de Lyon',
      site,
      site_name: 'Bâtiment A',
      max_uses: 10,
      uses: 0,
      revoked_at: null,
      is_usable: true,
      created_by: admin.id,
    });

    const one = await api('GET', `/enrollment-keys/${made.id}`);
    const list = await api('GET', '/enrollment-keys');
    for (const res of [one, list]) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).not.toContain(made.key);
      expect(res.body).toContain(made.key_hint);
    }
    expect(one.json()).not.toHaveProperty('key');
    const row = await db
      .selectFrom('enrollment_keys')
      .selectAll()
      .where('id', '=', made.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(made.key);

    expect(await auditOf(api, 'enrollment_key', made.id)).toEqual([
      expect.objectContaining({
        action: 'enrollment_key.created',
        actor: admin.id,
        target_label: 'Postes de Lyon',
      }),
    ]);
  });

  it('refuses bad creations naming the field', async () => {
    const post = (body: Record<string, unknown>) => api('POST', '/enrollment-keys', body);
    expectProblem(await post({ structure: lyon }), 400, 'VALIDATION_FAILED', ['name']);
    expectProblem(await post({ name: 'x', structure: 999_999, site: 999_998 }), 400, 'VALIDATION_FAILED', [
      'structure',
      'site',
    ]);
    expectProblem(
      await post({ name: 'x', structure: lyon, expires_at: inHours(-1) }),
      400,
      'VALIDATION_FAILED',
      ['expires_at'],
    );
    expectProblem(
      await post({ name: 'x', structure: lyon, expires_at: 'tomorrow' }),
      400,
      'VALIDATION_FAILED',
      ['expires_at'],
    );
    expectProblem(await post({ name: 'x', structure: lyon, max_uses: 0 }), 400, 'VALIDATION_FAILED', [
      'max_uses',
    ]);
    expectProblem(await api('GET', '/enrollment-keys/999999'), 404, 'ENROLLMENT_KEY_NOT_FOUND');
  });

  it('updates name, site, expiry (future only) and maximum uses; audited; a no-op writes nothing', async () => {
    const { id } = await newKey();
    const expiry = new Date(clock.now().getTime() + 7 * 86_400_000);
    // An offset is accepted and stored in UTC.
    const withOffset = `${new Date(expiry.getTime() + 2 * 3_600_000).toISOString().slice(0, 19)}+02:00`;
    const patch = { name: 'Postes du bâtiment A', site, expires_at: withOffset, max_uses: 5 };
    const res = await api('PATCH', `/enrollment-keys/${id}`, patch);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Postes du bâtiment A',
      site,
      site_name: 'Bâtiment A',
      max_uses: 5,
      is_usable: true,
    });
    expect(Date.parse(res.json().expires_at)).toBe(Math.floor(expiry.getTime() / 1000) * 1000);
    expect(res.json()).not.toHaveProperty('key');

    expectProblem(
      await api('PATCH', `/enrollment-keys/${id}`, { expires_at: inHours(-1) }),
      400,
      'VALIDATION_FAILED',
      ['expires_at'],
    );
    expectProblem(await api('PATCH', `/enrollment-keys/${id}`, { site: 999_999 }), 400, 'VALIDATION_FAILED', [
      'site',
    ]);
    expectProblem(await api('PATCH', `/enrollment-keys/${id}`, { max_uses: 0 }), 400, 'VALIDATION_FAILED', [
      'max_uses',
    ]);
    // A key stays in the structure it was made for.
    expectProblem(
      await api('PATCH', `/enrollment-keys/${id}`, { structure: lyon }),
      400,
      'VALIDATION_FAILED',
    );
    expect(await read(id)).toMatchObject({ name: 'Postes du bâtiment A', max_uses: 5 });

    const audit = await auditOf(api, 'enrollment_key', id);
    expect(audit.map((e) => e.action)).toEqual(['enrollment_key.created', 'enrollment_key.updated']);
    expect(audit[1]?.changes).toMatchObject({
      name: { before: 'Postes de Lyon', after: 'Postes du bâtiment A' },
      site: { before: null, after: site },
      max_uses: { before: null, after: 5 },
    });
    // The same values again (the expiry written in UTC this time): nothing changes, nothing is audited.
    const again = await api('PATCH', `/enrollment-keys/${id}`, {
      ...patch,
      expires_at: res.json().expires_at,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(await auditOf(api, 'enrollment_key', id)).toHaveLength(2);

    // No expiry, no limit.
    const open = await api('PATCH', `/enrollment-keys/${id}`, { expires_at: null, max_uses: null });
    expect(open.json()).toMatchObject({ expires_at: null, max_uses: null, is_usable: true });
  });

  it('revoking is idempotent: once revoked, a key enrols nothing, and the revocation is audited once', async () => {
    const made = await newKey();
    const revoked = await api('POST', `/enrollment-keys/${made.id}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ is_usable: false });
    expect(revoked.json().revoked_at).not.toBeNull();
    clock.advance(5);
    const twice = await api('POST', `/enrollment-keys/${made.id}/revoke`);
    expect([twice.statusCode, twice.json().revoked_at]).toEqual([200, revoked.json().revoked_at]);
    expect(await enrol(made.key)).toBe(401);
    expect((await read(made.id)).uses).toBe(0);
    const audit = await auditOf(api, 'enrollment_key', made.id);
    expect(audit.map((e) => e.action)).toEqual(['enrollment_key.created', 'enrollment_key.revoked']);
  });

  it('is usable until it expires or its uses run out', async () => {
    const expiring = await newKey({ expires_at: inHours(1) });
    expect(await enrol(expiring.key)).toBe(201);
    clock.advance(61);
    expect((await read(expiring.id)).is_usable).toBe(false);
    expect(await enrol(expiring.key)).toBe(401);
    // Its expiry can only be pushed into the future.
    expectProblem(
      await api('PATCH', `/enrollment-keys/${expiring.id}`, { expires_at: inHours(-0.5) }),
      400,
      'VALIDATION_FAILED',
      ['expires_at'],
    );
    expect(
      (await api('PATCH', `/enrollment-keys/${expiring.id}`, { expires_at: inHours(1) })).json().is_usable,
    ).toBe(true);
    expect(await enrol(expiring.key)).toBe(201);

    const once = await newKey({ max_uses: 1 });
    expect(await enrol(once.key)).toBe(201);
    const used = await read(once.id);
    expect(used).toMatchObject({ uses: 1, is_usable: false });
    expect(used.last_used_at).not.toBeNull();
    expect(await enrol(once.key)).toBe(401);
    expect((await api('PATCH', `/enrollment-keys/${once.id}`, { max_uses: 2 })).json().is_usable).toBe(true);
    expect(await enrol(once.key)).toBe(201);
    expect(await read(once.id)).toMatchObject({ uses: 2, is_usable: false });
  });
});
