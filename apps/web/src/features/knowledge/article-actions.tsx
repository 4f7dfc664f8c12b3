import type { ArticleAction, ArticleDetail, ArticleStatus } from '@itsm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { clsx } from 'clsx';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClockIcon, PencilIcon } from '../../components/icons';
import { ActionMenu } from '../../components/ui/action-menu';
import { Button, buttonClass } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { Dialog } from '../../components/ui/dialog';
import { TextField } from '../../components/ui/field';
import { FormActions } from '../../components/ui/form-actions';
import { FormError } from '../../components/ui/form-error';
import { notify } from '../../components/ui/toast';
import { useRefresh } from '../../lib/use-refresh';
import { deleteArticle, kbKeys, transitionArticle } from './knowledge-api';
import { useKnowledgeErrorMessage } from './knowledge-errors';

/** What "unpublish" means depends on where the article is: withdraw from review, unpublish, restore as draft. */
export const actionLabelKey = (action: ArticleAction, status: ArticleStatus) =>
  action === 'unpublish' ? (`actions.unpublish_${status}` as const) : (`actions.${action}` as const);

const PRIMARY: ReadonlySet<ArticleAction> = new Set(['publish', 'approve', 'submit']);

/** Applies a transition, puts the answer in the cache and refreshes the lists. */
function useArticleTransition(article: ArticleDetail) {
  const queryClient = useQueryClient();
  const refresh = useRefresh();
  return async (action: ArticleAction, note?: string) => {
    const updated = await transitionArticle(article.id, action, note);
    queryClient.setQueryData(kbKeys.detail(article.id), updated);
    await refresh(kbKeys.articles, kbKeys.categories, kbKeys.revisions(article.id));
    return updated;
  };
}

/**
 * The staff's buttons on an article: edit, the workflow actions it allows now (a rejection asks why),
 * its history; administrators also delete it, once confirmed.
 */
export function ArticleActions({ article, admin }: { article: ArticleDetail; admin: boolean }) {
  const { t } = useTranslation('knowledge');
  const errorMessage = useKnowledgeErrorMessage();
  const run = useArticleTransition(article);
  const navigate = useNavigate();
  const refresh = useRefresh();
  const [busy, setBusy] = useState<ArticleAction | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [deleting, setDeleting] = useState(false);

  async function press(action: ArticleAction) {
    if (action === 'reject') return setRejecting(true);
    setBusy(action);
    try {
      await run(action);
      notify(t(`done.${action}`));
    } catch (error) {
      notify(errorMessage(error), 'error');
    } finally {
      setBusy(null);
    }
  }

  const button = (action: ArticleAction) => (
    <Button
      key={action}
      variant={PRIMARY.has(action) ? 'primary' : 'secondary'}
      isPending={busy === action}
      isDisabled={busy !== null && busy !== action}
      onPress={() => void press(action)}
      className={clsx(action === 'reject' && 'text-rose-700! dark:text-rose-400!')}
    >
      {t(actionLabelKey(action, article.status))}
    </Button>
  );

  // The step forward first (publish, approve, submit), then edit, then the others.
  return (
    <div className="flex flex-wrap items-center gap-2">
      {article.available_actions.filter((a) => PRIMARY.has(a)).map(button)}
      {article.can_edit ? (
        <Link
          to="/kb/articles/$id/edit"
          params={{ id: String(article.id) }}
          className={buttonClass('secondary')}
        >
          <PencilIcon className="size-4" />
          {t('article.edit')}
        </Link>
      ) : null}
      {article.available_actions.filter((a) => !PRIMARY.has(a)).map(button)}
      <Link
        to="/kb/articles/$id/history"
        params={{ id: String(article.id) }}
        className={buttonClass('ghost')}
      >
        <ClockIcon className="size-4" />
        {t('article.history')}
      </Link>
      {admin ? (
        <ActionMenu
          label={t('article.moreActions', { title: article.title })}
          items={[{ id: 'delete', label: t('article.delete'), tone: 'danger' }]}
          onAction={() => setDeleting(true)}
          className="border border-slate-300 bg-white shadow-xs dark:border-slate-700 dark:bg-slate-900"
        />
      ) : null}

      <Dialog
        isOpen={rejecting}
        onOpenChange={setRejecting}
        title={t('reject.title', { title: article.title })}
      >
        {rejecting ? (
          <RejectForm
            onCancel={() => setRejecting(false)}
            onReject={async (note) => {
              await run('reject', note);
              notify(t('done.reject'));
              setRejecting(false);
            }}
          />
        ) : null}
      </Dialog>
      <ConfirmDialog
        isOpen={deleting}
        onOpenChange={setDeleting}
        title={t('delete.title', { title: article.title })}
        confirmLabel={t('article.delete')}
        onConfirm={async () => {
          await deleteArticle(article.id);
          notify(t('delete.done', { title: article.title }));
          await navigate({ to: '/kb' });
          await refresh(kbKeys.all);
        }}
        describeError={errorMessage}
      >
        {t('delete.body')}
      </ConfirmDialog>
    </div>
  );
}

/** Why the article goes back to its author: the note is required. */
function RejectForm({
  onCancel,
  onReject,
}: {
  onCancel: () => void;
  onReject: (note: string) => Promise<void>;
}) {
  const { t } = useTranslation('knowledge');
  const errorMessage = useKnowledgeErrorMessage();
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    if (!note.trim()) return setMissing(true);
    setPending(true);
    setError(null);
    try {
      await onReject(note.trim());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <p className="text-sm text-slate-600 dark:text-slate-400">{t('reject.body')}</p>
      <TextField
        label={t('reject.note')}
        value={note}
        onChange={setNote}
        multiline
        isRequired
        autoFocus
        maxLength={500}
        error={missing && !note.trim() ? t('reject.noteRequired') : undefined}
      />
      <FormError>{error}</FormError>
      <FormActions
        submitLabel={t('reject.submit')}
        variant="danger"
        isPending={pending}
        onCancel={onCancel}
      />
    </form>
  );
}
