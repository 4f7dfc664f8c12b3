import type { Me } from '@itsm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Button, Menu, MenuItem, MenuTrigger, Popover, Separator } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { MenuIcon, SearchIcon } from '../../components/icons';
import { LanguageSwitcher } from '../../components/language-switcher';
import { notify } from '../../components/ui/toast';
import { api, setCsrfToken } from '../../lib/api';
import { rememberSignedIn } from '../auth/session';
import { NotificationBell } from '../notifications/notification-bell';
import { applyTheme, storedTheme, type Theme, themes } from './theme';

const iconButton =
  'inline-flex size-10 items-center justify-center rounded-lg text-slate-600 outline-none hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white';
const menuItem =
  'cursor-default rounded-md px-3 py-2 text-sm text-slate-700 outline-none focused:bg-slate-100 dark:text-slate-200 dark:focused:bg-slate-800';

export function Topbar({ me, onOpenMenu }: { me: Me; onOpenMenu: () => void }) {
  const { t } = useTranslation('shell');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [theme, setTheme] = useState<Theme>(storedTheme);

  async function signOut() {
    await api('POST', '/auth/logout').catch(() => undefined);
    setCsrfToken(null);
    rememberSignedIn(false);
    queryClient.clear();
    queryClient.setQueryData(['me'], null);
    await navigate({ to: '/login' });
  }

  function saveLanguage(locale: string) {
    void api('PATCH', '/auth/me', { locale }).then(() => queryClient.invalidateQueries({ queryKey: ['me'] }));
  }

  const initials = `${me.first_name.charAt(0)}${me.last_name.charAt(0)}`.toUpperCase();

  return (
    <header className="sticky top-0 z-30 flex h-16 items-center gap-2 border-b border-slate-200 bg-white/85 px-3 backdrop-blur sm:px-5 dark:border-slate-800 dark:bg-slate-950/85">
      <Button aria-label={t('nav.open')} onPress={onOpenMenu} className={`${iconButton} lg:hidden`}>
        <MenuIcon className="size-6" />
      </Button>
      <search className="max-w-md flex-1">
        <form
          className="relative"
          onSubmit={(event) => {
            event.preventDefault();
            notify(t('topbar.searchSoon'), 'info');
          }}
        >
          <label htmlFor="global-search" className="sr-only">
            {t('topbar.search')}
          </label>
          <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" />
          <input
            id="global-search"
            type="search"
            placeholder={t('topbar.searchPlaceholder')}
            className="w-full rounded-lg border border-slate-200 bg-slate-50 py-2 pr-3 pl-9 text-sm outline-none placeholder:text-slate-400 focus:border-indigo-500 focus:bg-white focus:ring-2 focus:ring-indigo-500/30 dark:border-slate-800 dark:bg-slate-900 dark:focus:bg-slate-900"
          />
        </form>
      </search>
      <div className="ml-auto flex items-center gap-1">
        <div className="hidden sm:block">
          <LanguageSwitcher onChange={saveLanguage} />
        </div>
        <NotificationBell />
        <MenuTrigger onOpenChange={(open) => open && setTheme(storedTheme())}>
          <Button
            aria-label={t('topbar.profile')}
            className="ml-1 inline-flex items-center gap-2 rounded-full outline-none focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <span className="flex size-9 items-center justify-center rounded-full bg-indigo-600 text-sm font-semibold text-white">
              {initials}
            </span>
          </Button>
          <Popover
            placement="bottom end"
            className="min-w-60 rounded-xl border border-slate-200 bg-white p-1.5 shadow-lg dark:border-slate-800 dark:bg-slate-900"
          >
            <div className="px-3 py-2">
              <p className="text-sm font-semibold text-slate-900 dark:text-white">
                {me.first_name} {me.last_name}
              </p>
              <p className="text-xs text-slate-500 dark:text-slate-400">
                {me.username} · {t(`roles.${me.role}`)}
              </p>
            </div>
            <Menu
              aria-label={t('topbar.profile')}
              className="outline-none"
              onAction={(key) => {
                if (key === 'account') void navigate({ to: '/account' });
                else if (key === 'sign-out') void signOut();
                else if (themes.includes(key as Theme)) {
                  setTheme(key as Theme);
                  applyTheme(key as Theme);
                }
              }}
            >
              <MenuItem id="account" className={menuItem}>
                {t('topbar.account')}
              </MenuItem>
              <Separator className="my-1 border-t border-slate-200 dark:border-slate-800" />
              {themes.map((item) => (
                <MenuItem key={item} id={item} className={menuItem}>
                  <span className="flex items-center justify-between gap-3">
                    {t('topbar.theme')} : {t(`topbar.themes.${item}`)}
                    {theme === item ? <span aria-hidden="true">✓</span> : null}
                  </span>
                </MenuItem>
              ))}
              <Separator className="my-1 border-t border-slate-200 dark:border-slate-800" />
              <MenuItem id="sign-out" className={menuItem}>
                {t('topbar.signOut')}
              </MenuItem>
            </Menu>
          </Popover>
        </MenuTrigger>
      </div>
    </header>
  );
}
