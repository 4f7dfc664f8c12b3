import { getRouteApi } from '@tanstack/react-router';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { NotificationPreferencesTab } from '../notifications/notification-preferences';
import { ProfileTab } from './profile-tab';
import { SecurityTab } from './security-tab';
import { SessionsTab } from './sessions-tab';
import { TokensTab } from './tokens-tab';

const route = getRouteApi('/app/account');
const tabs = ['profile', 'security', 'tokens', 'sessions', 'notifications'] as const;
type TabKey = (typeof tabs)[number];

/** My account: profile, security (password, two-factor), API tokens, sessions; the tab is in the URL. */
export function AccountPage() {
  const { t } = useTranslation('account');
  const { t: ts } = useTranslation('shell');
  const { t: tn } = useTranslation('notifications');
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const selected: TabKey = search.tab ?? 'profile';
  const initials = `${me.first_name.charAt(0)}${me.last_name.charAt(0)}`.toUpperCase();

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center gap-4">
        <span
          aria-hidden="true"
          className="flex size-14 shrink-0 items-center justify-center rounded-full bg-indigo-600 text-lg font-semibold text-white"
        >
          {initials}
        </span>
        <div className="min-w-0 flex-1">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">{t('title')}</h1>
          <p className="mt-1 text-slate-600 dark:text-slate-400">
            <span className="font-medium text-slate-800 dark:text-slate-200">
              {me.first_name} {me.last_name}
            </span>
            <span className="hidden sm:inline"> · </span>
            <span className="block text-sm sm:inline sm:text-base">
              <span className="[overflow-wrap:anywhere]">{me.username}</span> · {ts(`roles.${me.role}`)}
            </span>
          </p>
        </div>
      </div>
      <Tabs
        selectedKey={selected}
        onSelectionChange={(key) =>
          void navigate({
            search: { tab: key === 'profile' ? undefined : (key as TabKey) },
            replace: true,
          })
        }
        className="flex flex-col gap-6"
      >
        <TabList
          aria-label={t('tabs.label')}
          className="-mx-4 flex gap-1 overflow-x-auto border-b border-slate-200 px-4 sm:mx-0 sm:px-0 dark:border-slate-800"
        >
          {tabs.map((key) => (
            <Tab
              key={key}
              id={key}
              className="-mb-px cursor-default border-b-2 border-transparent px-3 py-2.5 text-sm font-medium whitespace-nowrap text-slate-600 outline-none hover:text-slate-900 data-[focus-visible]:rounded-t-md data-[focus-visible]:outline-2 data-[focus-visible]:outline-indigo-600 data-[selected]:border-indigo-600 data-[selected]:text-indigo-700 dark:text-slate-400 dark:hover:text-white dark:data-[selected]:border-indigo-400 dark:data-[selected]:text-indigo-300"
            >
              {key === 'notifications' ? tn('tab') : t(`tabs.${key}`)}
            </Tab>
          ))}
        </TabList>
        <TabPanel id="profile" className="outline-none">
          <ProfileTab me={me} />
        </TabPanel>
        <TabPanel id="security" className="outline-none">
          <SecurityTab me={me} />
        </TabPanel>
        <TabPanel id="tokens" className="outline-none">
          <TokensTab me={me} />
        </TabPanel>
        <TabPanel id="sessions" className="outline-none">
          <SessionsTab />
        </TabPanel>
        <TabPanel id="notifications" className="outline-none">
          <NotificationPreferencesTab />
        </TabPanel>
      </Tabs>
    </div>
  );
}
