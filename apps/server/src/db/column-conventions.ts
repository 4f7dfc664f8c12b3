// How the two dialects return identical values: see docs/adr/0001-storage-types.md.
// A column's name says how it is stored, so that SQLite results can be decoded without a schema.

/** Boolean columns are named is_*, has_*, must_* or can_* (SQLite stores 0/1, PostgreSQL boolean). */
export function isBooleanColumn(name: string): boolean {
  return /^(is|has|must|can)_/.test(name);
}

/** JSON columns end in _json (SQLite stores text, PostgreSQL jsonb). */
export function isJsonColumn(name: string): boolean {
  return name.endsWith('_json');
}

/** Serialises a value for a JSON column; works on both dialects (pg would turn arrays into SQL arrays). */
export function toJson(value: unknown): string {
  return JSON.stringify(value);
}
