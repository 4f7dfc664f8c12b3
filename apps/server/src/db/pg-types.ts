import pg from 'pg';

const OID = { int8: 20, date: 1082, timestamp: 1114, timestamptz: 1184 } as const;
const PG_TIMESTAMP = /^(\d{4,}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d+))?(?:([+-]\d{2})(?::?(\d{2}))?)?$/;

/** `2026-11-24 10:00:00.123456+01` → `2026-11-24T09:00:00.123Z`: the same text SQLite stores. */
export function pgTimestampToIso(text: string): string {
  const m = PG_TIMESTAMP.exec(text);
  if (!m) return text; // 'infinity' and friends stay as PostgreSQL wrote them
  const [, day, time, fraction = '', offsetHours, offsetMinutes = '00'] = m;
  const millis = fraction.padEnd(3, '0').slice(0, 3);
  const offset = offsetHours ? `${offsetHours}:${offsetMinutes}` : 'Z';
  return new Date(`${day}T${time}.${millis}${offset}`).toISOString();
}

const parsers: Record<number, (text: string) => unknown> = {
  [OID.int8]: Number, // ids and counts; exact up to 2^53
  [OID.date]: (text) => text, // keep 'YYYY-MM-DD', never a local-midnight Date
  [OID.timestamp]: pgTimestampToIso,
  [OID.timestamptz]: pgTimestampToIso,
};

/** Per-pool type parsers (pg's global registry is left alone). */
export const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    return parsers[oid] ?? pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;
