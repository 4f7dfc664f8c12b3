import type { Role } from '@itsm/contracts';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types.js';
import { hashPassword } from '../../platform/auth/password.js';
import type { Seeder } from '../../seed/seeder.js';

/** Every demo account signs in with this password (demo data only; never on a real instance). */
export const DEMO_PASSWORD = 'demo-itsm-2026';

const STRUCTURES = [
  { code: 'DEMO', name: 'Démo Industries', parent: null },
  { code: 'SIEGE', name: 'Siège', parent: 'DEMO' },
  { code: 'LYON', name: 'Usine de Lyon', parent: 'DEMO' },
  { code: 'ATELIER', name: 'Atelier de maintenance', parent: 'LYON' },
  { code: 'BXL', name: 'Filiale Bruxelles', parent: 'DEMO' },
] as const;

const SITES = [
  { name: 'Paris — La Défense', address: '1 parvis de la Défense\n92800 Puteaux', structure: 'SIEGE' },
  { name: 'Lyon — Gerland', address: '12 avenue Tony Garnier\n69007 Lyon', structure: 'LYON' },
  { name: 'Bruxelles — Louise', address: 'Avenue Louise 54\n1050 Bruxelles', structure: 'BXL' },
] as const;

const GROUPS = [
  { name: 'Support niveau 1', structure: 'DEMO', description: 'Premier contact pour toutes les demandes' },
  { name: 'Réseau et télécoms', structure: 'DEMO', description: 'Réseau, Wi-Fi, téléphonie' },
  { name: 'Informatique industrielle', structure: 'LYON', description: 'Automates, postes d’atelier' },
  { name: 'Support Bruxelles', structure: 'BXL', description: 'Proximité Bruxelles' },
] as const;

type Person = {
  first: string;
  last: string;
  role: Role;
  structure: string;
  site?: string;
  groups?: string[];
  manager?: string;
  locale?: 'fr' | 'en';
};

const PEOPLE: Person[] = [
  { first: 'Claire', last: 'Rousseau', role: 'admin', structure: 'DEMO', site: 'Paris — La Défense' },
  {
    first: 'Julien',
    last: 'Moreau',
    role: 'technician',
    structure: 'DEMO',
    site: 'Paris — La Défense',
    groups: ['Support niveau 1', 'Réseau et télécoms'],
  },
  {
    first: 'Sofia',
    last: 'Benali',
    role: 'technician',
    structure: 'SIEGE',
    site: 'Paris — La Défense',
    groups: ['Support niveau 1'],
  },
  {
    first: 'Marc',
    last: 'Lefèvre',
    role: 'technician',
    structure: 'LYON',
    site: 'Lyon — Gerland',
    groups: ['Informatique industrielle'],
  },
  {
    first: 'Emma',
    last: 'Janssens',
    role: 'technician',
    structure: 'BXL',
    site: 'Bruxelles — Louise',
    groups: ['Support Bruxelles'],
    locale: 'en',
  },
  { first: 'Hélène', last: 'Dubois', role: 'user', structure: 'SIEGE', site: 'Paris — La Défense' },
  {
    first: 'Thomas',
    last: 'Girard',
    role: 'user',
    structure: 'SIEGE',
    site: 'Paris — La Défense',
    manager: 'Hélène Dubois',
  },
  {
    first: 'Léa',
    last: 'Fontaine',
    role: 'user',
    structure: 'SIEGE',
    site: 'Paris — La Défense',
    manager: 'Hélène Dubois',
  },
  { first: 'Nicolas', last: 'Perrin', role: 'user', structure: 'LYON', site: 'Lyon — Gerland' },
  {
    first: 'Camille',
    last: 'Roux',
    role: 'user',
    structure: 'ATELIER',
    site: 'Lyon — Gerland',
    manager: 'Nicolas Perrin',
  },
  {
    first: 'Antoine',
    last: 'Faure',
    role: 'user',
    structure: 'ATELIER',
    site: 'Lyon — Gerland',
    manager: 'Nicolas Perrin',
  },
  {
    first: 'Pieter',
    last: 'De Smet',
    role: 'user',
    structure: 'BXL',
    site: 'Bruxelles — Louise',
    locale: 'en',
  },
  {
    first: 'Inès',
    last: 'Mertens',
    role: 'user',
    structure: 'BXL',
    site: 'Bruxelles — Louise',
    manager: 'Pieter De Smet',
  },
];

