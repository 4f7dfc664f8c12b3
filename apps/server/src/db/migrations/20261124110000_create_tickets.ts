import type { Kysely } from 'kysely';
import { schemaTypes } from './schema-types.js';

// Help desk: business calendars, SLAs with their rules and escalation levels, ticket categories,
// assignment rules, tickets with their events (status history, assignments, SLA events), comments,
// attachments, watchers, fired SLA steps, surveys, canned responses, saved views and notifications.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any>
export async function up(db: Kysely<any>): Promise<void> {
  const t = schemaTypes(db);
  const index = (name: string, table: string, columns: string[]) =>
    db.schema.createIndex(name).on(table).columns(columns).execute();

  await db.schema
    .createTable('business_calendars')
    .$call(t.withId)
    .addColumn('name', 'varchar(150)', (c) => c.notNull().unique())
    .addColumn('time_zone', 'varchar(64)', (c) => c.notNull())
    // {"1": [{"start": "09:00", "end": "18:00"}], …} per ISO weekday.
    .addColumn('hours_json', t.json, (c) => c.notNull())
    // ["2026-12-25", …] local dates without working hours.
    .addColumn('holidays_json', t.json, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();

  await db.schema
    .createTable('slas')
    .$call(t.withId)
    .addColumn('name', 'varchar(150)', (c) => c.notNull().unique())
    .addColumn('description', 'text')
    // Null: the clock runs around the clock.
    .addColumn('calendar_id', t.bigint, (c) => c.references('business_calendars.id').onDelete('restrict'))
    // {"1": {"first_response_minutes": 480, "resolution_minutes": 4800}, … "5": …} per priority.
    .addColumn('targets_json', t.json, (c) => c.notNull())
    // Shares of the target at which the assignee is warned, e.g. [0.75, 1]; the first one marks "at risk".
    .addColumn('warning_shares_json', t.json, (c) => c.notNull())
    // Applies when no rule and no category chose another one.
    .addColumn('is_default', t.boolean, (c) => c.notNull().defaultTo(false))
    .addColumn('is_active', t.boolean, (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await index('slas_calendar_id_idx', 'slas', ['calendar_id']);

  await db.schema
    .createTable('escalation_levels')
    .$call(t.withId)
    .addColumn('sla_id', t.bigint, (c) => c.notNull().references('slas.id').onDelete('cascade'))
    .addColumn('name', 'varchar(150)', (c) => c.notNull())
    // first_response | resolution
    .addColumn('target', 'varchar(20)', (c) => c.notNull())
    // A share of the target elapsed (e.g. 0.5), or null: fires at the breach.
    .addColumn('trigger_share', 'double precision')
    // ["assignee", "group", "manager"]
    .addColumn('notify_json', t.json, (c) => c.notNull())
    .addColumn('reassign_group_id', t.bigint, (c) => c.references('groups.id').onDelete('set null'))
    // Steps added to the priority (0: unchanged), capped at 5.
    .addColumn('priority_raise', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await index('escalation_levels_sla_id_idx', 'escalation_levels', ['sla_id']);
  await index('escalation_levels_reassign_group_id_idx', 'escalation_levels', ['reassign_group_id']);

  await db.schema
    .createTable('ticket_categories')
    .$call(t.withId)
    .addColumn('name', 'varchar(150)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('parent_id', t.bigint, (c) => c.references('ticket_categories.id').onDelete('restrict'))
    .addColumn('default_group_id', t.bigint, (c) => c.references('groups.id').onDelete('set null'))
    .addColumn('sla_id', t.bigint, (c) => c.references('slas.id').onDelete('set null'))
    // Markdown put in the description of a new ticket of this category.
    .addColumn('description_template', 'text')
    // none | user | manager | group
    .addColumn('approval', 'varchar(20)', (c) => c.notNull().defaultTo('none'))
    .addColumn('approver_user_id', t.bigint, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('approver_group_id', t.bigint, (c) => c.references('groups.id').onDelete('set null'))
    .addColumn('is_active', t.boolean, (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await index('ticket_categories_parent_id_idx', 'ticket_categories', ['parent_id', 'name']);
  await index('ticket_categories_default_group_id_idx', 'ticket_categories', ['default_group_id']);
  await index('ticket_categories_sla_id_idx', 'ticket_categories', ['sla_id']);
  await index('ticket_categories_approver_user_id_idx', 'ticket_categories', ['approver_user_id']);
  await index('ticket_categories_approver_group_id_idx', 'ticket_categories', ['approver_group_id']);

  // First matching rule by position wins; a null criterion matches anything.
  await db.schema
    .createTable('sla_rules')
    .$call(t.withId)
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('sla_id', t.bigint, (c) => c.notNull().references('slas.id').onDelete('cascade'))
    .addColumn('category_id', t.bigint, (c) => c.references('ticket_categories.id').onDelete('cascade'))
    .addColumn('structure_id', t.bigint, (c) => c.references('structures.id').onDelete('cascade'))
    .addColumn('priority', 'integer')
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await index('sla_rules_position_idx', 'sla_rules', ['position']);
  await index('sla_rules_sla_id_idx', 'sla_rules', ['sla_id']);
  await index('sla_rules_category_id_idx', 'sla_rules', ['category_id']);
  await index('sla_rules_structure_id_idx', 'sla_rules', ['structure_id']);

  await db.schema
    .createTable('assignment_rules')
    .$call(t.withId)
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('category_id', t.bigint, (c) => c.references('ticket_categories.id').onDelete('cascade'))
    .addColumn('structure_id', t.bigint, (c) => c.references('structures.id').onDelete('cascade'))
    .addColumn('group_id', t.bigint, (c) => c.notNull().references('groups.id').onDelete('cascade'))
    // Pick a member of the group too (fewest open tickets), not only the group.
    .addColumn('is_member_picked', t.boolean, (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await index('assignment_rules_position_idx', 'assignment_rules', ['position']);
  await index('assignment_rules_category_id_idx', 'assignment_rules', ['category_id']);
  await index('assignment_rules_structure_id_idx', 'assignment_rules', ['structure_id']);
  await index('assignment_rules_group_id_idx', 'assignment_rules', ['group_id']);

  await db.schema
    .createTable('tickets')
    .$call(t.withId)
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // incident | request
    .addColumn('type', 'varchar(20)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('urgency', 'integer', (c) => c.notNull())
    .addColumn('impact', 'integer', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('category_id', t.bigint, (c) => c.references('ticket_categories.id').onDelete('restrict'))
    .addColumn('requester_id', t.bigint, (c) => c.notNull().references('users.id').onDelete('restrict'))
    .addColumn('created_by_id', t.bigint, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('assignee_id', t.bigint, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('group_id', t.bigint, (c) => c.references('groups.id').onDelete('set null'))
    .addColumn('structure_id', t.bigint, (c) => c.notNull().references('structures.id').onDelete('restrict'))
    .addColumn('site_id', t.bigint, (c) => c.references('sites.id').onDelete('set null'))
    // The machines module adds the foreign key when it lands.
    .addColumn('machine_id', t.bigint)
    // web | api | agent | email
    .addColumn('source', 'varchar(20)', (c) => c.notNull())
    // Who answers an approval request: a user, or any member of a group.
    .addColumn('approver_user_id', t.bigint, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('approver_group_id', t.bigint, (c) => c.references('groups.id').onDelete('set null'))
    .addColumn('solution', 'text')
    .addColumn('assigned_at', t.timestamp)
    .addColumn('first_response_at', t.timestamp)
    .addColumn('resolved_at', t.timestamp)
    .addColumn('closed_at', t.timestamp)
    // SLA caches, recomputed from the status history on every change and by the SLA job (ADR 0003).
    .addColumn('sla_id', t.bigint, (c) => c.references('slas.id').onDelete('set null'))
    .addColumn('due_first_response_at', t.timestamp)
    .addColumn('due_resolution_at', t.timestamp)
    // When the resolution clock reaches the first warning share ("at risk"); null while paused.
    .addColumn('sla_warning_at', t.timestamp)
    .addColumn('first_response_breached_at', t.timestamp)
    .addColumn('resolution_breached_at', t.timestamp)
    // Next instant the SLA job must look at this ticket (a warning, a level or a breach falls due).
    .addColumn('sla_check_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  // The list's usual shapes: a scope (structure), a filter (status) and the newest first.
  await index('tickets_structure_id_created_at_idx', 'tickets', ['structure_id', 'created_at']);
  await index('tickets_structure_id_status_created_at_idx', 'tickets', [
    'structure_id',
    'status',
    'created_at',
  ]);
  await index('tickets_status_created_at_idx', 'tickets', ['status', 'created_at']);
  await index('tickets_created_at_idx', 'tickets', ['created_at']);
  await index('tickets_requester_id_created_at_idx', 'tickets', ['requester_id', 'created_at']);
  // Automatic assignment: open tickets per member and structure, and who received one last.
  await index('tickets_assignee_id_status_idx', 'tickets', ['assignee_id', 'status', 'structure_id']);
  await index('tickets_assignee_id_assigned_at_idx', 'tickets', ['assignee_id', 'assigned_at']);
  await index('tickets_group_id_status_idx', 'tickets', ['group_id', 'status']);
  await index('tickets_category_id_idx', 'tickets', ['category_id']);
  await index('tickets_created_by_id_idx', 'tickets', ['created_by_id']);
  await index('tickets_site_id_idx', 'tickets', ['site_id']);
  await index('tickets_machine_id_idx', 'tickets', ['machine_id']);
  await index('tickets_approver_user_id_idx', 'tickets', ['approver_user_id']);
  await index('tickets_approver_group_id_idx', 'tickets', ['approver_group_id']);
  await index('tickets_sla_id_idx', 'tickets', ['sla_id']);
  await index('tickets_due_resolution_at_idx', 'tickets', ['due_resolution_at']);
  await index('tickets_priority_created_at_idx', 'tickets', ['priority', 'created_at']);
  await index('tickets_updated_at_idx', 'tickets', ['updated_at']);
  await index('tickets_sla_check_at_idx', 'tickets', ['sla_check_at']);

  // Everything that happened to a ticket but comments: creation, status changes (the SLA history),
  // assignments, field changes, approvals, SLA warnings, breaches and escalations.
  await db.schema
    .createTable('ticket_events')
    .$call(t.withId)
    .addColumn('ticket_id', t.bigint, (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    // The ticket's status after the event, when the event changed it (and at creation).
    .addColumn('status', 'varchar(20)')
    // Null for the system (jobs, rules).
    .addColumn('actor_id', t.bigint, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text')
    .addColumn('data_json', t.json)
    // Hidden from the requester (escalations, internal reassignments).
    .addColumn('is_internal', t.boolean, (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await index('ticket_events_ticket_id_idx', 'ticket_events', ['ticket_id', 'id']);
  await index('ticket_events_actor_id_idx', 'ticket_events', ['actor_id']);

  await db.schema
    .createTable('ticket_comments')
    .$call(t.withId)
    .addColumn('ticket_id', t.bigint, (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('author_id', t.bigint, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('is_internal', t.boolean, (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await index('ticket_comments_ticket_id_idx', 'ticket_comments', ['ticket_id', 'id']);
  await index('ticket_comments_author_id_idx', 'ticket_comments', ['author_id']);

  await db.schema
    .createTable('ticket_attachments')
    .$call(t.withId)
    .addColumn('ticket_id', t.bigint, (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('comment_id', t.bigint, (c) => c.references('ticket_comments.id').onDelete('cascade'))
    .addColumn('uploader_id', t.bigint, (c) => c.references('users.id').onDelete('set null'))
    // As the user named it, cleaned; never used as a path.
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    // Sniffed from the content, not taken from the request.
    .addColumn('content_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('size_bytes', t.bigint, (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    // Random name under the data directory.
    .addColumn('storage_key', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await index('ticket_attachments_ticket_id_idx', 'ticket_attachments', ['ticket_id']);
  await index('ticket_attachments_comment_id_idx', 'ticket_attachments', ['comment_id']);
  await index('ticket_attachments_uploader_id_idx', 'ticket_attachments', ['uploader_id']);

  await db.schema
    .createTable('ticket_watchers')
    .addColumn('ticket_id', t.bigint, (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('user_id', t.bigint, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addPrimaryKeyConstraint('ticket_watchers_pkey', ['ticket_id', 'user_id'])
    .execute();
  await index('ticket_watchers_user_id_idx', 'ticket_watchers', ['user_id']);

  // SLA warnings, escalation levels and breaches that fired: the unique key makes each fire once,
  // whatever the number of nodes or restarts.
  await db.schema
    .createTable('ticket_sla_steps')
    .addColumn('ticket_id', t.bigint, (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    // e.g. "resolution:warning:0.75", "resolution:level:3", "first_response:breach"
    .addColumn('step', 'varchar(60)', (c) => c.notNull())
    .addColumn('fired_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_sla_steps_pkey', ['ticket_id', 'step'])
    .execute();

  await db.schema
    .createTable('ticket_surveys')
    .$call(t.withId)
    .addColumn('ticket_id', t.bigint, (c) =>
      c.notNull().unique().references('tickets.id').onDelete('cascade'),
    )
    .addColumn('requester_id', t.bigint, (c) => c.references('users.id').onDelete('set null'))
    // Who resolved, in which group and category, when the survey was sent: results stay true later.
    .addColumn('assignee_id', t.bigint, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('group_id', t.bigint, (c) => c.references('groups.id').onDelete('set null'))
    .addColumn('category_id', t.bigint, (c) => c.references('ticket_categories.id').onDelete('set null'))
    .addColumn('rating', 'integer')
    .addColumn('comment', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('answered_at', t.timestamp)
    .execute();
  await index('ticket_surveys_requester_id_idx', 'ticket_surveys', ['requester_id']);
  await index('ticket_surveys_assignee_id_idx', 'ticket_surveys', ['assignee_id']);
  await index('ticket_surveys_group_id_idx', 'ticket_surveys', ['group_id']);
  await index('ticket_surveys_category_id_idx', 'ticket_surveys', ['category_id']);

  await db.schema
    .createTable('canned_responses')
    .$call(t.withId)
    .addColumn('title', 'varchar(150)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // Null: shared with every technician.
    .addColumn('owner_id', t.bigint, (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await index('canned_responses_owner_id_idx', 'canned_responses', ['owner_id']);

  await db.schema
    .createTable('ticket_views')
    .$call(t.withId)
    .addColumn('owner_id', t.bigint, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    // The list's query string, e.g. "status__in=new,assigned&ordering=-priority".
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addUniqueConstraint('ticket_views_owner_id_name_key', ['owner_id', 'name'])
    .execute();

  await db.schema
    .createTable('notifications')
    .$call(t.withId)
    .addColumn('user_id', t.bigint, (c) => c.notNull().references('users.id').onDelete('cascade'))
    // ticket_created, ticket_assigned, ticket_commented, ticket_resolved, ticket_closed, …
    .addColumn('event', 'varchar(40)', (c) => c.notNull())
    .addColumn('ticket_id', t.bigint, (c) => c.references('tickets.id').onDelete('cascade'))
    .addColumn('actor_id', t.bigint, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('data_json', t.json)
    .addColumn('read_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await index('notifications_user_id_idx', 'notifications', ['user_id', 'id']);
  await index('notifications_user_id_read_at_idx', 'notifications', ['user_id', 'read_at']);
  await index('notifications_ticket_id_idx', 'notifications', ['ticket_id']);
  await index('notifications_actor_id_idx', 'notifications', ['actor_id']);

  // Absent row: the event's default (in-app and e-mail on).
  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', t.bigint, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('event', 'varchar(40)', (c) => c.notNull())
    .addColumn('is_in_app', t.boolean, (c) => c.notNull())
    .addColumn('is_email', t.boolean, (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pkey', ['user_id', 'event'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any>
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'notification_preferences',
    'notifications',
    'ticket_views',
    'canned_responses',
    'ticket_surveys',
    'ticket_sla_steps',
    'ticket_watchers',
    'ticket_attachments',
    'ticket_comments',
    'ticket_events',
    'tickets',
    'assignment_rules',
    'sla_rules',
    'ticket_categories',
    'escalation_levels',
    'slas',
    'business_calendars',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
