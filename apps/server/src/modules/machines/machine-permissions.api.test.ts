import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/types.js';
import { type ApiClient, apiClient, apiTestApp, created, expectProblem } from '../../test/api-client.js';
import type { Factories, TestUser } from '../../test/factories.js';
import type { TestApp } from '../../test/test-app.js';

// Who may do what to a machine. The tree: A → A1, and B. Admins: everything. A technician of A: the
// machines of A and A1, never B (404, as if they did not exist). A user: only the machines he is the
// main user of, read-only. Enrollment keys: administrators only.
//
// Targets, named from the point of view of the user (a user of A):
//   mine   a machine of A whose main user he is     child  a machine of A1
//   other  a machine of B                           -      no machine (lists, creation, keys)
// For POST /machines, the target is the structure the new machine goes into.

const ROLES = ['admin', 'technician', 'user'] as const;
type Role = (typeof ROLES)[number];
type Target = 'mine' | 'child' | 'other' | '-';

/** endpoint, target, then the status for admin, technician, user. */
type Row = [endpoint: string, target: Target, admin: number, technician: number, user: number];

const MATRIX: Row[] = [
  ['GET /machines/{id}', 'mine', 200, 200, 200],
  ['GET /machines/{id}', 'child', 200, 200, 404],
  ['GET /machines/{id}', 'other', 200, 404, 404],
  ['GET /machines/{id}/software', 'mine', 200, 200, 200],
  ['GET /machines/{id}/software', 'child', 200, 200, 404],
  ['GET /machines/{id}/software', 'other', 200, 404, 404],
  ['GET /machines/{id}/history', 'mine', 200, 200, 200],
  ['GET /machines/{id}/history', 'child', 200, 200, 404],
  ['GET /machines/{id}/history', 'other', 200, 404, 404],
  ['PATCH /machines/{id}', 'mine', 200, 200, 403],
  ['PATCH /machines/{id}', 'child', 200, 200, 404],
  ['PATCH /machines/{id}', 'other', 200, 404, 404],
  ['POST /machines/{id}/instructions', 'mine', 409, 409, 403],
  ['POST /machines/{id}/instructions', 'child', 409, 409, 404],
  ['POST /machines/{id}/instructions', 'other', 409, 404, 404],
  ['DELETE /machines/{id}', 'mine', 204, 403, 403],
  ['DELETE /machines/{id}', 'child', 204, 403, 404],
  ['DELETE /machines/{id}', 'other', 204, 404, 404],
  ['POST /machines', 'mine', 201, 201, 403],
  ['POST /machines', 'child', 201, 201, 403],
  ['POST /machines', 'other', 201, 400, 403],
  ['GET /enrollment-keys', '-', 200, 403, 403],
  ['POST /enrollment-keys', '-', 201, 403, 403],
  ['GET /enrollment-keys/{id}', '-', 200, 403, 403],
  ['PATCH /enrollment-keys/{id}', '-', 200, 403, 403],
  ['POST /enrollment-keys/{id}/revoke', '-', 200, 403, 403],
];

