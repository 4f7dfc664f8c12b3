// Every namespace of the catalogues: the default one (translation) and one file per feature
// under locales/<language>/<namespace>.json. Add a namespace here, in both languages, and in i18next.d.ts.

import en from './en.json';
import fr from './fr.json';
import enAccount from './locales/en/account.json';
import enAuth from './locales/en/auth.json';
import enDashboard from './locales/en/dashboard.json';
import enGroups from './locales/en/groups.json';
import enJournal from './locales/en/journal.json';
import enShell from './locales/en/shell.json';
import enSites from './locales/en/sites.json';
import enStructures from './locales/en/structures.json';
import enUsers from './locales/en/users.json';
import frAccount from './locales/fr/account.json';
import frAuth from './locales/fr/auth.json';
import frDashboard from './locales/fr/dashboard.json';
import frGroups from './locales/fr/groups.json';
import frJournal from './locales/fr/journal.json';
import frShell from './locales/fr/shell.json';
import frSites from './locales/fr/sites.json';
import frStructures from './locales/fr/structures.json';
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
  },
} as const;
