import { useQuery } from '@tanstack/react-query';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { Button, Dialog, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CloseIcon } from '../../components/icons';
import { LanguageSwitcher } from '../../components/language-switcher';
import { Spinner } from '../../components/ui/states';
import { changeLanguage } from '../../i18n';
import { isLanguage } from '../../i18n/language';
import { meQuery } from '../auth/session';
import { Sidebar } from './sidebar';
import { Topbar } from './topbar';

/** Sidebar, top bar and the page; on phones the sidebar is a drawer behind the menu button. */
export function AppShell() {
  const { t, i18n } = useTranslation('shell');
  const { data: me } = useQuery(meQuery);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });

  // The profile's language wins once per sign-in; switching later saves the new choice (top bar).
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per signed-in user
  useEffect(() => {
    if (me && isLanguage(me.locale) && i18n.resolvedLanguage !== me.locale) void changeLanguage(me.locale);
  }, [me?.id]);

  // The drawer closes when the page changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger
  useEffect(() => setDrawerOpen(false), [pathname]);

  if (!me) return <Spinner />;

  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[16rem_1fr]">
      <a
        href="#main"
        className="sr-only rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50"
      >
        {t('skip')}
      </a>
      <aside className="hidden border-r border-slate-200 bg-white lg:block dark:border-slate-800 dark:bg-slate-950">
        <div className="sticky top-0 h-dvh overflow-y-auto">
          <Sidebar role={me.role} />
        </div>
      </aside>
      <ModalOverlay
        isOpen={drawerOpen}
        onOpenChange={setDrawerOpen}
        isDismissable
        className="fixed inset-0 z-40 bg-slate-950/50 lg:hidden"
      >
        <Modal className="h-full w-72 max-w-[85vw] bg-white shadow-xl dark:bg-slate-950">
          <Dialog aria-label={t('nav.label')} className="relative h-full overflow-y-auto outline-none">
            <Button
              aria-label={t('nav.close')}
              onPress={() => setDrawerOpen(false)}
              className="absolute top-4 right-3 inline-flex size-9 items-center justify-center rounded-lg text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800"
            >
              <CloseIcon className="size-5" />
            </Button>
            <Sidebar role={me.role} onNavigate={() => setDrawerOpen(false)} />
            <div className="px-6 pb-6 sm:hidden">
              <LanguageSwitcher />
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
      <div className="flex min-w-0 flex-col">
        <Topbar me={me} onOpenMenu={() => setDrawerOpen(true)} />
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none sm:px-6 lg:py-8"
        >
          <Outlet />
        </main>
      </div>
    </div>
  );
}
