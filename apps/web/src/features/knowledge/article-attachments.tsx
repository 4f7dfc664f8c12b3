import type { ArticleAttachment, PublicAttachment } from '@itsm/contracts';
import { useQuery } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PaperclipIcon } from '../../components/icons';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { Spinner } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { ApiError } from '../../lib/api';
import { useRefresh } from '../../lib/use-refresh';
import { formatSize } from '../tickets/attachments';
import { markdownFor } from './article-media';
import { kbKeys } from './knowledge-api';
import { useKnowledgeErrorMessage } from './knowledge-errors';
import { attachmentsQuery, deleteArticleFile, mediaKeys, uploadArticleFile } from './media-api';

/** The message of a refused upload or removal, in the reader's words. */
export function useMediaErrorMessage() {
  const { t } = useTranslation('knowledge');
  const fallback = useKnowledgeErrorMessage();
  return (error: unknown) => {
    if (error instanceof ApiError) {
      if (error.code === 'PAYLOAD_TOO_LARGE') return t('media.errors.tooLarge');
      if (error.code === 'UNSUPPORTED_MEDIA_TYPE') return t('media.errors.type');
      if (error.code === 'VALIDATION_FAILED') return t('media.errors.empty');
      if (error.code === 'ATTACHMENT_NOT_FOUND') return t('media.errors.gone');
    }
    return fallback(error);
  };
}

/**
 * Sends files to an article one by one, says which ones were refused and why, refreshes the article's
 * lists; answers the files that were attached.
 */
export function useArticleUpload() {
  const { t } = useTranslation('knowledge');
  const refresh = useRefresh();
  const describe = useMediaErrorMessage();
  return async (articleId: number, files: File[]): Promise<ArticleAttachment[]> => {
    const sent: ArticleAttachment[] = [];
    for (const file of files) {
      try {
        sent.push(await uploadArticleFile(articleId, file));
      } catch (error) {
        notify(t('media.failed', { name: file.name, reason: describe(error) }), 'error');
      }
    }
    if (sent.length > 0) notify(t('media.uploaded', { count: sent.length }));
    await refresh(mediaKeys.attachments(articleId), kbKeys.detail(articleId));
    return sent;
  };
}

const fileButton =
  'inline-flex cursor-pointer items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-700 shadow-xs hover:bg-slate-50 focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-indigo-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800';

/**
 * The editor's "Files and images": add files, insert one in the text, remove one. A new article has
 * no files yet: adding some saves it as a draft first (`upload` takes care of it).
 */
