import type { Ticket, TicketAction, TicketBulk, TicketBulkResult } from '@itsm/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { TextField } from '../../components/ui/field';
import { FormActions } from '../../components/ui/form-actions';
import { FormError } from '../../components/ui/form-error';
import { Radio, RadioGroup } from '../../components/ui/radio-group';
import { SelectField } from '../../components/ui/select-field';
import { errorMessage } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { UserPicker } from '../../components/ui/user-picker';
import { api } from '../../lib/api';
import { useGroups } from '../../lib/lookups';
import { useRefresh } from '../../lib/use-refresh';
import { ACTIONS_WITH_REASON, useTicketErrorText } from './ticket-actions-text';

/** The status changes offered for several tickets at once (each ticket is checked by the server). */
const BULK_ACTIONS = [
  'start',
  'wait',
  'resume',
  'resolve',
  'reopen',
  'cancel',
] as const satisfies readonly TicketAction[];
type BulkAction = (typeof BULK_ACTIONS)[number];

/** The server's answer, with the numbers of the tickets it was about (the selection is gone by then). */
type BulkOutcome = { answer: TicketBulkResult; numbers: Map<number, string> };

type Props = {
  /** The selected tickets (of the page on screen). */
  tickets: Ticket[];
  onClear: () => void;
};

/** The bar over the list while tickets are selected: assign them, change their status, or unselect. */
export function BulkBar({ tickets, onClear }: Props) {
  const { t } = useTranslation('tickets');
  const [dialog, setDialog] = useState<'assign' | 'status' | null>(null);
  const [result, setResult] = useState<BulkOutcome | null>(null);
  const refresh = useRefresh();

  async function run(body: Omit<TicketBulk, 'ids'>) {
    const answer = await api<TicketBulkResult>('POST', '/tickets/bulk', {
      ids: tickets.map((ticket) => ticket.id),
      ...body,
    });
    const numbers = new Map(tickets.map((ticket) => [ticket.id, ticket.number]));
    await refresh('tickets');
    setDialog(null);
    if (answer.failed.length > 0) setResult({ answer, numbers });
    else notify(t('bulk.done', { count: answer.done.length }));
    onClear();
  }

  if (tickets.length === 0 && result === null) return null;
  return (
    <>
      {tickets.length > 0 ? (
        <section
          aria-label={t('bulk.label')}
          className="sticky top-[4.5rem] z-20 flex flex-wrap items-center gap-2 rounded-xl border border-indigo-200 bg-indigo-50/95 px-3 py-2 shadow-sm backdrop-blur dark:border-indigo-900 dark:bg-indigo-950/90"
        >
          <p
            className="mr-auto text-sm font-semibold text-indigo-900 dark:text-indigo-100"
            aria-live="polite"
          >
            {t('bulk.selected', { count: tickets.length })}
          </p>
          <Button variant="secondary" onPress={() => setDialog('assign')}>
            {t('bulk.assign')}
          </Button>
          <Button variant="secondary" onPress={() => setDialog('status')}>
            {t('bulk.status')}
          </Button>
          <Button variant="ghost" onPress={onClear}>
            {t('bulk.clear')}
          </Button>
        </section>
      ) : null}
      <Dialog
        isOpen={dialog === 'assign'}
        onOpenChange={(open) => !open && setDialog(null)}
        title={t('bulk.assignTitle', { count: tickets.length })}
      >
        {dialog === 'assign' ? <BulkAssignForm onSubmit={run} onCancel={() => setDialog(null)} /> : null}
      </Dialog>
      <Dialog
        isOpen={dialog === 'status'}
        onOpenChange={(open) => !open && setDialog(null)}
        title={t('bulk.statusTitle', { count: tickets.length })}
      >
        {dialog === 'status' ? <BulkStatusForm onSubmit={run} onCancel={() => setDialog(null)} /> : null}
      </Dialog>
      <BulkResultDialog outcome={result} onClose={() => setResult(null)} />
    </>
  );
}

