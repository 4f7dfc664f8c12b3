import type { ArticleAttachment } from '@itsm/contracts';
import { clsx } from 'clsx';
import { type Ref, useId, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImageIcon } from '../../components/icons';
import { inputClass } from '../../components/ui/field';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { ArticleBody } from './article-body';
import { renderArticleMarkdown } from './article-markdown';
import { ARTICLE_IMAGE_TYPES, insertBlock, isArticleImage, markdownFor } from './article-media';

/** What the editor's page may do with the body: put a block of Markdown where the caret is, or at the end. */
export type BodyEditorHandle = { insert: (markdown: string) => void; append: (markdown: string) => void };

/**
 * Sends files to the article and answers them, to be shown in the body where the caret was; null
 * when they are taken care of elsewhere (a new article is saved as a draft first).
 */
export type UploadFiles = (files: File[]) => Promise<ArticleAttachment[] | null>;

const paneTitle =
  'hidden border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase lg:block dark:border-slate-800 dark:bg-slate-900/60 dark:text-slate-400';

/**
 * The article's Markdown with its live preview: side by side on large screens, "Write" and
 * "Preview" tabs on phones. The preview is rendered as the server will render it. With `uploadFiles`,
 * images come in by the "Insert image" button, by pasting or by dropping them (other dropped files
 * as links), at the caret.
 */