export function EditorAttachments({
  articleId,
  upload,
  onInsert,
}: {
  articleId: number | null;
  /** Sends the chosen files (a new article: saves the draft first). */
  upload: (files: File[]) => Promise<unknown>;
  onInsert: (markdown: string) => void;
}) {
  const { t, i18n } = useTranslation('knowledge');
  const language = i18n.resolvedLanguage ?? 'fr';
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const refresh = useRefresh();
  const describe = useMediaErrorMessage();
  const files = useQuery({ ...attachmentsQuery(articleId ?? 0), enabled: articleId !== null });
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<ArticleAttachment | null>(null);

  async function send(chosen: File[]) {
    setBusy(true);
    try {
      await upload(chosen);
    } finally {
      setBusy(false);
    }
  }

  const list = files.data ?? [];
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="text-sm font-semibold text-slate-900 dark:text-white">
          {t('media.title')}
          {list.length > 0 ? <span className="ml-1.5 font-normal text-slate-500">{list.length}</span> : null}
        </h2>
        <label htmlFor={id} className={clsx(fileButton, busy && 'pointer-events-none opacity-60')}>
          <PaperclipIcon className="size-4" />
          {busy ? t('media.sending') : articleId === null ? t('media.addToNew') : t('media.add')}
          <input
            ref={input}
            id={id}
            type="file"
            multiple
            className="sr-only"
            disabled={busy}
            onChange={(event) => {
              const chosen = Array.from(event.target.files ?? []);
              event.target.value = '';
              if (chosen.length > 0) void send(chosen);
            }}
          />
        </label>
      </div>
      {articleId === null ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('media.newHint')}</p>
      ) : files.isLoading ? (
        <Spinner />
      ) : list.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">{t('media.none')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-100 dark:divide-slate-800">
          {list.map((file) => (
            <li key={file.id} className="flex flex-wrap items-center gap-3 py-2 first:pt-0 last:pb-0">
              {file.is_image ? (
                <img
                  src={file.url}
                  alt=""
                  loading="lazy"
                  className="size-12 shrink-0 rounded-md border border-slate-200 object-cover dark:border-slate-700"
                />
              ) : (
                <span className="flex size-12 shrink-0 items-center justify-center rounded-md border border-slate-200 text-slate-400 dark:border-slate-700">
                  <PaperclipIcon className="size-5" />
                </span>
              )}
              <span className="flex min-w-0 flex-1 flex-col">
                <a
                  href={file.url}
                  download={file.file_name}
                  className="truncate text-sm font-medium text-slate-800 hover:underline dark:text-slate-200"
                >
                  {file.file_name}
                </a>
                <span className="text-xs text-slate-500 dark:text-slate-400">
                  {formatSize(file.size_bytes, language)}
                </span>
              </span>
              <span className="flex shrink-0 gap-1">
                <Button
                  variant="ghost"
                  className="px-2.5 py-1 text-xs"
                  onPress={() => onInsert(markdownFor(file))}
                  aria-label={t('media.insertNamed', { name: file.file_name })}
                >
                  {t('media.insert')}
                </Button>
                <Button
                  variant="ghost"
                  className="px-2.5 py-1 text-xs text-rose-700 dark:text-rose-400"
                  onPress={() => setRemoving(file)}
                  aria-label={t('media.removeNamed', { name: file.file_name })}
                >
                  {t('media.remove')}
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        isOpen={removing !== null}
        onOpenChange={(open) => {
          if (!open) setRemoving(null);
        }}
        title={t('media.removeTitle', { name: removing?.file_name ?? '' })}
        confirmLabel={t('media.remove')}
        describeError={describe}
        onConfirm={async () => {
          if (!removing || articleId === null) return;
          await deleteArticleFile(removing.id);
          notify(t('media.removed', { name: removing.file_name }));
          await refresh(mediaKeys.attachments(articleId), kbKeys.detail(articleId));
        }}
      >
        {t('media.removeBody')}
      </ConfirmDialog>
    </section>
  );
}

/** An article's files for its readers: images as thumbnails, the others as lines; each one downloads. */
export function ArticleAttachmentList({
  attachments,
}: {
  attachments: ReadonlyArray<ArticleAttachment | PublicAttachment>;
}) {
  const { t, i18n } = useTranslation('knowledge');
  const language = i18n.resolvedLanguage ?? 'fr';
  const id = useId();
  if (attachments.length === 0) return null;
  const images = attachments.filter((a) => a.is_image);
  const others = attachments.filter((a) => !a.is_image);
  return (
    <section aria-labelledby={id} className="flex flex-col gap-2">
      <h2 id={id} className="text-sm font-semibold text-slate-700 dark:text-slate-300">
        {t('article.attachments')}
      </h2>
      {images.length > 0 ? (
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {images.map((file) => (
            <li key={file.id}>
              <a
                href={file.url}
                download={file.file_name}
                title={t('media.download', { name: file.file_name })}
                className="group flex flex-col overflow-hidden rounded-lg border border-slate-200 bg-slate-50 outline-none focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-slate-700 dark:bg-slate-800"
              >
                <img
                  src={file.url}
                  alt={file.file_name}
                  loading="lazy"
                  className="aspect-video w-full object-cover transition group-hover:opacity-90"
                />
                <span className="flex items-center justify-between gap-2 px-2 py-1 text-xs">
                  <span className="truncate text-slate-700 dark:text-slate-200">{file.file_name}</span>
                  <span className="shrink-0 text-slate-500 dark:text-slate-400">
                    {formatSize(file.size_bytes, language)}
                  </span>
                </span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {others.length > 0 ? (
        <ul className="flex flex-wrap gap-2">
          {others.map((file) => (
            <li key={file.id}>
              <a
                href={file.url}
                download={file.file_name}
                title={t('media.download', { name: file.file_name })}
                className="inline-flex items-center gap-1.5 rounded-lg border border-slate-200 bg-white px-3 py-1.5 text-sm text-slate-700 hover:border-indigo-300 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200"
              >
                <PaperclipIcon className="size-4" />
                {file.file_name}
                <span className="text-xs text-slate-500 dark:text-slate-400">
                  {formatSize(file.size_bytes, language)}
                </span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