function BulkAssignForm({
  onSubmit,
  onCancel,
}: {
  onSubmit: (body: Omit<TicketBulk, 'ids'>) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('tickets');
  const groups = useGroups();
  const [group, setGroup] = useState('');
  const [assignee, setAssignee] = useState<number | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    if (!group && assignee === null) {
      setError(t('bulk.assignNeedsOne'));
      return;
    }
    setPending(true);
    setError(null);
    try {
      await onSubmit({
        ...(group ? { group: Number(group) } : {}),
        ...(assignee !== null ? { assignee } : {}),
      });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <SelectField
        label={t('fields.group')}
        value={group}
        onChange={setGroup}
        options={(groups.data ?? []).map((g) => ({ value: String(g.id), label: g.name }))}
        emptyLabel={t('bulk.keepGroup')}
      />
      <UserPicker
        label={t('fields.assignee')}
        value={assignee}
        onChange={setAssignee}
        clearable
        description={t('bulk.assigneeHint')}
      />
      <FormError>{error}</FormError>
      <FormActions submitLabel={t('bulk.assignConfirm')} isPending={pending} onCancel={onCancel} />
    </form>
  );
}

function BulkStatusForm({
  onSubmit,
  onCancel,
}: {
  onSubmit: (body: Omit<TicketBulk, 'ids'>) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('tickets');
  const [action, setAction] = useState<BulkAction>('start');
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const needsReason = ACTIONS_WITH_REASON.has(action);

  async function submit() {
    if (needsReason && !reason.trim()) {
      setError(t('dialogs.reasonRequired'));
      return;
    }
    setPending(true);
    setError(null);
    try {
      await onSubmit({ action, ...(needsReason ? { reason: reason.trim() } : {}) });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <RadioGroup
        label={t('bulk.action')}
        value={action}
        onChange={(value) => setAction(value as BulkAction)}
      >
        {BULK_ACTIONS.map((a) => (
          <Radio key={a} value={a} description={t(`bulk.actions.${a}`)}>
            {t(`actions.${a}`).replace(/…$/, '')}
          </Radio>
        ))}
      </RadioGroup>
      {needsReason ? (
        <TextField
          label={t('dialogs.reason')}
          value={reason}
          onChange={setReason}
          multiline
          isRequired
          maxLength={5000}
        />
      ) : null}
      <FormError>{error}</FormError>
      <FormActions submitLabel={t('bulk.apply')} isPending={pending} onCancel={onCancel} />
    </form>
  );
}

/** What the server refused, ticket by ticket (what it did is already in the list). */
function BulkResultDialog({ outcome, onClose }: { outcome: BulkOutcome | null; onClose: () => void }) {
  const { t } = useTranslation('tickets');
  const { t: ts } = useTranslation('shell');
  const errorText = useTicketErrorText();
  const result = outcome?.answer ?? null;
  return (
    <Dialog
      isOpen={result !== null}
      onOpenChange={(open) => !open && onClose()}
      title={t('bulk.resultTitle')}
    >
      {result ? (
        <div className="flex flex-col gap-4 text-sm">
          <p className="text-slate-700 dark:text-slate-300">
            {t('bulk.resultSummary', { done: result.done.length, failed: result.failed.length })}
          </p>
          <ul className="flex max-h-72 flex-col divide-y divide-slate-100 overflow-y-auto rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {result.failed.map((failure) => (
              <li key={failure.id} className="flex flex-col gap-0.5 px-3 py-2">
                <span className="font-mono text-xs font-semibold text-slate-900 dark:text-white">
                  {outcome?.numbers.get(failure.id) ?? `#${failure.id}`}
                </span>
                <span className="text-rose-700 dark:text-rose-300">
                  {errorText(failure.code, failure.detail)}
                </span>
              </li>
            ))}
          </ul>
          <div className="flex justify-end">
            <Button variant="secondary" onPress={onClose} className="w-full sm:w-auto">
              {ts('actions.close')}
            </Button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
