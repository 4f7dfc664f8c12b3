import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../db/types.js';
import { type ApiClient, auditOf, created } from '../../../test/api-client.js';
import type { Factories } from '../../../test/factories.js';
import type { TestApp } from '../../../test/test-app.js';
import { configTestApp, refusedIn, targets, uniqueName } from './test-support.js';

type Level = {
  id: number;
  sla: number;
  name: string;
  target: string;
  trigger_share: number | null;
  notify: string[];
  reassign_group: number | null;
  priority_raise: number;
};
type Rule = { id: number; position: number; category: number | null; structure: number | null };

describe('escalation levels, SLA rules and assignment rules API', () => {
  let t: TestApp;
  let db: Kysely<DB>;
  let f: Factories;
  let api: ApiClient;
  let techApi: ApiClient;
  let refused: ReturnType<typeof refusedIn>;
  let structure: number;
  let group: number;
  let sla: number;
  let category: number;

  const newSla = async () =>
    (await created<{ id: number }>(api, '/slas', { name: uniqueName('SLA'), targets: targets() })).id;
  const ids = async (client: ApiClient, url: string) =>
    (await client('GET', url)).json().results.map((r: { id: number }) => r.id);

  beforeAll(async () => {
    ({ t, db, f, api, techApi, structure } = await configTestApp());
    refused = refusedIn(db, api);
    group = (await f.group({ structure })).id;
    sla = await newSla();
    category = (await created<{ id: number }>(api, '/ticket-categories', { name: uniqueName('Matériel') }))
      .id;
  });
  afterAll(() => t?.close());

  describe('escalation levels', () => {
    it('creates levels of an SLA, lists them by SLA, changes and deletes them', async () => {
      const warn = await created<Level>(api, '/escalation-levels', {
        sla,
        name: '75 %',
        trigger_share: 0.75,
      });
      expect(warn).toMatchObject({
        sla,
        target: 'resolution',
        trigger_share: 0.75,
        notify: ['assignee'],
        reassign_group: null,
        priority_raise: 0,
      });
      const breach = await created<Level>(api, '/escalation-levels', {
        sla,
        name: 'Dépassement',
        notify: ['group', 'manager', 'group'],
        reassign_group: group,
        priority_raise: 1,
      });
      expect(breach).toMatchObject({
        trigger_share: null,
        notify: ['group', 'manager'],
        reassign_group: group,
      });
      await created<Level>(api, '/escalation-levels', { sla: await newSla(), name: 'Ailleurs' });
      expect(await ids(techApi, `/escalation-levels?sla=${sla}`)).toEqual([warn.id, breach.id]);
      expect(await ids(techApi, `/escalation-levels?sla=${sla}&ordering=-trigger_share`)).toEqual([
        warn.id,
        breach.id,
      ]);

      // PATCH sends only what changes; the trigger may move to the breach.
      const patched = await api('PATCH', `/escalation-levels/${warn.id}`, {
        trigger_share: null,
        priority_raise: 2,
      });
      expect(patched.json()).toMatchObject({ trigger_share: null, priority_raise: 2, notify: ['assignee'] });
      const audit = await auditOf(api, 'escalation_level', warn.id);
      expect(audit[1]?.changes).toEqual({
        trigger_share: { before: 0.75, after: null },
        priority_raise: { before: 0, after: 2 },
      });
      expect((await api('DELETE', `/escalation-levels/${warn.id}`)).statusCode).toBe(204);
      expect(await ids(api, `/escalation-levels?sla=${sla}`)).toEqual([breach.id]);
    });

    it('refuses a level for nothing, or pointing nowhere, naming the field', async () => {
      const url = '/escalation-levels';
      await refused(
        'POST',
        url,
        { sla: 999_999, name: 'X', reassign_group: 999_999 },
        400,
        'VALIDATION_FAILED',
        ['sla', 'reassign_group'],
      );
      await refused('POST', url, { sla, name: 'Rien', notify: [] }, 400, 'VALIDATION_FAILED', ['notify']);
      await refused(
        'POST',
        url,
        { sla, name: 'X', notify: ['boss'], trigger_share: 0 },
        400,
        'VALIDATION_FAILED',
        ['notify.0', 'trigger_share'],
      );
      const level = await created<Level>(api, url, { sla, name: 'Notifier' });
      await refused('PATCH', `${url}/${level.id}`, { notify: [] }, 400, 'VALIDATION_FAILED', ['notify']);
      // Its SLA is fixed: move a level by creating it on the other SLA.
      await refused('PATCH', `${url}/${level.id}`, { sla: await newSla() }, 400, 'VALIDATION_FAILED', [
        'sla',
      ]);
      await refused('GET', `${url}/999999`, undefined, 404, 'ESCALATION_LEVEL_NOT_FOUND');
    });

    it('goes with its SLA', async () => {
      const doomed = await newSla();
      const level = await created<Level>(api, '/escalation-levels', { sla: doomed, name: 'Orphelin' });
      expect((await api('DELETE', `/slas/${doomed}`)).statusCode).toBe(204);
      expect((await api('GET', `/escalation-levels/${level.id}`)).statusCode).toBe(404);
    });
  });

  describe('SLA rules and assignment rules', () => {
    it('places a new rule after the last one unless told, and lists by position then id', async () => {
      const first = await created<Rule>(api, '/sla-rules', { sla, category });
      const second = await created<Rule>(api, '/sla-rules', { sla, priority: 5 });
      expect(second.position).toBe(first.position + 10);
      const early = await created<Rule>(api, '/sla-rules', { sla, structure, position: first.position });
      const catchAll = await created<Rule>(api, '/sla-rules', { sla: await newSla() });
      expect(catchAll).toMatchObject({ category: null, structure: null, priority: null });
      expect(await ids(techApi, '/sla-rules')).toEqual([first.id, early.id, second.id, catchAll.id]);
      expect(await ids(techApi, `/sla-rules?sla=${sla}&priority__isnull=true`)).toEqual([first.id, early.id]);
      expect(await ids(techApi, `/sla-rules?category=${category}`)).toEqual([first.id]);

      const moved = await api('PATCH', `/sla-rules/${catchAll.id}`, { position: 0, sla });
      expect(moved.json()).toMatchObject({ position: 0, sla });
      expect((await ids(api, '/sla-rules'))[0]).toBe(catchAll.id);
      expect((await auditOf(api, 'sla_rule', catchAll.id)).at(-1)?.action).toBe('sla_rule.updated');
    });

    it('checks that every criterion given exists', async () => {
      await refused(
        'POST',
        '/sla-rules',
        { sla: 999_999, category: 999_999, structure: 999_999 },
        400,
        'VALIDATION_FAILED',
        ['sla', 'category', 'structure'],
      );
      await refused('POST', '/sla-rules', { sla, priority: 6 }, 400, 'VALIDATION_FAILED', ['priority']);
      await refused('POST', '/sla-rules', {}, 400, 'VALIDATION_FAILED', ['sla']);
      const rule = await created<Rule>(api, '/sla-rules', { sla });
      await refused('PATCH', `/sla-rules/${rule.id}`, { category: 999_999 }, 400, 'VALIDATION_FAILED', [
        'category',
      ]);
      expect((await api('PATCH', `/sla-rules/${rule.id}`, { category: null })).statusCode).toBe(200);
      expect((await api('DELETE', `/sla-rules/${rule.id}`)).statusCode).toBe(204);
      await refused('DELETE', `/sla-rules/${rule.id}`, undefined, 404, 'SLA_RULE_NOT_FOUND');
    });

    it('sends tickets of a category and structure to a group that must exist', async () => {
      const url = '/assignment-rules';
      await refused('POST', url, { category, group: 999_999 }, 400, 'VALIDATION_FAILED', ['group']);
      await refused('POST', url, { category }, 400, 'VALIDATION_FAILED', ['group']);
      await refused('POST', url, { group, structure: 999_999 }, 400, 'VALIDATION_FAILED', ['structure']);
      const rule = await created<Rule & { group: number; is_member_picked: boolean }>(api, url, {
        category,
        structure,
        group,
      });
      expect(rule).toMatchObject({ category, structure, group, is_member_picked: true, position: 10 });
      const next = await created<Rule>(api, url, { group, is_member_picked: false });
      expect(next.position).toBe(20);
      const patched = await api('PATCH', `${url}/${rule.id}`, { structure: null });
      expect(patched.json()).toMatchObject({ structure: null, is_member_picked: true, group });
      expect(await ids(techApi, `${url}?group=${group}&structure__isnull=true`)).toEqual([rule.id, next.id]);
      expect((await techApi('PATCH', `${url}/${rule.id}`, { position: 1 })).statusCode).toBe(403);
      // A rule goes with the category it matches.
      const other = await created<{ id: number }>(api, '/ticket-categories', {
        name: uniqueName('Éphémère'),
      });
      const bound = await created<Rule>(api, url, { category: other.id, group });
      expect((await api('DELETE', `/ticket-categories/${other.id}`)).statusCode).toBe(204);
      await refused('GET', `${url}/${bound.id}`, undefined, 404, 'ASSIGNMENT_RULE_NOT_FOUND');
    });
  });
});
