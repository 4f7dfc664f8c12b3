// Every namespace of the catalogues: the default one (translation) and one file per feature
// under locales/<language>/<namespace>.json. Add a namespace here, in both languages, and in i18next.d.ts.

import en from './en.json';
import fr from './fr.json';
import enAccount from './locales/en/account.json';
import enAuth from './locales/en/auth.json';
import enDashboard from './locales/en/dashboard.json';
import enEnrollmentKeys from './locales/en/enrollment-keys.json';
import enGroups from './locales/en/groups.json';
import enJournal from './locales/en/journal.json';
import enKnowledge from './locales/en/knowledge.json';
import enMachines from './locales/en/machines.json';
import enNotifications from './locales/en/notifications.json';
import enShell from './locales/en/shell.json';
import enSites from './locales/en/sites.json';
import enStructures from './locales/en/structures.json';
import enTicketAdmin from './locales/en/ticket-admin.json';
import enTickets from './locales/en/tickets.json';
import enUsers from './locales/en/users.json';
import frAccount from './locales/fr/account.json';
import frAuth from './locales/fr/auth.json';
import frDashboard from './locales/fr/dashboard.json';
import frEnrollmentKeys from './locales/fr/enrollment-keys.json';
import frGroups from './locales/fr/groups.json';
import frJournal from './locales/fr/journal.json';
import frKnowledge from './locales/fr/knowledge.json';
import frMachines from './locales/fr/machines.json';
import frNotifications from './locales/fr/notifications.json';
import frShell from './locales/fr/shell.json';
import frSites from './locales/fr/sites.json';
import frStructures from './locales/fr/structures.json';
import frTicketAdmin from './locales/fr/ticket-admin.json';
import frTickets from './locales/fr/tickets.json';
import frUsers from './locales/fr/users.json';

export const resources = {
  en: {
    translation: en,
    shell: enShell,
    auth: enAuth,
    dashboard: enDashboard,
    users: enUsers,
    structures: enStructures,
    groups: enGroups,
    sites: enSites,
    journal: enJournal,
    account: enAccount,
    tickets: enTickets,
    notifications: enNotifications,
    'ticket-admin': enTicketAdmin,
    machines: enMachines,
    'enrollment-keys': enEnrollmentKeys,
    knowledge: enKnowledge,
  },
  fr: {
    translation: fr,
    shell: frShell,
    auth: frAuth,
    dashboard: frDashboard,
    users: frUsers,
    structures: frStructures,
    groups: frGroups,
    sites: frSites,
    journal: frJournal,
    account: frAccount,
    tickets: frTickets,
    notifications: frNotifications,
    'ticket-admin': frTicketAdmin,
    machines: frMachines,
    'enrollment-keys': frEnrollmentKeys,
    knowledge: frKnowledge,
  },
} as const;
