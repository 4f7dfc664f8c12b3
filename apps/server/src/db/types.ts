import type { Generated } from 'kysely';
import type { KnowledgeTables } from './knowledge-tables.js';
import type { MachineTables } from './machines-tables.js';
import type { TicketTables } from './tickets-tables.js';

// Table types, one interface per table; modules add theirs here as their migrations land.
// Timestamps are ISO-8601 UTC strings; see docs/adr/0001-storage-types.md.

export interface AppSettingsTable {
  key: string;
  value_json: unknown;
  updated_at: string;
}

/** Revision per cached configuration, bumped by triggers (migration 20261124150000). */
export interface ConfigRevisionsTable {
  name: string;
  revision: number;
}

export interface StructuresTable {
  id: Generated<number>;
  name: string;
  code: string;
  description: string | null;
  parent_id: number | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface SitesTable {
  id: Generated<number>;
  name: string;
  address: string | null;
  structure_id: number;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface GroupsTable {
  id: Generated<number>;
  name: string;
  description: string | null;
  email: string | null;
  structure_id: number;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export type Role = 'admin' | 'technician' | 'user';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  email: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  role: Role;
  structure_id: number | null;
  site_id: number | null;
  manager_id: number | null;
  locale: Generated<string>;
  is_active: Generated<boolean>;
  password_hash: string | null;
  must_change_password: Generated<boolean>;
  password_changed_at: string | null;
  is_mfa_enabled: Generated<boolean>;
  mfa_secret: string | null;
  mfa_pending_secret: string | null;
  mfa_last_time_step: number | null;
  last_login_at: string | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface GroupMembersTable {
  group_id: number;
  user_id: number;
  created_at: Generated<string>;
}

export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Generated<string>;
  last_seen_at: Generated<string>;
  expires_at: string;
}

export type ApiTokenKind = 'personal' | 'login';

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  kind: ApiTokenKind;
  token_hash: string;
  token_prefix: string;
  expires_at: string | null;
  last_used_at: string | null;
  last_used_ip: string | null;
  created_at: Generated<string>;
}

export type OneTimeTokenPurpose = 'password_reset' | 'invitation';

export interface OneTimeTokensTable {
  id: Generated<number>;
  user_id: number;
  purpose: OneTimeTokenPurpose;
  token_hash: string;
  expires_at: string;
  used_at: string | null;
  created_at: Generated<string>;
}

export interface MfaRecoveryCodesTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: string | null;
  created_at: Generated<string>;
}

export interface LoginEventsTable {
  id: Generated<number>;
  user_id: number | null;
  username_tried: string;
  is_success: boolean;
  failure_reason: string | null;
  method: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Generated<string>;
}

export interface AuthThrottleTable {
  key: string;
  failures: number;
  first_failure_at: string;
  locked_until: string | null;
  updated_at: Generated<string>;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: number | null;
  actor_username: string | null;
  action: string;
  target_type: string | null;
  target_id: number | null;
  target_label: string | null;
  ip: string | null;
  request_id: string | null;
  changes_json: unknown;
  created_at: Generated<string>;
}

export type MailStatus = 'pending' | 'sent' | 'failed' | 'logged';

export interface MailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  status: MailStatus;
  attempts: Generated<number>;
  next_attempt_at: string;
  locked_until: string | null;
  last_error: string | null;
  sent_at: string | null;
  created_at: Generated<string>;
}

export interface DB extends TicketTables, MachineTables, KnowledgeTables {
  app_settings: AppSettingsTable;
  config_revisions: ConfigRevisionsTable;
  structures: StructuresTable;
  sites: SitesTable;
  groups: GroupsTable;
  users: UsersTable;
  group_members: GroupMembersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  one_time_tokens: OneTimeTokensTable;
  mfa_recovery_codes: MfaRecoveryCodesTable;
  login_events: LoginEventsTable;
  auth_throttle: AuthThrottleTable;
  audit_log: AuditLogTable;
  mail_outbox: MailOutboxTable;
}
