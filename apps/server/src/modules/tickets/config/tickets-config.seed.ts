import type { Kysely } from 'kysely';
import { toJson } from '../../../db/column-conventions.js';
import type { ApprovalKind } from '../../../db/tickets-tables.js';
import type { DB } from '../../../db/types.js';
import type { Seeder } from '../../../seed/seeder.js';

// The demo help desk configuration: a Paris business calendar, two SLAs with escalation levels, a
// French category tree, assignment rules to the demo groups of identity.seed.ts, canned responses.

export const DEMO_CALENDAR = 'Heures ouvrées Paris';

const day = [
  { start: '09:00', end: '12:30' },
  { start: '13:30', end: '18:00' },
];
const OFFICE_HOURS = { '1': day, '2': day, '3': day, '4': day, '5': day };

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm), as a UTC date. */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, dayOfMonth));
}

/** The eleven French public holidays of a year, YYYY-MM-DD, in date order. */
export function frenchHolidays(year: number): string[] {
  const easter = easterSunday(year).getTime();
  const afterEaster = (days: number) => new Date(easter + days * 86_400_000).toISOString().slice(0, 10);
  const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'].map(
    (md) => `${year}-${md}`,
  );
  // Easter Monday, Ascension Thursday, Whit Monday.
  return [...fixed, afterEaster(1), afterEaster(39), afterEaster(50)].sort();
}

const targets = (pairs: Array<[number, number]>) =>
  Object.fromEntries(
    pairs.map(([first, resolution], i) => [
      String(5 - i),
      { first_response_minutes: first, resolution_minutes: resolution },
    ]),
  );

// Priority 5 (highest) first; minutes of working time.
const SLAS = [
  {
    name: 'Standard',
    description: 'Engagement de service par défaut, en heures ouvrées',
    is_default: true,
    targets: targets([
      [30, 240],
      [60, 480],
      [120, 960],
      [240, 1440],
      [480, 2400],
    ]),
    warning_shares: [0.75, 1],
  },
  {
    name: 'VIP',
    description: 'Incidents critiques : délais réduits de moitié',
    is_default: false,
    targets: targets([
      [15, 120],
      [30, 240],
      [60, 480],
      [120, 720],
      [240, 1440],
    ]),
    warning_shares: [0.5, 0.75, 1],
  },
] as const;

const LEVELS = [
  { sla: 'Standard', name: 'Alerte à 75 %', trigger_share: 0.75, notify: ['assignee'], priority_raise: 0 },
  {
    sla: 'Standard',
    name: 'Dépassement',
    trigger_share: null,
    notify: ['group', 'manager'],
    priority_raise: 1,
  },
] as const;

type CategorySeed = {
  name: string;
  parent?: string;
  group?: string;
  template?: string;
  approval?: ApprovalKind;
};

const CATEGORIES: CategorySeed[] = [
  { name: 'Matériel', group: 'Support niveau 1' },
  {
    name: 'Poste de travail',
    parent: 'Matériel',
    template: '**Nom du poste** (étiquette) :\n\n**Ce qui ne fonctionne pas** :\n',
  },
  {
    name: 'Imprimante',
    parent: 'Matériel',
    template: '**Imprimante** (modèle, emplacement) :\n\n**Message affiché** :\n',
  },
  { name: 'Téléphone', parent: 'Matériel', group: 'Réseau et télécoms' },
  { name: 'Logiciel', group: 'Support niveau 1' },
  { name: 'Bureautique', parent: 'Logiciel' },
  { name: 'Messagerie', parent: 'Logiciel' },
  { name: 'Métier', parent: 'Logiciel', template: '**Application** :\n\n**Étapes pour reproduire** :\n' },
  { name: 'Accès', group: 'Support niveau 1' },
  { name: 'Compte', parent: 'Accès' },
  {
    name: 'VPN',
    parent: 'Accès',
    approval: 'manager',
    template: '**Motif de l’accès distant** :\n\n**Jusqu’à quand** :\n',
  },
  { name: 'Réseau', group: 'Réseau et télécoms' },
];

/** Critical tickets get the VIP targets; the others fall back on the default SLA. */
const SLA_RULES = [{ sla: 'VIP', priority: 5 }] as const;

/** First match by position wins: the specific rules come before the general ones. */
const ASSIGNMENT_RULES: Array<{ category?: string; structure?: string; group: string }> = [
  { structure: 'BXL', group: 'Support Bruxelles' },
  { category: 'Matériel', structure: 'LYON', group: 'Informatique industrielle' },
  { category: 'Téléphone', group: 'Réseau et télécoms' },
  { category: 'Réseau', group: 'Réseau et télécoms' },
  { category: 'Matériel', group: 'Support niveau 1' },
  { category: 'Logiciel', group: 'Support niveau 1' },
  { category: 'Accès', group: 'Support niveau 1' },
  { group: 'Support niveau 1' },
];

const CANNED_RESPONSES = [
  {
    title: 'Accusé de réception',
    body: 'Bonjour,\n\nNous avons bien reçu votre demande et la traitons dans les meilleurs délais.\n\nCordialement,\nLe support informatique',
  },
  {
    title: 'Demande de précisions',
    body: 'Bonjour,\n\nPour avancer, pourriez-vous nous préciser le message d’erreur exact et, si possible, joindre une capture d’écran ?\n\nMerci,\nLe support informatique',
  },
] as const;

async function idsByName(db: Kysely<DB>, table: 'groups' | 'slas' | 'business_calendars') {
  const rows = await db.selectFrom(table).select(['id', 'name']).execute();
  return new Map(rows.map((r) => [r.name, r.id]));
}

