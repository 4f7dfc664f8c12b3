import type { Role } from '@itsm/contracts';
import type { ComponentType, SVGProps } from 'react';
import {
  GroupIcon,
  HomeIcon,
  KeyIcon,
  PinIcon,
  ShieldIcon,
  TreeIcon,
  UsersIcon,
} from '../../components/icons';

export type NavItem = {
  to: string;
  /** Key in the `shell` namespace, under nav. */
  label: 'home' | 'users' | 'structures' | 'groups' | 'sites' | 'loginEvents' | 'auditLog';
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  roles: readonly Role[];
};

export type NavSection = { title: 'administration' | null; items: NavItem[] };

const everyone: readonly Role[] = ['admin', 'technician', 'user'];
const admins: readonly Role[] = ['admin'];

export const NAVIGATION: NavSection[] = [
  { title: null, items: [{ to: '/', label: 'home', icon: HomeIcon, roles: everyone }] },
  {
    title: 'administration',
    items: [
      { to: '/admin/users', label: 'users', icon: UsersIcon, roles: admins },
      { to: '/admin/structures', label: 'structures', icon: TreeIcon, roles: admins },
      { to: '/admin/groups', label: 'groups', icon: GroupIcon, roles: admins },
      { to: '/admin/sites', label: 'sites', icon: PinIcon, roles: admins },
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
