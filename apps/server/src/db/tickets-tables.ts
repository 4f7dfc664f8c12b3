import type { Generated } from 'kysely';

// Table types of the help desk (migration 20261124110000_create_tickets).

export interface BusinessCalendarsTable {
  id: Generated<number>;
  name: string;
  time_zone: string;
  hours_json: unknown;
  holidays_json: unknown;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface SlasTable {
  id: Generated<number>;
  name: string;
  description: string | null;
  calendar_id: number | null;
  targets_json: unknown;
  warning_shares_json: unknown;
  is_default: Generated<boolean>;
  is_active: Generated<boolean>;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface EscalationLevelsTable {
  id: Generated<number>;
  sla_id: number;
  name: string;
  target: 'first_response' | 'resolution';
  trigger_share: number | null;
  notify_json: unknown;
  reassign_group_id: number | null;
  priority_raise: Generated<number>;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export type ApprovalKind = 'none' | 'user' | 'manager' | 'group';

export interface TicketCategoriesTable {
  id: Generated<number>;
  name: string;
  description: string | null;
  parent_id: number | null;
  default_group_id: number | null;
  sla_id: number | null;
  description_template: string | null;
  approval: Generated<ApprovalKind>;
  approver_user_id: number | null;
  approver_group_id: number | null;
  is_active: Generated<boolean>;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface SlaRulesTable {
  id: Generated<number>;
  position: number;
  sla_id: number;
  category_id: number | null;
  structure_id: number | null;
  priority: number | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface AssignmentRulesTable {
  id: Generated<number>;
  position: number;
  category_id: number | null;
  structure_id: number | null;
  group_id: number;
  is_member_picked: Generated<boolean>;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface TicketsTable {
  id: Generated<number>;
  title: string;
  description: string;
  type: string;
  status: string;
  urgency: number;
  impact: number;
  priority: number;
  category_id: number | null;
  requester_id: number;
  created_by_id: number | null;
  assignee_id: number | null;
  group_id: number | null;
  structure_id: number;
  site_id: number | null;
  machine_id: number | null;
  source: string;
  approver_user_id: number | null;
  approver_group_id: number | null;
  solution: string | null;
  assigned_at: string | null;
  first_response_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  sla_id: number | null;
  due_first_response_at: string | null;
  due_resolution_at: string | null;
  sla_warning_at: string | null;
  first_response_breached_at: string | null;
  resolution_breached_at: string | null;
  sla_check_at: string | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface TicketEventsTable {
  id: Generated<number>;
  ticket_id: number;
  kind: string;
  status: string | null;
  actor_id: number | null;
  reason: string | null;
  data_json: unknown;
  is_internal: Generated<boolean>;
  created_at: Generated<string>;
}

export interface TicketCommentsTable {
  id: Generated<number>;
  ticket_id: number;
  author_id: number | null;
  body: string;
  is_internal: Generated<boolean>;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface TicketAttachmentsTable {
  id: Generated<number>;
  ticket_id: number;
  comment_id: number | null;
  uploader_id: number | null;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  created_at: Generated<string>;
}

export interface TicketWatchersTable {
  ticket_id: number;
  user_id: number;
  created_at: Generated<string>;
}

export interface TicketSlaStepsTable {
  ticket_id: number;
  step: string;
  fired_at: string;
}

export interface TicketSurveysTable {
  id: Generated<number>;
  ticket_id: number;
  requester_id: number | null;
  assignee_id: number | null;
  group_id: number | null;
  category_id: number | null;
  rating: number | null;
  comment: string | null;
  created_at: Generated<string>;
  answered_at: string | null;
}

export interface CannedResponsesTable {
  id: Generated<number>;
  title: string;
  body: string;
  owner_id: number | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface TicketViewsTable {
  id: Generated<number>;
  owner_id: number;
  name: string;
  query: string;
  created_at: Generated<string>;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  event: string;
  ticket_id: number | null;
  actor_id: number | null;
  data_json: unknown;
  read_at: string | null;
  created_at: Generated<string>;
}

export interface NotificationPreferencesTable {
  user_id: number;
  event: string;
  is_in_app: boolean;
  is_email: boolean;
}

export interface TicketTables {
  business_calendars: BusinessCalendarsTable;
  slas: SlasTable;
  escalation_levels: EscalationLevelsTable;
  ticket_categories: TicketCategoriesTable;
  sla_rules: SlaRulesTable;
  assignment_rules: AssignmentRulesTable;
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
  ticket_comments: TicketCommentsTable;
  ticket_attachments: TicketAttachmentsTable;
  ticket_watchers: TicketWatchersTable;
  ticket_sla_steps: TicketSlaStepsTable;
  ticket_surveys: TicketSurveysTable;
  canned_responses: CannedResponsesTable;
  ticket_views: TicketViewsTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
}
