import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Toasts } from './components/ui/toast';
import { whenSignedOut } from './lib/api';
import { queryClient } from './lib/query-client';
import { router } from './router';

// A session that ends under the user's feet (timeout, ended elsewhere): back to sign-in, then back here.
whenSignedOut(() => {
  queryClient.setQueryData(['me'], null);
  const here = router.state.location.href;
  if (router.state.location.pathname !== '/login') {
    void router.navigate({ to: '/login', search: { redirect: here, expired: true } });
  }
});

export function App() {
  const { t } = useTranslation('shell');
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
      <Toasts closeLabel={t('actions.close')} />
    </QueryClientProvider>
  );
}
