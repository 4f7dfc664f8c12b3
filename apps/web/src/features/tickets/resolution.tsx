import type { Me, Survey, TicketDetail } from '@itsm/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { useState } from 'react';
import { Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CheckCircleIcon, StarIcon } from '../../components/icons';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { TextField } from '../../components/ui/field';
import { FormError } from '../../components/ui/form-error';
import { notify } from '../../components/ui/toast';
import { api } from '../../lib/api';
import { Markdown } from './markdown';
import { TransitionForm, useTransition } from './ticket-actions';
import { useTicketErrorMessage } from './ticket-actions-text';
import { surveyQuery, ticketKeys } from './ticket-api';

/**
 * The requester's answer to a resolution: the solution, then "it works" (the ticket closes) or
 * "it still does not" (with a reason; back to the technician).
 */
export function ResolutionBanner({ ticket, me }: { ticket: TicketDetail; me: Me }) {
  const { t } = useTranslation('tickets');
  const run = useTransition(ticket);
  const errorMessage = useTicketErrorMessage();
  const [rejecting, setRejecting] = useState(false);
  const [pending, setPending] = useState(false);
  const canAnswer = ticket.available_actions.includes('validate');
  if (!canAnswer) return null;

  async function validate() {
    setPending(true);
    try {
      await run({ action: 'validate' });
      notify(t('done.validate'));
    } catch (error) {
      notify(errorMessage(error), 'error');
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="rounded-2xl border border-emerald-300 bg-emerald-50 p-4 sm:p-5 dark:border-emerald-800 dark:bg-emerald-950/40">
      <div className="flex items-start gap-3">
        <CheckCircleIcon className="mt-0.5 size-6 shrink-0 text-emerald-600 dark:text-emerald-400" />
        <div className="flex min-w-0 flex-1 flex-col gap-3">
          <div>
            <h2 className="font-semibold text-emerald-950 dark:text-emerald-100">{t('resolution.title')}</h2>
            <p className="mt-0.5 text-sm text-emerald-900/80 dark:text-emerald-200/80">
              {t('resolution.question')}
            </p>
          </div>
          {ticket.solution ? (
            <div className="rounded-lg bg-white/70 px-3 py-2 dark:bg-slate-900/60">
              <Markdown source={ticket.solution} />
            </div>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button isPending={pending} onPress={() => void validate()}>
              {t('resolution.validate')}
            </Button>
            <Button variant="secondary" onPress={() => setRejecting(true)}>
              {t('resolution.reject')}
            </Button>
          </div>
        </div>
      </div>
      <Dialog
        isOpen={rejecting}
        onOpenChange={setRejecting}
        title={t('dialogs.reject.title', { number: ticket.number })}
      >
        {rejecting ? (
          <TransitionForm ticket={ticket} action="reject" me={me} onDone={() => setRejecting(false)} />
        ) : null}
      </Dialog>
    </section>
  );
}

/** The solution as the support team wrote it (everyone but a requester asked to validate it). */
export function SolutionCard({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation('tickets');
  if (!ticket.solution || ticket.available_actions.includes('validate')) return null;
  return (
    <section className="rounded-2xl border border-emerald-200 bg-white p-4 shadow-xs sm:p-5 dark:border-emerald-900/70 dark:bg-slate-900">
      <h2 className="mb-2 flex items-center gap-2 text-sm font-semibold text-emerald-800 dark:text-emerald-300">
        <CheckCircleIcon className="size-4" />
        {t('resolution.solution')}
      </h2>
      <Markdown source={ticket.solution} />
    </section>
  );
}

export function Stars({ rating, size = 'size-5' }: { rating: number; size?: string }) {
  const { t } = useTranslation('tickets');
  return (
    <span role="img" aria-label={t('survey.rated', { rating })} className="inline-flex gap-0.5">
      {[1, 2, 3, 4, 5].map((n) => (
        <StarIcon
          key={n}
          className={clsx(
            size,
            n <= rating ? 'fill-amber-400 text-amber-500' : 'text-slate-300 dark:text-slate-600',
          )}
        />
      ))}
    </span>
  );
}

/** The satisfaction survey of a closed ticket: the requester answers it once; the answer shows after. */
export function SurveyCard({ ticket, me }: { ticket: TicketDetail; me: Me }) {
  const { t } = useTranslation('tickets');
  const survey = useQuery({ ...surveyQuery(ticket.id), enabled: ticket.status === 'closed' });
  if (ticket.status !== 'closed' || !survey.data) return null;
  const data = survey.data;
  if (data.answered_at && data.rating !== null) {
    return (
      <section className="rounded-2xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5 dark:border-slate-800 dark:bg-slate-900">
        <h2 className="mb-2 text-sm font-semibold text-slate-900 dark:text-white">
          {me.id === ticket.requester ? t('survey.yourAnswer') : t('survey.answer')}
        </h2>
        <Stars rating={data.rating} />
        {data.comment ? (
          <p className="mt-2 text-sm whitespace-pre-line text-slate-700 dark:text-slate-300">
            {data.comment}
          </p>
        ) : null}
      </section>
    );
  }
  if (me.id !== ticket.requester) return null;
  return <SurveyForm ticket={ticket} />;
}

function SurveyForm({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation('tickets');
  const queryClient = useQueryClient();
  const errorMessage = useTicketErrorMessage();
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send() {
    if (rating === null) return setError(t('survey.ratingRequired'));
    setPending(true);
    setError(null);
    try {
      const answer = await api<Survey | undefined>('POST', `/tickets/${ticket.id}/survey`, {
        rating,
        comment: comment.trim() || null,
      });
      if (answer?.answered_at) queryClient.setQueryData(ticketKeys.survey(ticket.id), answer);
      else await queryClient.invalidateQueries({ queryKey: ticketKeys.survey(ticket.id) });
      await queryClient.invalidateQueries({ queryKey: ticketKeys.timeline(ticket.id) });
      notify(t('survey.thanks'));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="rounded-2xl border border-amber-300 bg-amber-50 p-4 sm:p-5 dark:border-amber-800 dark:bg-amber-950/30">
      <h2 className="font-semibold text-amber-950 dark:text-amber-100">{t('survey.title')}</h2>
      <p className="mt-0.5 text-sm text-amber-900/80 dark:text-amber-200/80">{t('survey.question')}</p>
      <form
        className="mt-3 flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <RadioGroup
          aria-label={t('survey.rating')}
          orientation="horizontal"
          value={rating === null ? null : String(rating)}
          onChange={(value) => setRating(Number(value))}
          className="flex flex-wrap items-center gap-1"
        >
          {[1, 2, 3, 4, 5].map((n) => (
            <Radio
              key={n}
              value={String(n)}
              aria-label={t(`survey.stars.${n as 1}`)}
              className="group cursor-pointer rounded-md p-0.5 outline-none data-[focus-visible]:outline-2 data-[focus-visible]:outline-indigo-600"
            >
              <StarIcon
                className={clsx(
                  'size-8 transition',
                  rating !== null && n <= rating
                    ? 'fill-amber-400 text-amber-500'
                    : 'text-amber-300 group-hover:text-amber-500 dark:text-amber-700',
                )}
              />
            </Radio>
          ))}
          {rating !== null ? (
            <span className="ml-2 text-sm font-medium text-amber-900 dark:text-amber-200">
              {t(`survey.stars.${rating as 1}`)}
            </span>
          ) : null}
        </RadioGroup>
        <TextField
          label={t('survey.comment')}
          value={comment}
          onChange={setComment}
          multiline
          maxLength={5000}
        />
        <FormError>{error}</FormError>
        <Button type="submit" isPending={pending} className="self-start">
          {t('survey.send')}
        </Button>
      </form>
    </section>
  );
}
