import type { Me, TicketAction, TicketDetail, TicketTransition } from '@itsm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PencilIcon, UserIcon } from '../../components/icons';
import { Button, type ButtonVariant } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { TextField } from '../../components/ui/field';
import { FormActions } from '../../components/ui/form-actions';
import { FormError } from '../../components/ui/form-error';
import { notify } from '../../components/ui/toast';
import { fullName } from '../../lib/user-names';
import { AssigneeField, GroupField } from './assignee-field';
import { MarkdownEditor } from './markdown-editor';
import { ACTIONS_WITH_REASON, useTicketErrorMessage } from './ticket-actions-text';
import { ticketKeys, transition } from './ticket-api';
import { EditTicketDialog } from './ticket-edit';

/** The first of these the viewer may take is the page's main button. */
const PRIMARY_ORDER: readonly TicketAction[] = ['approve', 'start', 'resolve', 'resume'];
/** Shown elsewhere: the requester's answer to a resolution has its own banner. */
const ELSEWHERE: ReadonlySet<TicketAction> = new Set(['validate', 'reject']);
const DANGER: ReadonlySet<TicketAction> = new Set(['cancel', 'refuse']);

/** Applies a transition and puts the answer in the cache; the timeline and lists refetch. */
export function useTransition(ticket: TicketDetail) {
  const queryClient = useQueryClient();
  return async (body: TicketTransition) => {
    const updated = await transition(ticket.id, body);
    queryClient.setQueryData(ticketKeys.detail(ticket.id), updated);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ticketKeys.timeline(ticket.id) }),
      queryClient.invalidateQueries({ queryKey: ticketKeys.list }),
      queryClient.invalidateQueries({ queryKey: ticketKeys.survey(ticket.id) }),
    ]);
    return updated;
  };
}

type DialogState = { action: TicketAction } | { action: 'edit' } | null;

/** The buttons of the actions the viewer may take now, and the dialogs that ask what they need. */
export function TicketActions({ ticket, me }: { ticket: TicketDetail; me: Me }) {
  const { t } = useTranslation('tickets');
  const run = useTransition(ticket);
  const errorMessage = useTicketErrorMessage();
  const [dialog, setDialog] = useState<DialogState>(null);
  const [busy, setBusy] = useState<TicketAction | 'take' | null>(null);

  const actions = ticket.available_actions.filter((a) => !ELSEWHERE.has(a));
  const primary = PRIMARY_ORDER.find((a) => actions.includes(a));
  const canTake = actions.includes('assign') && ticket.assignee !== me.id && me.role !== 'user';

  async function immediate(action: TicketAction | 'take') {
    setBusy(action);
    try {
      if (action === 'take') {
        await run({ action: 'assign', assignee: me.id, ...(ticket.group ? { group: ticket.group } : {}) });
        notify(t('done.take'));
      } else {
        await run({ action });
        notify(t(`done.${action}`));
      }
    } catch (error) {
      notify(errorMessage(error), 'error');
    } finally {
      setBusy(null);
    }
  }

  function press(action: TicketAction) {
    if (action === 'assign' || action === 'resolve' || ACTIONS_WITH_REASON.has(action)) setDialog({ action });
    else void immediate(action);
  }

  const variantOf = (action: TicketAction): ButtonVariant =>
    action === primary ? 'primary' : DANGER.has(action) ? 'ghost' : 'secondary';
  const firstDanger = actions.find((a) => DANGER.has(a));
  const ordered = [...(primary ? [primary] : []), ...actions.filter((a) => a !== primary)];

  const button = (action: TicketAction) => (
    <Button
      key={action}
      variant={variantOf(action)}
      isPending={busy === action}
      onPress={() => press(action)}
      className={clsx(
        DANGER.has(action) && 'text-rose-700! dark:text-rose-400!',
        action === firstDanger && 'sm:ml-auto',
      )}
    >
      {t(`actions.${action}`)}
    </Button>
  );

  if (ordered.length === 0 && !ticket.can_edit) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {canTake ? (
        <Button variant="secondary" isPending={busy === 'take'} onPress={() => void immediate('take')}>
          <UserIcon className="size-4" />
          {t('actions.take')}
        </Button>
      ) : null}
      {ordered.filter((a) => !DANGER.has(a)).map(button)}
      {ticket.can_edit ? (
        <Button variant="secondary" onPress={() => setDialog({ action: 'edit' })}>
          <PencilIcon className="size-4" />
          {t('actions.edit')}
        </Button>
      ) : null}
      {ordered.filter((a) => DANGER.has(a)).map(button)}
      <Dialog
        isOpen={dialog !== null && dialog.action !== 'edit'}
        onOpenChange={(open) => !open && setDialog(null)}
        title={
          dialog && dialog.action !== 'edit'
            ? t(`dialogs.${dialog.action as 'wait'}.title`, { number: ticket.number })
            : ''
        }
        size={dialog?.action === 'resolve' ? 'lg' : 'md'}
      >
        {dialog && dialog.action !== 'edit' ? (
          <TransitionForm ticket={ticket} action={dialog.action} me={me} onDone={() => setDialog(null)} />
        ) : null}
      </Dialog>
      <EditTicketDialog ticket={dialog?.action === 'edit' ? ticket : null} onClose={() => setDialog(null)} />
    </div>
  );
}

