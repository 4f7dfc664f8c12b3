import type { ComponentType, SVGProps } from 'react';
import {
  BookIcon,
  BoxIcon,
  CalendarCheckIcon,
  ChartIcon,
  LifebuoyIcon,
  MonitorIcon,
  PulseIcon,
  RemoteIcon,
} from '../../components/icons';

export type ModuleCard = {
  key:
    | 'helpdesk'
    | 'machines'
    | 'equipment'
    | 'monitoring'
    | 'maintenance'
    | 'remote'
    | 'knowledge'
    | 'reports';
  Icon: ComponentType<SVGProps<SVGSVGElement>>;
  /** Full class names, so that Tailwind finds them when scanning the sources. */
  tint: string;
};

export const moduleCards: readonly ModuleCard[] = [
  {
    key: 'helpdesk',
    Icon: LifebuoyIcon,
    tint: 'bg-indigo-50 text-indigo-700 dark:bg-indigo-500/15 dark:text-indigo-300',
  },
  { key: 'machines', Icon: MonitorIcon, tint: 'bg-sky-50 text-sky-700 dark:bg-sky-500/15 dark:text-sky-300' },
  {
    key: 'equipment',
    Icon: BoxIcon,
    tint: 'bg-amber-50 text-amber-700 dark:bg-amber-500/15 dark:text-amber-300',
  },
  {
    key: 'monitoring',
    Icon: PulseIcon,
    tint: 'bg-rose-50 text-rose-700 dark:bg-rose-500/15 dark:text-rose-300',
  },
  {
    key: 'maintenance',
    Icon: CalendarCheckIcon,
    tint: 'bg-emerald-50 text-emerald-700 dark:bg-emerald-500/15 dark:text-emerald-300',
  },
  {
    key: 'remote',
    Icon: RemoteIcon,
    tint: 'bg-violet-50 text-violet-700 dark:bg-violet-500/15 dark:text-violet-300',
  },
  {
    key: 'knowledge',
    Icon: BookIcon,
    tint: 'bg-teal-50 text-teal-700 dark:bg-teal-500/15 dark:text-teal-300',
  },
  {
    key: 'reports',
    Icon: ChartIcon,
    tint: 'bg-fuchsia-50 text-fuchsia-700 dark:bg-fuchsia-500/15 dark:text-fuchsia-300',
  },
];
