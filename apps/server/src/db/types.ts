// Table types, one interface per table; modules add theirs here as their migrations land.
// Timestamps are ISO-8601 UTC strings; see docs/adr/0001-storage-types.md.

export interface AppSettingsTable {
  key: string;
  value_json: unknown;
  updated_at: string;
}

export interface DB {
  app_settings: AppSettingsTable;
}
