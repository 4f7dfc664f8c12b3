import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from './database-url.js';

describe('parseDatabaseUrl', () => {
  it('reads SQLite paths and the in-memory database', () => {
    expect(parseDatabaseUrl('sqlite:./data/itsm.db')).toEqual({
      dialect: 'sqlite',
      filename: './data/itsm.db',
    });
    expect(parseDatabaseUrl('sqlite:///var/lib/itsm/itsm.db')).toEqual({
      dialect: 'sqlite',
      filename: '/var/lib/itsm/itsm.db',
    });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ dialect: 'sqlite', filename: ':memory:' });
  });

  it('reads PostgreSQL URLs with an optional pool size', () => {
    expect(parseDatabaseUrl('postgres://u:p@db:5432/itsm?pool_size=20')).toEqual({
      dialect: 'postgres',
      connectionString: 'postgres://u:p@db:5432/itsm',
      poolSize: 20,
    });
    expect(parseDatabaseUrl('postgresql://db/itsm')).toMatchObject({ poolSize: 10 });
  });

  it('rejects other schemes and bad pool sizes', () => {
    expect(() => parseDatabaseUrl('mysql://db/itsm')).toThrow(/sqlite:.*postgres/);
    expect(() => parseDatabaseUrl('sqlite:')).toThrow(/needs a file path/);
    expect(() => parseDatabaseUrl('postgres://db/itsm?pool_size=0')).toThrow(/pool_size/);
  });
});
