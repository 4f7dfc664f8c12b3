import type { ArticleDetail } from '@itsm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/field';
import { FormError } from '../../components/ui/form-error';
import { kbKeys, voteArticle } from './knowledge-api';
import { useKnowledgeErrorMessage } from './knowledge-errors';

const Thumb = ({ down }: { down?: boolean }) => (
  <svg
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={1.75}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    className={clsx('size-4', down && 'rotate-180')}
  >
    <path d="M7 10v10H4V10h3Zm0 0 4-7c1.5 0 2.5 1 2.2 2.6L12.6 9H18a2 2 0 0 1 2 2.3l-1.2 6.9A2 2 0 0 1 16.8 20H7" />
  </svg>
);

/**
 * "Was this helpful?": yes or no (the reader's vote shows, and may change), then an optional comment
 * for the authors.
 */
export function ArticleFeedback({ article }: { article: ArticleDetail }) {
  const { t } = useTranslation('knowledge');
  const queryClient = useQueryClient();
  const errorMessage = useKnowledgeErrorMessage();
  const headingId = useId();
  const vote = article.my_vote;
  const [pending, setPending] = useState<'yes' | 'no' | 'comment' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [comment, setComment] = useState(vote?.comment ?? '');

  async function send(helpful: boolean, text: string | null, what: 'yes' | 'no' | 'comment') {
    setPending(what);
    setError(null);
    try {
      const updated = await voteArticle(article.id, { helpful, comment: text });
      queryClient.setQueryData(kbKeys.detail(article.id), updated);
      setComment(updated.my_vote?.comment ?? '');
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    } finally {
      setPending(null);
    }
  }

  const choice = (helpful: boolean) => {
    const chosen = vote?.helpful === helpful;
    return (
      <Button
        variant="secondary"
        aria-pressed={chosen}
        isPending={pending === (helpful ? 'yes' : 'no')}
        isDisabled={pending !== null}
        // Changing one's mind keeps the comment already written.
        onPress={() => void send(helpful, vote?.comment ?? null, helpful ? 'yes' : 'no')}
        className={clsx(
          'min-w-24',
          chosen &&
            (helpful
              ? 'border-emerald-500! bg-emerald-50! text-emerald-800! dark:bg-emerald-950/50! dark:text-emerald-200!'
              : 'border-rose-400! bg-rose-50! text-rose-800! dark:bg-rose-950/50! dark:text-rose-200!'),
        )}
      >
        <Thumb down={!helpful} />
        {helpful ? t('feedback.yes') : t('feedback.no')}
      </Button>
    );
  };

  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-slate-50 p-4 sm:p-5 dark:border-slate-800 dark:bg-slate-900/60"
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <h2 id={headingId} className="text-base font-semibold text-slate-900 dark:text-white">
          {t('feedback.question')}
        </h2>
        <div className="flex gap-2">
          {choice(true)}
          {choice(false)}
        </div>
      </div>
      {vote ? (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          {vote.helpful ? t('feedback.thanksYes') : t('feedback.thanksNo')}
        </p>
      ) : null}
      {vote?.comment && !editing ? (
        <div className="flex flex-col gap-1 text-sm">
          <p className="font-medium text-slate-700 dark:text-slate-300">{t('feedback.yourComment')}</p>
          <p className="whitespace-pre-wrap text-slate-600 dark:text-slate-400">{vote.comment}</p>
          <button
            type="button"
            onClick={() => setEditing(true)}
            className="self-start text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300"
          >
            {t('feedback.editComment')}
          </button>
        </div>
      ) : vote ? (
        <form
          className="flex flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            void send(vote.helpful, comment.trim() || null, 'comment').then((ok) => ok && setEditing(false));
          }}
        >
          <TextField
            label={vote.helpful ? t('feedback.commentYes') : t('feedback.commentNo')}
            value={comment}
            onChange={setComment}
            multiline
            maxLength={2000}
          />
          <div className="flex gap-2">
            <Button type="submit" variant="secondary" isPending={pending === 'comment'}>
              {t('feedback.sendComment')}
            </Button>
            {editing ? (
              <Button variant="ghost" onPress={() => setEditing(false)}>
                {t('feedback.cancel')}
              </Button>
            ) : null}
          </div>
        </form>
      ) : null}
      <FormError>{error}</FormError>
    </section>
  );
}