/** What an action needs before it is sent: a reason, a solution, or whom to assign. */
export function TransitionForm({
  ticket,
  action,
  me,
  onDone,
}: {
  ticket: TicketDetail;
  action: TicketAction;
  me: Me;
  onDone: () => void;
}) {
  const { t } = useTranslation('tickets');
  const run = useTransition(ticket);
  const errorMessage = useTicketErrorMessage();
  const [reason, setReason] = useState('');
  const [solution, setSolution] = useState(ticket.solution ?? '');
  const [group, setGroup] = useState<number | null>(ticket.group);
  const [assignee, setAssignee] = useState<number | null>(ticket.assignee);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const needsReason = ACTIONS_WITH_REASON.has(action);

  async function submit() {
    if (needsReason && !reason.trim()) return setMissing(true);
    if (action === 'resolve' && !solution.trim()) return setMissing(true);
    if (action === 'assign' && assignee === null && group === null) return setMissing(true);
    setPending(true);
    setError(null);
    try {
      const body: TicketTransition = { action };
      if (needsReason) body.reason = reason.trim();
      if (action === 'resolve') body.solution = solution;
      if (action === 'assign') {
        if (assignee !== null) body.assignee = assignee;
        if (group !== null) body.group = group;
      }
      await run(body);
      notify(t(`done.${action}`));
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  const tone: ButtonVariant = DANGER.has(action) ? 'danger' : 'primary';
  return (
    <form
      className="flex flex-col gap-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <p className="text-sm text-slate-600 dark:text-slate-400">{t(`dialogs.${action as 'wait'}.body`)}</p>
      {needsReason ? (
        <TextField
          label={t('dialogs.reason')}
          value={reason}
          onChange={setReason}
          multiline
          isRequired
          autoFocus
          maxLength={5000}
          error={missing && !reason.trim() ? t('dialogs.reasonRequired') : undefined}
        />
      ) : null}
      {action === 'resolve' ? (
        <MarkdownEditor
          label={t('dialogs.solution')}
          value={solution}
          onChange={setSolution}
          rows={6}
          isRequired
          autoFocus
          description={t('dialogs.solutionHint')}
          error={missing && !solution.trim() ? t('dialogs.solutionRequired') : undefined}
        />
      ) : null}
      {action === 'assign' ? (
        <>
          <GroupField
            value={group}
            onChange={(next) => {
              setGroup(next);
              setAssignee(null);
            }}
            emptyLabel={t('detail.noGroup')}
            currentName={ticket.group_name}
          />
          <AssigneeField
            group={group}
            value={assignee}
            onChange={setAssignee}
            emptyLabel={t('dialogs.assign.nobody')}
            currentName={
              assignee === me.id ? fullName(me) : assignee === ticket.assignee ? ticket.assignee_name : null
            }
            error={missing && assignee === null && group === null ? t('dialogs.assign.required') : undefined}
          />
          {assignee !== me.id && me.role !== 'user' ? (
            <button
              type="button"
              onClick={() => setAssignee(me.id)}
              className="self-start text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400"
            >
              {t('dialogs.assign.me')}
            </button>
          ) : null}
        </>
      ) : null}
      <FormError>{error}</FormError>
      <FormActions
        submitLabel={t(`dialogs.${action as 'wait'}.confirm`)}
        variant={tone}
        isPending={pending}
        onCancel={onDone}
      />
    </form>
  );
}
