export type ConnectionTarget =
  | { dialect: 'sqlite'; filename: string }
  | { dialect: 'postgres'; connectionString: string; poolSize: number };

const DEFAULT_POOL_SIZE = 10;

/** `sqlite:./data/itsm.db`, `sqlite::memory:`, `sqlite:///abs/path.db`, `postgres://…?pool_size=20`. */
export function parseDatabaseUrl(url: string): ConnectionTarget {
  if (url.startsWith('sqlite:')) {
    const rest = url.slice('sqlite:'.length);
    const filename = rest === ':memory:' ? ':memory:' : rest.replace(/^\/\//, '');
    if (!filename) throw new Error('DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:./data/itsm.db');
    return { dialect: 'sqlite', filename };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const parsed = new URL(url);
    const poolSize = Number(parsed.searchParams.get('pool_size') ?? DEFAULT_POOL_SIZE);
    parsed.searchParams.delete('pool_size');
    if (!Number.isInteger(poolSize) || poolSize < 1) throw new Error('DATABASE_URL pool_size must be >= 1');
    return { dialect: 'postgres', connectionString: parsed.toString(), poolSize };
  }
  throw new Error('DATABASE_URL must start with "sqlite:" or "postgres://"');
}