export function BodyEditor({
  value,
  onChange,
  onBlur,
  error,
  uploadFiles,
  editorRef,
}: {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string;
  uploadFiles?: UploadFiles;
  editorRef?: Ref<BodyEditorHandle>;
}) {
  const { t } = useTranslation('knowledge');
  const id = useId();
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const settled = useDebouncedValue(value, 200);
  const html = useMemo(() => renderArticleMarkdown(settled), [settled]);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const imageInput = useRef<HTMLInputElement>(null);
  // The text as typed now (an upload finishes after the render that started it).
  const latest = useRef(value);
  latest.current = value;
  const [uploading, setUploading] = useState(0);
  const [dragging, setDragging] = useState(false);

  /** Puts Markdown at the given selection of the latest text, then the caret after it. */
  function insertAt(markdown: string, selection: { start: number; end: number }) {
    const next = insertBlock(latest.current, selection, markdown);
    latest.current = next.text;
    onChange(next.text);
    requestAnimationFrame(() => {
      const element = textarea.current;
      if (!element) return;
      element.focus();
      element.setSelectionRange(next.caret, next.caret);
    });
  }

  const selection = () => ({
    start: textarea.current?.selectionStart ?? latest.current.length,
    end: textarea.current?.selectionEnd ?? latest.current.length,
  });

  useImperativeHandle(editorRef, () => ({
    insert: (markdown) => insertAt(markdown, selection()),
    append: (markdown) => insertAt(markdown, { start: latest.current.length, end: latest.current.length }),
  }));

  async function receive(files: File[]) {
    if (!uploadFiles || files.length === 0) return;
    // Where the caret was when the files came in, not where it is once they are sent.
    const at = selection();
    setUploading((n) => n + files.length);
    try {
      const sent = await uploadFiles(files);
      if (sent && sent.length > 0) insertAt(sent.map(markdownFor).join('\n\n'), at);
    } finally {
      setUploading((n) => n - files.length);
    }
  }

  const tabButton = (key: 'write' | 'preview', text: string) => (
    <button
      type="button"
      aria-pressed={tab === key}
      onClick={() => setTab(key)}
      className={clsx(
        'rounded-md px-3 py-1 text-xs font-semibold outline-none focus-visible:outline-2 focus-visible:outline-indigo-600',
        tab === key
          ? 'bg-white text-slate-900 shadow-xs dark:bg-slate-700 dark:text-white'
          : 'text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white',
      )}
    >
      {text}
    </button>
  );

  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-slate-700 dark:text-slate-300">
          {t('fields.body')}
        </label>
        <div className="flex flex-wrap items-center gap-2">
          {uploadFiles ? (
            <>
              <span aria-live="polite" className="text-xs text-slate-500 dark:text-slate-400">
                {uploading > 0 ? t('media.uploading', { count: uploading }) : ''}
              </span>
              <button
                type="button"
                onClick={() => imageInput.current?.click()}
                disabled={uploading > 0}
                className="inline-flex items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-2.5 py-1 text-xs font-semibold text-slate-700 shadow-xs outline-none hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800"
              >
                <ImageIcon className="size-4" />
                {t('media.insertImage')}
              </button>
              <input
                ref={imageInput}
                type="file"
                accept={ARTICLE_IMAGE_TYPES.join(',')}
                multiple
                tabIndex={-1}
                aria-hidden="true"
                className="hidden"
                onChange={(event) => {
                  const chosen = Array.from(event.target.files ?? []);
                  event.target.value = '';
                  void receive(chosen);
                }}
              />
            </>
          ) : null}
          <div className="flex gap-0.5 rounded-lg bg-slate-100 p-0.5 lg:hidden dark:bg-slate-800">
            {tabButton('write', t('editor.write'))}
            {tabButton('preview', t('editor.preview'))}
          </div>
        </div>
      </div>
      <div
        className={clsx(
          'grid overflow-hidden rounded-lg border bg-white lg:grid-cols-2 dark:bg-slate-900',
          error ? 'border-rose-500' : 'border-slate-300 dark:border-slate-700',
        )}
      >
        <div className={clsx('flex flex-col', tab === 'preview' && 'max-lg:hidden')}>
          <p aria-hidden="true" className={paneTitle}>
            {t('editor.markdown')}
          </p>
          <textarea
            ref={textarea}
            id={id}
            value={value}
            rows={22}
            spellCheck
            placeholder={t('editor.bodyPlaceholder')}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-help`}
            onChange={(event) => onChange(event.target.value)}
            onBlur={onBlur}
            onPaste={(event) => {
              // A screenshot pasted: sent and shown where the caret is; pasted text stays text.
              const images = Array.from(event.clipboardData.files).filter(isArticleImage);
              if (!uploadFiles || images.length === 0) return;
              event.preventDefault();
              void receive(images);
            }}
            onDragOver={(event) => {
              if (!uploadFiles || !event.dataTransfer.types.includes('Files')) return;
              event.preventDefault();
              event.dataTransfer.dropEffect = 'copy';
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(event) => {
              setDragging(false);
              const files = Array.from(event.dataTransfer.files);
              if (!uploadFiles || files.length === 0) return;
              event.preventDefault();
              void receive(files);
            }}
            className={clsx(
              inputClass,
              'min-h-80 flex-1 resize-y rounded-none border-0 font-mono text-[13px] leading-6 shadow-none focus:ring-0 lg:min-h-[30rem]',
              dragging && 'bg-indigo-50 dark:bg-indigo-950/40',
            )}
          />
        </div>
        <section
          aria-label={t('editor.preview')}
          className={clsx(
            'relative flex min-h-80 flex-col border-slate-200 lg:border-l dark:border-slate-800',
            tab === 'write' && 'max-lg:hidden',
          )}
        >
          <p aria-hidden="true" className={paneTitle}>
            {t('editor.preview')}
          </p>
          <div className="flex-1 overflow-y-auto p-4 lg:absolute lg:inset-x-0 lg:top-[29px] lg:bottom-0">
            {settled.trim() ? (
              <ArticleBody html={html} />
            ) : (
              <p className="text-sm text-slate-500 dark:text-slate-400">{t('editor.nothing')}</p>
            )}
          </div>
        </section>
      </div>
      <p
        id={`${id}-help`}
        className={clsx(
          'text-xs',
          error ? 'font-medium text-rose-600 dark:text-rose-400' : 'text-slate-500 dark:text-slate-400',
        )}
      >
        {error ?? (uploadFiles ? `${t('editor.hint')} ${t('media.hint')}` : t('editor.hint'))}
      </p>
    </div>
  );
}