const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export const usernameOf = (p: Pick<Person, 'first' | 'last'>) => `@${slug(p.first)}.${slug(p.last)}.demo`;

async function idsBy(
  db: Kysely<DB>,
  table: 'structures' | 'sites' | 'groups' | 'users',
  key: 'code' | 'name' | 'username',
): Promise<Map<string, number>> {
  const { rows } = await sql<{
    id: number;
    key: string;
  }>`select id, ${sql.ref(key)} as key from ${sql.table(table)}`.execute(db);
  return new Map(rows.map((r) => [String(r.key), Number(r.id)]));
}

export const identitySeeder: Seeder = {
  name: 'identity',
  description: 'Structures, sites, groups and demo users of each role',
  async run({ db, now, progress }) {
    const bar = progress('identity', STRUCTURES.length + SITES.length + GROUPS.length + PEOPLE.length);
    const stamp = now().toISOString();
    let created = 0;

    let structures = await idsBy(db, 'structures', 'code');
    for (const s of STRUCTURES) {
      if (!structures.has(s.code)) {
        await db
          .insertInto('structures')
          .values({
            name: s.name,
            code: s.code,
            parent_id: s.parent ? (structures.get(s.parent) ?? null) : null,
            created_at: stamp,
            updated_at: stamp,
          })
          .execute();
        created++;
        structures = await idsBy(db, 'structures', 'code');
      }
      bar.tick();
    }
    const structureId = (code: string) => structures.get(code) as number;

    const sites = await idsBy(db, 'sites', 'name');
    for (const s of SITES) {
      if (!sites.has(s.name)) {
        const row = await db
          .insertInto('sites')
          .values({
            name: s.name,
            address: s.address,
            structure_id: structureId(s.structure),
            created_at: stamp,
            updated_at: stamp,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        sites.set(s.name, row.id);
        created++;
      }
      bar.tick();
    }

    const groups = await idsBy(db, 'groups', 'name');
    for (const g of GROUPS) {
      if (!groups.has(g.name)) {
        const row = await db
          .insertInto('groups')
          .values({
            name: g.name,
            description: g.description,
            structure_id: structureId(g.structure),
            created_at: stamp,
            updated_at: stamp,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        groups.set(g.name, row.id);
        created++;
      }
      bar.tick();
    }

    const hash = await hashPassword(DEMO_PASSWORD);
    const users = await idsBy(db, 'users', 'username');
    const byName = new Map(PEOPLE.map((p) => [`${p.first} ${p.last}`, usernameOf(p)]));
    for (const p of PEOPLE) {
      const username = usernameOf(p);
      if (!users.has(username)) {
        const manager = p.manager ? users.get(byName.get(p.manager) ?? '') : undefined;
        const row = await db
          .insertInto('users')
          .values({
            username,
            email: `${username.slice(1).split('.').slice(0, 2).join('.')}@demo.example`,
            first_name: p.first,
            last_name: p.last,
            role: p.role,
            structure_id: structureId(p.structure),
            site_id: p.site ? (sites.get(p.site) ?? null) : null,
            manager_id: manager ?? null,
            locale: p.locale ?? 'fr',
            password_hash: hash,
            password_changed_at: stamp,
            created_at: stamp,
            updated_at: stamp,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        users.set(username, row.id);
        for (const g of p.groups ?? []) {
          await db
            .insertInto('group_members')
            .values({ group_id: groups.get(g) as number, user_id: row.id, created_at: stamp })
            .execute();
        }
        created++;
      }
      bar.tick();
    }
    bar.stop();
    const sample = PEOPLE.filter((p, i) => i === 0 || p.role !== PEOPLE[i - 1]?.role).map(usernameOf);
    return `${created} created (${STRUCTURES.length} structures, ${SITES.length} sites, ${GROUPS.length} groups, ${PEOPLE.length} users); sign in as ${sample.join(', ')} with password ${DEMO_PASSWORD}`;
  },
};
