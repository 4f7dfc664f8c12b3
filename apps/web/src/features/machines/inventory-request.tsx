import type { MachineDetail } from '@itsm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RefreshIcon } from '../../components/icons';
import { Button } from '../../components/ui/button';
import { FormError } from '../../components/ui/form-error';
import { errorMessage } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useRefresh } from '../../lib/use-refresh';
import { machineKeys, requestInventory } from './machine-api';
import { InstructionBadge } from './machine-badges';
import { isWaiting, latestInventoryRequest } from './machine-format';

/**
 * "Request inventory now" and where the latest request stands (waiting → sent → done or failed); the
 * machine page polls while the agent has not answered, and everything it shows refreshes once it has.
 */
export function InventoryRequest({ machine, now }: { machine: MachineDetail; now: number }) {
  const { t, i18n } = useTranslation('machines');
  const language = i18n.resolvedLanguage ?? 'fr';
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const latest = latestInventoryRequest(machine.instructions);
  const waiting = isWaiting(latest);

  // Once the agent answers, its inventory changed the hardware, software and history.
  const wasWaiting = useRef(waiting);
  useEffect(() => {
    if (wasWaiting.current && !waiting) void queryClient.invalidateQueries({ queryKey: machineKeys.all });
    wasWaiting.current = waiting;
  }, [waiting, queryClient]);

  async function request() {
    setPending(true);
    setError(null);
    try {
      const instruction = await requestInventory(machine.id);
      const reused = latest?.id === instruction.id;
      notify(reused ? t('toast.inventoryAlreadyWaiting') : t('toast.inventoryRequested'), 'info');
      await refresh(machineKeys.detail(machine.id));
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-3 border-t border-slate-100 pt-4 dark:border-slate-800">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          isPending={pending}
          isDisabled={!machine.has_agent || waiting}
          onPress={() => void request()}
        >
          <RefreshIcon className="size-4" />
          {t('inventory.request')}
        </Button>
        {latest ? (
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600 dark:text-slate-400">
            <span className="sr-only">{t('inventory.lastRequest')}</span>
            <span aria-live="polite">
              <InstructionBadge status={latest.status} />
            </span>
            {latest.completed_at && latest.status !== 'expired' ? (
              <time dateTime={latest.completed_at} title={formatDateTime(latest.completed_at, language)}>
                {t('inventory.answered', { when: formatRelative(latest.completed_at, language, now) })}
              </time>
            ) : (
              <time dateTime={latest.created_at} title={formatDateTime(latest.created_at, language)}>
                {t('inventory.requested', { when: formatRelative(latest.created_at, language, now) })}
              </time>
            )}
          </p>
        ) : null}
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {machine.has_agent ? t('inventory.hint') : t('inventory.noAgent')}
      </p>
      {latest?.status === 'failed' && latest.error ? (
        <p className="rounded-lg bg-rose-50 px-3 py-2 font-mono text-xs break-words text-rose-800 dark:bg-rose-950/40 dark:text-rose-200">
          {latest.error}
        </p>
      ) : null}
      <FormError>{error ? errorMessage(error) : null}</FormError>
    </div>
  );
}
