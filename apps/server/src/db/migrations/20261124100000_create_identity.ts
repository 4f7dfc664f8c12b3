import { type Kysely, sql } from 'kysely';
import { schemaTypes } from './schema-types.js';

// Identity and access: structures, sites, groups, users, sessions, tokens, login journal, audit log,
// brute-force throttling, one-time tokens (reset, invitation), MFA recovery codes and the mail outbox.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any>
export async function up(db: Kysely<any>): Promise<void> {
  const t = schemaTypes(db);

  await db.schema
    .createTable('structures')
    .$call(t.withId)
    .addColumn('name', 'varchar(150)', (c) => c.notNull())
    .addColumn('code', 'varchar(50)', (c) => c.notNull().unique())
    .addColumn('description', 'text')
    .addColumn('parent_id', t.bigint, (c) => c.references('structures.id').onDelete('restrict'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema.createIndex('structures_parent_id_idx').on('structures').column('parent_id').execute();

  await db.schema
    .createTable('sites')
    .$call(t.withId)
    .addColumn('name', 'varchar(150)', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('structure_id', t.bigint, (c) => c.notNull().references('structures.id').onDelete('restrict'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addUniqueConstraint('sites_structure_id_name_key', ['structure_id', 'name'])
    .execute();
  await db.schema.createIndex('sites_structure_id_idx').on('sites').column('structure_id').execute();

  await db.schema
    .createTable('groups')
    .$call(t.withId)
    .addColumn('name', 'varchar(150)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('email', 'varchar(254)')
    .addColumn('structure_id', t.bigint, (c) => c.notNull().references('structures.id').onDelete('restrict'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addUniqueConstraint('groups_structure_id_name_key', ['structure_id', 'name'])
    .execute();
  await db.schema.createIndex('groups_structure_id_idx').on('groups').column('structure_id').execute();

  await db.schema
    .createTable('users')
    .$call(t.withId)
    // Stored lowercase with its leading "@", so that uniqueness is case-insensitive.
    .addColumn('username', 'varchar(200)', (c) => c.notNull().unique())
    // Stored lowercase.
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('first_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('last_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('phone', 'varchar(50)')
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('structure_id', t.bigint, (c) => c.references('structures.id').onDelete('restrict'))
    .addColumn('site_id', t.bigint, (c) => c.references('sites.id').onDelete('restrict'))
    .addColumn('manager_id', t.bigint, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('locale', 'varchar(5)', (c) => c.notNull().defaultTo('fr'))
    .addColumn('is_active', t.boolean, (c) => c.notNull().defaultTo(true))
    .addColumn('password_hash', 'text')
    .addColumn('must_change_password', t.boolean, (c) => c.notNull().defaultTo(false))
    .addColumn('password_changed_at', t.timestamp)
    .addColumn('is_mfa_enabled', t.boolean, (c) => c.notNull().defaultTo(false))
    // TOTP secrets, encrypted with the instance secret key.
    .addColumn('mfa_secret', 'text')
    .addColumn('mfa_pending_secret', 'text')
    // Last accepted TOTP time step: a code is never accepted twice.
    .addColumn('mfa_last_time_step', t.bigint)
    .addColumn('last_login_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema.createIndex('users_structure_id_idx').on('users').column('structure_id').execute();
  await db.schema.createIndex('users_site_id_idx').on('users').column('site_id').execute();
  await db.schema.createIndex('users_manager_id_idx').on('users').column('manager_id').execute();

  await db.schema
    .createTable('group_members')
    .addColumn('group_id', t.bigint, (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('user_id', t.bigint, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addPrimaryKeyConstraint('group_members_pkey', ['group_id', 'user_id'])
    .execute();
  await db.schema.createIndex('group_members_user_id_idx').on('group_members').column('user_id').execute();

  await db.schema
    .createTable('sessions')
    .$call(t.withId)
    // SHA-256 of the cookie value: a database leak gives no usable session.
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('user_id', t.bigint, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)')
    .addColumn('user_agent', 'varchar(500)')
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('last_seen_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_id_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_tokens')
    .$call(t.withId)
    .addColumn('user_id', t.bigint, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('token_prefix', 'varchar(20)', (c) => c.notNull())
    .addColumn('expires_at', t.timestamp)
    .addColumn('last_used_at', t.timestamp)
    .addColumn('last_used_ip', 'varchar(64)')
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema.createIndex('api_tokens_user_id_idx').on('api_tokens').column('user_id').execute();

  await db.schema
    .createTable('one_time_tokens')
    .$call(t.withId)
    .addColumn('user_id', t.bigint, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('purpose', 'varchar(30)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('used_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema
    .createIndex('one_time_tokens_user_id_idx')
    .on('one_time_tokens')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('mfa_recovery_codes')
    .$call(t.withId)
    .addColumn('user_id', t.bigint, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('used_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema
    .createIndex('mfa_recovery_codes_user_id_idx')
    .on('mfa_recovery_codes')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('login_events')
    .$call(t.withId)
    .addColumn('user_id', t.bigint, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('username_tried', 'varchar(254)', (c) => c.notNull())
    .addColumn('is_success', t.boolean, (c) => c.notNull())
    .addColumn('failure_reason', 'varchar(40)')
    .addColumn('method', 'varchar(20)', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)')
    .addColumn('user_agent', 'varchar(500)')
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema.createIndex('login_events_user_id_idx').on('login_events').column('user_id').execute();
  await db.schema
    .createIndex('login_events_created_at_idx')
    .on('login_events')
    .column('created_at')
    .execute();

  // Brute-force counters per account identifier and per IP; updated atomically by upsert.
  await db.schema
    .createTable('auth_throttle')
    .addColumn('key', 'varchar(300)', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('first_failure_at', t.timestamp, (c) => c.notNull())
    .addColumn('locked_until', t.timestamp)
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();

  // Append-only (triggers below). No foreign key: entries outlive the users they name.
  await db.schema
    .createTable('audit_log')
    .$call(t.withId)
    .addColumn('actor_id', t.bigint)
    .addColumn('actor_username', 'varchar(200)')
    .addColumn('action', 'varchar(80)', (c) => c.notNull())
    .addColumn('target_type', 'varchar(40)')
    .addColumn('target_id', t.bigint)
    .addColumn('target_label', 'varchar(300)')
    .addColumn('ip', 'varchar(64)')
    .addColumn('request_id', 'varchar(100)')
    .addColumn('changes_json', t.json)
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema.createIndex('audit_log_created_at_idx').on('audit_log').column('created_at').execute();
  await db.schema.createIndex('audit_log_actor_id_idx').on('audit_log').column('actor_id').execute();
  await db.schema
    .createIndex('audit_log_target_idx')
    .on('audit_log')
    .columns(['target_type', 'target_id'])
    .execute();
  if (t.isPostgres) {
    await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only'; end $$`.execute(db);
    await sql`create trigger audit_log_no_change before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  }

  // Mail waits here until an SMTP server accepted it; retried by the scheduler.
  await db.schema
    .createTable('mail_outbox')
    .$call(t.withId)
    .addColumn('to_address', 'varchar(254)', (c) => c.notNull())
    .addColumn('subject', 'varchar(300)', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', t.timestamp, (c) => c.notNull())
    .addColumn('locked_until', t.timestamp)
    .addColumn('last_error', 'text')
    .addColumn('sent_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema
    .createIndex('mail_outbox_status_next_attempt_at_idx')
    .on('mail_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any>
export async function down(db: Kysely<any>): Promise<void> {
  const t = schemaTypes(db);
  for (const table of [
    'mail_outbox',
    'audit_log',
    'auth_throttle',
    'login_events',
    'mfa_recovery_codes',
    'one_time_tokens',
    'api_tokens',
    'sessions',
    'group_members',
    'users',
    'groups',
    'sites',
    'structures',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  if (t.isPostgres) await sql`drop function audit_log_append_only()`.execute(db);
}