export const ticketsConfigSeeder: Seeder = {
  name: 'tickets-config',
  description: 'Help desk configuration: business calendar, SLAs, escalation, categories, assignment rules',
  async run({ db, now, progress }) {
    const total =
      1 +
      SLAS.length +
      LEVELS.length +
      CATEGORIES.length +
      SLA_RULES.length +
      ASSIGNMENT_RULES.length +
      CANNED_RESPONSES.length;
    const bar = progress('tickets-config', total);
    const stamp = now().toISOString();
    const times = { created_at: stamp, updated_at: stamp };
    let created = 0;

    const calendars = await idsByName(db, 'business_calendars');
    if (!calendars.has(DEMO_CALENDAR)) {
      const row = await db
        .insertInto('business_calendars')
        .values({
          name: DEMO_CALENDAR,
          time_zone: 'Europe/Paris',
          hours_json: toJson(OFFICE_HOURS),
          holidays_json: toJson([...frenchHolidays(2026), ...frenchHolidays(2027)]),
          ...times,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      calendars.set(DEMO_CALENDAR, row.id);
      created++;
    }
    bar.tick();

    const slas = await idsByName(db, 'slas');
    const hasDefault = await db
      .selectFrom('slas')
      .select('id')
      .where('is_default', '=', true)
      .executeTakeFirst();
    for (const s of SLAS) {
      if (!slas.has(s.name)) {
        const row = await db
          .insertInto('slas')
          .values({
            name: s.name,
            description: s.description,
            calendar_id: calendars.get(DEMO_CALENDAR) ?? null,
            targets_json: toJson(s.targets),
            warning_shares_json: toJson(s.warning_shares),
            // Never a second default next to one an administrator chose.
            is_default: s.is_default && !hasDefault,
            ...times,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        slas.set(s.name, row.id);
        created++;
      }
      bar.tick();
    }

    const levels = await db.selectFrom('escalation_levels').select(['sla_id', 'name']).execute();
    for (const l of LEVELS) {
      const sla = slas.get(l.sla) as number;
      if (!levels.some((e) => e.sla_id === sla && e.name === l.name)) {
        await db
          .insertInto('escalation_levels')
          .values({
            sla_id: sla,
            name: l.name,
            target: 'resolution',
            trigger_share: l.trigger_share,
            notify_json: toJson(l.notify),
            priority_raise: l.priority_raise,
            ...times,
          })
          .execute();
        created++;
      }
      bar.tick();
    }

    const groups = await idsByName(db, 'groups');
    const existing = await db.selectFrom('ticket_categories').select(['id', 'name', 'parent_id']).execute();
    const categories = new Map<string, number>();
    for (const c of CATEGORIES) {
      const parent = c.parent ? (categories.get(c.parent) ?? null) : null;
      const found = existing.find((e) => e.name === c.name && e.parent_id === parent);
      if (found) categories.set(c.name, found.id);
      else {
        const row = await db
          .insertInto('ticket_categories')
          .values({
            name: c.name,
            parent_id: parent,
            default_group_id: c.group ? (groups.get(c.group) ?? null) : null,
            description_template: c.template ?? null,
            approval: c.approval ?? 'none',
            ...times,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        categories.set(c.name, row.id);
        created++;
      }
      bar.tick();
    }

    const slaRules = await db.selectFrom('sla_rules').selectAll().execute();
    for (const r of SLA_RULES) {
      const sla = slas.get(r.sla) as number;
      const known = slaRules.some(
        (e) =>
          e.sla_id === sla && e.priority === r.priority && e.category_id === null && e.structure_id === null,
      );
      if (!known) {
        const last = Math.max(0, ...slaRules.map((e) => e.position));
        await db
          .insertInto('sla_rules')
          .values({ position: last + 10, sla_id: sla, priority: r.priority, ...times })
          .execute();
        created++;
      }
      bar.tick();
    }

    const structures = new Map(
      (await db.selectFrom('structures').select(['id', 'code']).execute()).map((s) => [s.code, s.id]),
    );
    const rules = await db.selectFrom('assignment_rules').selectAll().execute();
    let position = Math.max(0, ...rules.map((r) => r.position));
    for (const r of ASSIGNMENT_RULES) {
      const group = groups.get(r.group);
      const category = r.category ? (categories.get(r.category) ?? null) : null;
      const structure = r.structure ? (structures.get(r.structure) ?? null) : null;
      const known = rules.some(
        (e) => e.group_id === group && e.category_id === category && e.structure_id === structure,
      );
      // Without identity's demo groups and structures, the rule would mean something else: left out.
      if (group !== undefined && !known && (structure !== null || !r.structure)) {
        position += 10;
        await db
          .insertInto('assignment_rules')
          .values({ position, category_id: category, structure_id: structure, group_id: group, ...times })
          .execute();
        created++;
      }
      bar.tick();
    }

    const canned = await db
      .selectFrom('canned_responses')
      .select('title')
      .where('owner_id', 'is', null)
      .execute();
    for (const c of CANNED_RESPONSES) {
      if (!canned.some((e) => e.title === c.title)) {
        await db
          .insertInto('canned_responses')
          .values({ title: c.title, body: c.body, owner_id: null, ...times })
          .execute();
        created++;
      }
      bar.tick();
    }
    bar.stop();
    return `${created} created (1 calendar, ${SLAS.length} SLAs, ${LEVELS.length} escalation levels, ${CATEGORIES.length} categories, ${SLA_RULES.length} SLA rule, ${ASSIGNMENT_RULES.length} assignment rules, ${CANNED_RESPONSES.length} canned responses)`;
  },
};