describe('machine permission matrix', () => {
  let t: TestApp;
  let db: Kysely<DB>;
  let f: Factories;
  const as = {} as Record<Role, ApiClient>;
  const s = { A: 0, A1: 0, B: 0 };
  const u = {} as Record<'admin' | 'technician' | 'user' | 'colleague' | 'userB', TestUser>;
  // The fixture machines, by target; DELETE rows get a fresh machine of the target's structure.
  const machines = { mine: 0, child: 0, other: 0 };
  let key = 0;
  let spare = 0;

  /** A machine registered by the administrator, in that structure, with that main user. */
  const newMachine = async (structure: number, hostname: string, main_user: number | null = null) =>
    (
      await created<{ id: number }>(as.admin, '/machines', {
        hostname,
        structure,
        main_user,
        status: 'active',
      })
    ).id;

  beforeAll(async () => {
    ({ t, db, f } = await apiTestApp());
    s.A = (await f.structure({ name: 'Agence A' })).id;
    s.A1 = (await f.structure({ name: 'Antenne A1', parent: s.A })).id;
    s.B = (await f.structure({ name: 'Agence B' })).id;
    u.admin = await f.user({ role: 'admin', structure: s.A });
    u.technician = await f.user({ role: 'technician', structure: s.A });
    u.user = await f.user({ role: 'user', structure: s.A });
    u.colleague = await f.user({ role: 'user', structure: s.A1 });
    u.userB = await f.user({ role: 'user', structure: s.B });
    for (const role of ROLES) as[role] = apiClient(t.app, await f.token(u[role]));
    machines.mine = await newMachine(s.A, 'perm-a', u.user.id);
    machines.child = await newMachine(s.A1, 'perm-a1', u.colleague.id);
    machines.other = await newMachine(s.B, 'perm-b', u.userB.id);
    key = (await created<{ id: number }>(as.admin, '/enrollment-keys', { name: 'Agence A', structure: s.A }))
      .id;
  });
  afterAll(() => t?.close());

  const structureOf = (target: Target) => ({ mine: s.A, child: s.A1, other: s.B, '-': s.A })[target];

  /** The request of a matrix row for one role: method, URL and body. */
  async function request(endpoint: string, target: Target, role: Role) {
    const [method, path] = endpoint.split(' ') as ['GET' | 'POST' | 'PATCH' | 'DELETE', string];
    let id = target === '-' ? key : machines[target];
    if (method === 'DELETE') {
      // The administrator's 204 must not take a fixture away from the next rows.
      id = await newMachine(structureOf(target), `spare-${++spare}`, target === 'mine' ? u.user.id : null);
    }
    const url = path.replace('{id}', String(id));
    const bodies: Record<string, unknown> = {
      'PATCH /machines/{id}': { notes: `Vu par ${role}` },
      // A different interval per role: an identical instruction still waiting would be reused (200).
      'POST /machines/{id}/instructions': {
        kind: 'set_intervals',
        payload: { heartbeat_seconds: 60 + ROLES.indexOf(role) },
      },
      'POST /machines': { hostname: `new-${role}-${target}`, structure: structureOf(target) },
      'POST /enrollment-keys': { name: `Clé ${role}`, structure: s.A },
      'PATCH /enrollment-keys/{id}': { name: `Agence A (${role})` },
    };
    return { method, url, body: bodies[endpoint] };
  }

  it('lists are scoped in SQL: each role gets exactly the machines it may see', async () => {
    const seen: Record<string, string[]> = {};
    for (const role of ROLES) {
      const page = (await as[role]('GET', '/machines?search=perm-&ordering=hostname')).json();
      seen[role] = page.results.map((m: { hostname: string }) => m.hostname);
      expect(page.count).toBe(seen[role]?.length);
    }
    expect(seen).toEqual({
      admin: ['perm-a', 'perm-a1', 'perm-b'],
      technician: ['perm-a', 'perm-a1'],
      user: ['perm-a'],
    });
  });

  it('filters never widen the scope', async () => {
    const count = async (role: Role, query: string) => {
      const res = await as[role]('GET', `/machines?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().count as number;
    };
    expect(await count('technician', `structure=${s.B}`)).toBe(0);
    expect(await count('technician', `structure__in=${s.A1},${s.B}`)).toBe(1);
    expect(await count('technician', `main_user=${u.userB.id}`)).toBe(0);
    expect(await count('technician', 'search=perm-b')).toBe(0);
    expect(await count('technician', 'software=pkg&not_seen_days=1')).toBe(0);
    expect(await count('user', `structure=${s.A1}`)).toBe(0);
    expect(await count('user', `main_user=${u.colleague.id}`)).toBe(0);
    expect(await count('user', 'main_user__isnull=false')).toBe(1);
    expect(await count('admin', `structure=${s.B}`)).toBe(1);
  });

  it('answers each role as the policy says (out of sight: 404, in sight but not allowed: 403)', async () => {
    const answers: string[] = [];
    const expected: string[] = [];
    for (const [endpoint, target, ...statuses] of MATRIX) {
      for (const [i, role] of ROLES.entries()) {
        const { method, url, body } = await request(endpoint, target, role);
        const res = await as[role](method, url, body);
        answers.push(`${role} ${endpoint} ${target} → ${res.statusCode}`);
        expected.push(`${role} ${endpoint} ${target} → ${statuses[i]}`);
      }
    }
    expect(answers).toEqual(expected);
  });

  it('a 404 out of scope reads exactly like a machine that does not exist', async () => {
    const answer = async (id: number) => {
      const {
        instance: _url,
        request_id: _request,
        ...problem
      } = (await as.technician('GET', `/machines/${id}`)).json();
      return problem;
    };
    expect(await answer(machines.other)).toEqual(await answer(999999));
    expect(await answer(machines.other)).toMatchObject({ status: 404, code: 'MACHINE_NOT_FOUND' });
    expectProblem(await as.user('GET', `/machines/${machines.child}/history`), 404, 'MACHINE_NOT_FOUND');
  });

  it('a user reads his machine but cannot change it, register one or instruct its agent', async () => {
    const mine = (await as.user('GET', `/machines/${machines.mine}`)).json();
    expect(mine).toMatchObject({ hostname: 'perm-a', main_user: u.user.id, can_edit: false });
    const before = await db.selectFrom('machines').selectAll().where('id', '=', machines.mine).execute();
    expectProblem(
      await as.user('PATCH', `/machines/${machines.mine}`, { status: 'retired' }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await as.user('PATCH', `/machines/${machines.mine}`, { main_user: null }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await as.user('POST', '/machines', { hostname: 'my-own-pc', structure: s.A }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await as.user('POST', `/machines/${machines.mine}/instructions`, { kind: 'inventory' }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await as.user('DELETE', `/machines/${machines.mine}`), 403, 'FORBIDDEN');
    expect(await db.selectFrom('machines').selectAll().where('id', '=', machines.mine).execute()).toEqual(
      before,
    );
  });

  it('a technician edits a machine of his sub-structure, but not out of his tree nor for a user he cannot see', async () => {
    const id = await newMachine(s.A1, 'perm-a1-moving');
    const stored = () => db.selectFrom('machines').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const before = await stored();
    expect((await as.technician('GET', `/machines/${id}`)).json().can_edit).toBe(true);

    expectProblem(
      await as.technician('PATCH', `/machines/${id}`, { structure: s.B }),
      400,
      'VALIDATION_FAILED',
      ['structure'],
    );
    expectProblem(
      await as.technician('PATCH', `/machines/${id}`, { main_user: u.userB.id }),
      400,
      'VALIDATION_FAILED',
      ['main_user'],
    );
    expectProblem(
      await as.technician('PATCH', `/machines/${id}`, { status: 'retired', structure: s.B }),
      400,
      'VALIDATION_FAILED',
      ['structure'],
    );
    // Registering one elsewhere, or for a user out of sight, is refused the same way.
    expectProblem(
      await as.technician('POST', '/machines', { hostname: 'perm-b-new', structure: s.B }),
      400,
      'VALIDATION_FAILED',
      ['structure'],
    );
    expectProblem(
      await as.technician('POST', '/machines', {
        hostname: 'perm-a-new',
        structure: s.A,
        main_user: u.userB.id,
      }),
      400,
      'VALIDATION_FAILED',
      ['main_user'],
    );
    expect(await stored()).toEqual(before);

    const moved = await as.technician('PATCH', `/machines/${id}`, {
      structure: s.A,
      main_user: u.colleague.id,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ structure: s.A, main_user: u.colleague.id, can_edit: true });
    // Its new main user now sees it; the administrator could move it to B, and then the technician no longer does.
    expect((await apiClient(t.app, await f.token(u.colleague))('GET', `/machines/${id}`)).statusCode).toBe(
      200,
    );
    expect((await as.admin('PATCH', `/machines/${id}`, { structure: s.B })).statusCode).toBe(200);
    expectProblem(await as.technician('GET', `/machines/${id}`), 404, 'MACHINE_NOT_FOUND');
  });

  it('a ticket links only a machine its author may see', async () => {
    const ticket = (api: ApiClient, machine: number) => api('POST', '/tickets', { title: 'Lent', machine });
    expect((await ticket(as.user, machines.mine)).statusCode).toBe(201);
    expectProblem(await ticket(as.user, machines.child), 400, 'VALIDATION_FAILED', ['machine']);
    expect((await ticket(as.technician, machines.child)).statusCode).toBe(201);
    expectProblem(await ticket(as.technician, machines.other), 400, 'VALIDATION_FAILED', ['machine']);
    // The answer for an existing machine out of sight is the one for a machine that does not exist.
    const hidden = expectProblem(await ticket(as.technician, machines.other), 400);
    const missing = expectProblem(await ticket(as.technician, 999999), 400);
    expect(hidden.errors?.[0]?.code).toBe(missing.errors?.[0]?.code);
  });
});
