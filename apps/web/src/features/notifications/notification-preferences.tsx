import { NOTIFICATION_EVENTS, type NotificationEvent, type NotificationPreference } from '@itsm/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button';
import { Checkbox } from '../../components/ui/checkbox';
import { FormError } from '../../components/ui/form-error';
import { ErrorState, errorMessage, Spinner } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { api } from '../../lib/api';
import { Section } from '../account/section';
import { notificationKeys } from './notification-api';

type Choice = Pick<NotificationPreference, 'is_in_app' | 'is_email'>;
type Choices = Record<NotificationEvent, Choice>;

/** Every event, with the saved choice or the default (both channels on). */
function choicesOf(saved: NotificationPreference[] | undefined): Choices {
  const byEvent = new Map((saved ?? []).map((p) => [p.event, p]));
  return Object.fromEntries(
    NOTIFICATION_EVENTS.map((event) => {
      const p = byEvent.get(event);
      return [event, { is_in_app: p?.is_in_app ?? true, is_email: p?.is_email ?? true }];
    }),
  ) as Choices;
}

/** My account → Notifications: for each event, in the app and/or by e-mail. */
export function NotificationPreferencesTab() {
  const { t } = useTranslation('notifications');
  const queryClient = useQueryClient();
  const saved = useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: () => api<NotificationPreference[]>('GET', '/notification-preferences'),
  });
  const [choices, setChoices] = useState<Choices>(() => choicesOf(undefined));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (saved.data) setChoices(choicesOf(saved.data));
  }, [saved.data]);

  const initial = choicesOf(saved.data);
  const changed = NOTIFICATION_EVENTS.some(
    (e) => choices[e].is_in_app !== initial[e].is_in_app || choices[e].is_email !== initial[e].is_email,
  );
  const set = (event: NotificationEvent, channel: keyof Choice, on: boolean) =>
    setChoices((current) => ({ ...current, [event]: { ...current[event], [channel]: on } }));

  async function save() {
    setPending(true);
    setError(null);
    try {
      const body = NOTIFICATION_EVENTS.map((event) => ({ event, ...choices[event] }));
      const answer = await api<NotificationPreference[] | undefined>(
        'PUT',
        '/notification-preferences',
        body,
      );
      queryClient.setQueryData(notificationKeys.preferences, answer ?? body);
      notify(t('preferences.saved'));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <Section title={t('preferences.title')} description={t('preferences.description')}>
      {saved.error ? (
        <ErrorState error={saved.error} onRetry={() => void saved.refetch()} />
      ) : saved.isLoading ? (
        <Spinner />
      ) : (
        <div className="flex flex-col gap-4">
          <div className="-mx-5 overflow-x-auto sm:mx-0">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t('preferences.title')}</caption>
              <thead className="border-b border-slate-200 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:border-slate-800 dark:text-slate-400">
                <tr>
                  <th scope="col" className="py-2 pr-3 pl-5 sm:pl-0">
                    {t('preferences.event')}
                  </th>
                  <th scope="col" className="w-20 px-2 py-2 text-center">
                    {t('preferences.inApp')}
                  </th>
                  <th scope="col" className="w-20 py-2 pr-5 pl-2 text-center sm:pr-0">
                    {t('preferences.email')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {NOTIFICATION_EVENTS.map((event) => (
                  <tr key={event}>
                    <th scope="row" className="py-2.5 pr-3 pl-5 font-normal sm:pl-0">
                      <span className="block font-medium text-slate-800 dark:text-slate-200">
                        {t(`preferences.events.${event}.label`)}
                      </span>
                      <span className="block text-xs text-slate-500 dark:text-slate-400">
                        {t(`preferences.events.${event}.hint`)}
                      </span>
                    </th>
                    <td className="px-2 py-2.5">
                      <div className="flex justify-center">
                        <Checkbox
                          isSelected={choices[event].is_in_app}
                          onChange={(on) => set(event, 'is_in_app', on)}
                        >
                          <span className="sr-only">
                            {t('preferences.inAppFor', { event: t(`preferences.events.${event}.label`) })}
                          </span>
                        </Checkbox>
                      </div>
                    </td>
                    <td className="py-2.5 pr-5 pl-2 sm:pr-0">
                      <div className="flex justify-center">
                        <Checkbox
                          isSelected={choices[event].is_email}
                          onChange={(on) => set(event, 'is_email', on)}
                        >
                          <span className="sr-only">
                            {t('preferences.emailFor', { event: t(`preferences.events.${event}.label`) })}
                          </span>
                        </Checkbox>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <FormError>{error}</FormError>
          <div>
            <Button isPending={pending} isDisabled={!changed} onPress={() => void save()}>
              {t('preferences.save')}
            </Button>
          </div>
        </div>
      )}
    </Section>
  );
}
