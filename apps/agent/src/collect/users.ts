import type { Systeminformation } from 'systeminformation';
import type { ContentPart, ItsmSection, UserItem } from '../inventory/types.js';
import type { CollectContext } from './context.js';
import { clean, compact } from './values.js';

/** The users logged in now (console, terminals, remote sessions). */
export async function collectUsers(ctx: CollectContext): Promise<ContentPart> {
  return mapUsers(await ctx.si.users());
}

export function mapUsers(sessions: Systeminformation.UserData[]): ContentPart {
  const users: UserItem[] = [];
  const seen = new Set<string>();
  const list: NonNullable<ItsmSection['sessions']> = [];
  for (const s of sessions) {
    const raw = clean(s.user);
    if (!raw) continue;
    // Windows gives DOMAIN\login.
    const [domain, login] = raw.includes('\\') ? raw.split('\\', 2) : [undefined, raw];
    if (!login) continue;
    const key = `${domain ?? ''}\\${login}`.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      users.push(compact({ login, domain }));
    }
    const since = [clean(s.date), clean(s.time)].filter(Boolean).join(' ') || undefined;
    list.push(compact({ login: raw, terminal: clean(s.tty), from: clean(s.ip), since }));
  }
  const latest = [...list].sort((a, b) => (b.since ?? '').localeCompare(a.since ?? ''))[0];
  return {
    users,
    hardware: latest ? compact({ lastloggeduser: latest.login, datelastloggeduser: latest.since }) : {},
    itsm: { sessions: list },
  };
}
