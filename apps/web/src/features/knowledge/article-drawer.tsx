import type { ArticleDetail } from '@itsm/contracts';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CloseIcon } from '../../components/icons';
import { ErrorState, Spinner } from '../../components/ui/states';
import { ArticleBody } from './article-body';
import { articleQuery, countView } from './knowledge-api';

/**
 * An article read without leaving the page (a ticket being written, a ticket's panel): a sheet on
 * the side (from the bottom on a phone) with its sanitised body, a link to its page in a new tab,
 * and the caller's actions.
 */
export function ArticleDrawer({
  article,
  onClose,
  actions,
}: {
  /** What is known before the article comes: its id and title. Null: closed. */
  article: { id: number; title: string } | null;
  onClose: () => void;
  actions?: (article: ArticleDetail) => ReactNode;
}) {
  const { t } = useTranslation('knowledge');
  const detail = useQuery({ ...articleQuery(article?.id ?? 0), enabled: article !== null });
  useCountReading(article !== null ? detail.data : undefined);
  const data = detail.data?.id === article?.id ? detail.data : undefined;
  return (
    <ModalOverlay
      isOpen={article !== null}
      onOpenChange={(open) => !open && onClose()}
      isDismissable
      className="fixed inset-0 z-50 flex items-end justify-end bg-slate-950/40 backdrop-blur-xs sm:items-stretch"
    >
      <Modal className="flex max-h-[92dvh] w-full flex-col overflow-hidden rounded-t-2xl bg-white shadow-xl sm:h-dvh sm:max-h-none sm:w-[min(40rem,92vw)] sm:rounded-none dark:bg-slate-900">
        <Dialog className="flex min-h-0 flex-1 flex-col outline-none">
          <div className="flex items-start gap-3 border-b border-slate-200 px-5 py-4 dark:border-slate-800">
            <div className="min-w-0 flex-1">
              {data?.category_name ? (
                <p className="text-xs font-medium text-indigo-700 dark:text-indigo-300">
                  {data.category_name}
                </p>
              ) : null}
              <Heading
                slot="title"
                className="text-lg font-semibold break-words text-slate-900 dark:text-white"
              >
                {data?.title ?? article?.title}
              </Heading>
            </div>
            <Button
              aria-label={t('drawer.close')}
              onPress={onClose}
              className="inline-flex size-9 shrink-0 items-center justify-center rounded-lg text-slate-500 outline-none hover:bg-slate-100 hover:text-slate-900 data-[focus-visible]:outline-2 data-[focus-visible]:outline-indigo-600 dark:hover:bg-slate-800 dark:hover:text-white"
            >
              <CloseIcon className="size-5" />
            </Button>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto px-5 py-5">
            {detail.error ? (
              <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
            ) : !data ? (
              <Spinner />
            ) : (
              <>
                {data.summary ? (
                  <p className="mb-4 text-base text-slate-600 dark:text-slate-400">{data.summary}</p>
                ) : null}
                {data.body_html.trim() ? (
                  <ArticleBody html={data.body_html} />
                ) : (
                  <p className="text-sm text-slate-500 italic dark:text-slate-400">{t('article.empty')}</p>
                )}
              </>
            )}
          </div>
          <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 px-5 py-3 dark:border-slate-800">
            {data && actions ? actions(data) : null}
            {article ? (
              <a
                href={`/kb/articles/${article.id}`}
                target="_blank"
                rel="noopener"
                className="ml-auto text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300"
              >
                {t('drawer.openPage')}
              </a>
            ) : null}
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** Counts one reading of each published article opened here, as its page does. */
function useCountReading(article: ArticleDetail | undefined) {
  const seen = useRef(new Set<number>());
  useEffect(() => {
    if (!article || seen.current.has(article.id)) return;
    seen.current.add(article.id);
    if (article.status === 'published') void countView(article.id).catch(() => undefined);
  }, [article]);
}
