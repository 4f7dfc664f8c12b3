import type { Attachment } from '@itsm/contracts';
import { useQuery } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseIcon, PaperclipIcon } from '../../components/icons';
import { Spinner } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { formatDateTime } from '../../lib/format';
import { useRefresh } from '../../lib/use-refresh';
import { useTicketErrorMessage } from './ticket-actions-text';
import { attachmentsQuery, attachmentUrl, ticketKeys, uploadAttachment } from './ticket-api';

/** "12 KB", "3.4 MB" in the interface's language. */
export function formatSize(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

const fileButton =
  'inline-flex cursor-pointer items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-700 shadow-xs hover:bg-slate-50 focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-indigo-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800';

/** Files chosen before they are sent (a new ticket, a comment): their names, each removable. */
export function AttachmentPicker({
  files,
  onChange,
  compact,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  /** Only the button and the chips (under a comment box). */
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation('tickets');
  const id = useId();
  const language = i18n.resolvedLanguage ?? 'fr';
  return (
    <div className="flex flex-col gap-2">
      {compact ? null : (
        <span className="text-sm font-medium text-slate-700 dark:text-slate-300">
          {t('attachments.title')}
        </span>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={id} className={fileButton}>
          <PaperclipIcon className="size-4" />
          {t('attachments.add')}
          <input
            id={id}
            type="file"
            multiple
            className="sr-only"
            onChange={(event) => {
              const chosen = Array.from(event.target.files ?? []);
              onChange([...files, ...chosen]);
              event.target.value = '';
            }}
          />
        </label>
        {files.map((file, index) => (
          <span
            key={`${file.name}-${file.size}-${file.lastModified}`}
            className="inline-flex max-w-full items-center gap-1.5 rounded-full bg-slate-100 py-1 pr-1 pl-3 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-200"
          >
            <span className="truncate">{file.name}</span>
            <span className="shrink-0 text-slate-500">{formatSize(file.size, language)}</span>
            <button
              type="button"
              aria-label={t('attachments.remove', { name: file.name })}
              onClick={() => onChange(files.filter((_, i) => i !== index))}
              className="inline-flex size-5 shrink-0 items-center justify-center rounded-full hover:bg-slate-200 dark:hover:bg-slate-700"
            >
              <CloseIcon className="size-3" />
            </button>
          </span>
        ))}
      </div>
      {compact ? null : <p className="text-xs text-slate-500 dark:text-slate-400">{t('attachments.hint')}</p>}
    </div>
  );
}

/** One attachment: a thumbnail for an image, else a file line; both download it. */
export function AttachmentItem({ attachment, className }: { attachment: Attachment; className?: string }) {
  const { t, i18n } = useTranslation('tickets');
  const language = i18n.resolvedLanguage ?? 'fr';
  const size = formatSize(attachment.size_bytes, language);
  if (attachment.is_image) {
    return (
      <a
        href={attachmentUrl(attachment.id)}
        download={attachment.file_name}
        title={t('attachments.download', { name: attachment.file_name })}
        className={clsx(
          'group flex w-full flex-col overflow-hidden rounded-lg border border-slate-200 bg-slate-50 outline-none focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-slate-700 dark:bg-slate-800',
          className,
        )}
      >
        <img
          src={attachmentUrl(attachment.id, { inline: true })}
          alt={attachment.file_name}
          loading="lazy"
          className="aspect-video w-full object-cover transition group-hover:opacity-90"
        />
        <span className="flex items-center justify-between gap-2 px-2 py-1 text-xs">
          <span className="truncate text-slate-700 dark:text-slate-200">{attachment.file_name}</span>
          <span className="shrink-0 text-slate-500 dark:text-slate-400">{size}</span>
        </span>
      </a>
    );
  }
  return (
    <a
      href={attachmentUrl(attachment.id)}
      download={attachment.file_name}
      title={t('attachments.download', { name: attachment.file_name })}
      className={clsx(
        'flex w-full items-center gap-2 rounded-lg border border-slate-200 px-2.5 py-2 text-sm outline-none hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-slate-700 dark:hover:bg-slate-800',
        className,
      )}
    >
      <PaperclipIcon className="size-4 shrink-0 text-slate-400" />
      <span className="min-w-0 flex-1 truncate text-slate-800 dark:text-slate-200">
        {attachment.file_name}
      </span>
      <span
        className="shrink-0 text-xs text-slate-500 dark:text-slate-400"
        title={formatDateTime(attachment.created_at, language)}
      >
        {size}
      </span>
    </a>
  );
}

/** The files of a ticket, images previewed, with an upload button. */
export function AttachmentsPanel({ ticketId, canUpload }: { ticketId: number; canUpload: boolean }) {
  const { t } = useTranslation('tickets');
  const id = useId();
  const refresh = useRefresh();
  const errorText = useTicketErrorMessage();
  const attachments = useQuery(attachmentsQuery(ticketId));
  const [uploading, setUploading] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  async function upload(files: File[]) {
    setUploading(files.length);
    let sent = 0;
    for (const file of files) {
      try {
        await uploadAttachment(ticketId, file);
        sent += 1;
      } catch (error) {
        notify(t('attachments.failed', { name: file.name, reason: errorText(error) }), 'error');
      }
    }
    setUploading(0);
    if (sent > 0) notify(t('attachments.uploaded', { count: sent }));
    await refresh(ticketKeys.attachments(ticketId), ticketKeys.timeline(ticketId));
  }

  const list = attachments.data ?? [];
  const images = list.filter((a) => a.is_image);
  const others = list.filter((a) => !a.is_image);
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="rounded-2xl border border-slate-200 bg-white p-4 shadow-xs dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="text-sm font-semibold text-slate-900 dark:text-white">
          {t('attachments.title')}
          {list.length > 0 ? <span className="ml-1.5 font-normal text-slate-500">{list.length}</span> : null}
        </h2>
        {canUpload ? (
          <label
            htmlFor={id}
            className={clsx(fileButton, 'py-1 text-xs', uploading > 0 && 'pointer-events-none opacity-60')}
          >
            <PaperclipIcon className="size-4" />
            {uploading > 0 ? t('attachments.uploading') : t('attachments.add')}
            <input
              ref={input}
              id={id}
              type="file"
              multiple
              className="sr-only"
              disabled={uploading > 0}
              onChange={(event) => {
                const chosen = Array.from(event.target.files ?? []);
                event.target.value = '';
                if (chosen.length > 0) void upload(chosen);
              }}
            />
          </label>
        ) : null}
      </div>
      {attachments.isLoading ? (
        <Spinner />
      ) : list.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">{t('attachments.none')}</p>
      ) : (
        <div className="flex flex-col gap-2">
          {images.length > 0 ? (
            <ul className="grid grid-cols-2 gap-2">
              {images.map((a) => (
                <li key={a.id}>
                  <AttachmentItem attachment={a} />
                </li>
              ))}
            </ul>
          ) : null}
          {others.length > 0 ? (
            <ul className="flex flex-col gap-1.5">
              {others.map((a) => (
                <li key={a.id}>
                  <AttachmentItem attachment={a} />
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
    </section>
  );
}
