import type { Role } from '@itsm/contracts';
import type { ComponentType, SVGProps } from 'react';
import {
  BookIcon,
  CalendarIcon,
  ClockIcon,
  EnrollmentKeyIcon,
  GroupIcon,
  HomeIcon,
  KeyIcon,
  MessageTextIcon,
  MonitorIcon,
  PinIcon,
  RouteIcon,
  ShieldIcon,
  SlidersIcon,
  StarIcon,
  TagIcon,
  TicketIcon,
  TreeIcon,
  UsersIcon,
} from '../../components/icons';

export type NavItem = {
  to: string;
  /** Key in the `shell` namespace, under nav. */
  label:
    | 'home'
    | 'tickets'
    | 'myTickets'
    | 'machines'
    | 'myMachines'
    | 'knowledge'
    | 'kbCategories'
    | 'enrollmentKeys'
    | 'users'
    | 'structures'
    | 'groups'
    | 'sites'
    | 'loginEvents'
    | 'auditLog'
    | 'ticketCategories'
    | 'slas'
    | 'calendars'
    | 'ticketRules'
    | 'ticketSettings'
    | 'cannedResponses'
    | 'satisfaction';
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  roles: readonly Role[];
};

export type NavSection = { title: 'helpDesk' | 'administration' | null; items: NavItem[] };

const everyone: readonly Role[] = ['admin', 'technician', 'user'];
const admins: readonly Role[] = ['admin'];
const staff: readonly Role[] = ['admin', 'technician'];
const users: readonly Role[] = ['user'];

export const NAVIGATION: NavSection[] = [
  {
    title: null,
    items: [
      { to: '/', label: 'home', icon: HomeIcon, roles: everyone },
      // The same list: the support team's queues, or the requester's own tickets.
      { to: '/tickets', label: 'tickets', icon: TicketIcon, roles: staff },
      { to: '/tickets', label: 'myTickets', icon: TicketIcon, roles: users },
      // The same list too: the computers in the technician's scope, or the user's own.
      { to: '/machines', label: 'machines', icon: MonitorIcon, roles: staff },
      { to: '/machines', label: 'myMachines', icon: MonitorIcon, roles: users },
      { to: '/kb', label: 'knowledge', icon: BookIcon, roles: everyone },
    ],
  },
  {
    title: 'helpDesk',
    items: [
      { to: '/admin/ticket-categories', label: 'ticketCategories', icon: TagIcon, roles: admins },
      { to: '/admin/slas', label: 'slas', icon: ClockIcon, roles: admins },
      { to: '/admin/calendars', label: 'calendars', icon: CalendarIcon, roles: admins },
      { to: '/admin/ticket-rules', label: 'ticketRules', icon: RouteIcon, roles: admins },
      { to: '/admin/ticket-settings', label: 'ticketSettings', icon: SlidersIcon, roles: admins },
      { to: '/canned-responses', label: 'cannedResponses', icon: MessageTextIcon, roles: staff },
      { to: '/satisfaction', label: 'satisfaction', icon: StarIcon, roles: staff },
    ],
  },
  {
    title: 'administration',
    items: [
      { to: '/admin/users', label: 'users', icon: UsersIcon, roles: admins },
      { to: '/admin/structures', label: 'structures', icon: TreeIcon, roles: admins },
      { to: '/admin/groups', label: 'groups', icon: GroupIcon, roles: admins },
      { to: '/admin/sites', label: 'sites', icon: PinIcon, roles: admins },
      { to: '/admin/enrollment-keys', label: 'enrollmentKeys', icon: EnrollmentKeyIcon, roles: admins },
      { to: '/admin/kb-categories', label: 'kbCategories', icon: BookIcon, roles: admins },
      { to: '/admin/login-events', label: 'loginEvents', icon: KeyIcon, roles: admins },
      { to: '/admin/audit-log', label: 'auditLog', icon: ShieldIcon, roles: admins },
    ],
  },
];

/** The sections and items a role may use; empty sections disappear. */
export function navigationFor(role: Role): NavSection[] {
  return NAVIGATION.map((s) => ({ ...s, items: s.items.filter((i) => i.roles.includes(role)) })).filter(
    (s) => s.items.length > 0,
  );
}
