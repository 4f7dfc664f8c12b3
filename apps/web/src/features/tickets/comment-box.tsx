import type { Comment, TicketDetail } from '@itsm/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { useState } from 'react';
import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ChatIcon, LockIcon } from '../../components/icons';
import { Button as UiButton } from '../../components/ui/button';
import { Checkbox } from '../../components/ui/checkbox';
import { FormError } from '../../components/ui/form-error';
import { notify } from '../../components/ui/toast';
import { api } from '../../lib/api';
import { AttachmentPicker } from './attachments';
import { MarkdownEditor } from './markdown-editor';
import { useTicketErrorMessage } from './ticket-actions-text';
import { cannedResponsesQuery, ticketKeys, uploadAttachment } from './ticket-api';

/** The support team's saved answers, inserted where the comment ends. */
function CannedResponses({ onPick }: { onPick: (body: string) => void }) {
  const { t } = useTranslation('tickets');
  const responses = useQuery(cannedResponsesQuery);
  const list = responses.data ?? [];
  return (
    <MenuTrigger>
      <Button className="inline-flex items-center gap-1.5 rounded-lg px-2 py-1 text-xs font-semibold text-slate-600 outline-none hover:bg-slate-100 hover:text-slate-900 data-[focus-visible]:outline-2 data-[focus-visible]:outline-indigo-600 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white">
        <ChatIcon className="size-4" />
        {t('comment.canned')}
      </Button>
      <Popover
        placement="bottom end"
        className="max-h-80 w-72 overflow-y-auto rounded-xl border border-slate-200 bg-white p-1.5 shadow-lg outline-none dark:border-slate-800 dark:bg-slate-900"
      >
        {list.length === 0 ? (
          <p className="px-3 py-2 text-sm text-slate-500 dark:text-slate-400">
            {responses.isLoading ? t('states.loading') : t('comment.noCanned')}
          </p>
        ) : (
          <Menu
            aria-label={t('comment.canned')}
            className="outline-none"
            onAction={(key) => {
              const picked = list.find((r) => r.id === Number(key));
              if (picked) onPick(picked.body);
            }}
          >
            {list.map((response) => (
              <MenuItem
                key={response.id}
                id={response.id}
                textValue={response.title}
                className="flex cursor-default flex-col rounded-md px-3 py-2 text-sm text-slate-700 outline-none data-[focused]:bg-slate-100 dark:text-slate-200 dark:data-[focused]:bg-slate-800"
              >
                <span className="font-medium">{response.title}</span>
                <span className="line-clamp-2 text-xs text-slate-500 dark:text-slate-400">
                  {response.body}
                </span>
              </MenuItem>
            ))}
          </Menu>
        )}
      </Popover>
    </MenuTrigger>
  );
}

/** Add a comment (Markdown, files); the support team may keep it internal and start from a saved answer. */
export function CommentBox({ ticket, staff }: { ticket: TicketDetail; staff: boolean }) {
  const { t } = useTranslation('tickets');
  const queryClient = useQueryClient();
  const errorMessage = useTicketErrorMessage();
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);

  async function send() {
    if (!body.trim()) return setMissing(true);
    setPending(true);
    setError(null);
    try {
      const comment = await api<Comment>('POST', `/tickets/${ticket.id}/comments`, {
        body,
        is_internal: internal,
      });
      for (const file of files) {
        await uploadAttachment(ticket.id, file, comment.id).catch((e) =>
          notify(t('attachments.failed', { name: file.name, reason: errorMessage(e) }), 'error'),
        );
      }
      setBody('');
      setFiles([]);
      setMissing(false);
      notify(internal ? t('comment.sentInternal') : t('comment.sent'));
      await Promise.all(
        [ticketKeys.timeline(ticket.id), ticketKeys.detail(ticket.id), ticketKeys.attachments(ticket.id)].map(
          (key) => queryClient.invalidateQueries({ queryKey: key }),
        ),
      );
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
      className={clsx(
        'flex flex-col gap-3 rounded-2xl border p-4 shadow-xs transition-colors',
        internal
          ? 'border-amber-300 bg-amber-50/70 dark:border-amber-800/70 dark:bg-amber-950/20'
          : 'border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900',
      )}
    >
      <h2 className="text-sm font-semibold text-slate-900 dark:text-white">{t('comment.title')}</h2>
      <MarkdownEditor
        label={t('comment.label')}
        labelHidden
        value={body}
        onChange={(value) => {
          setBody(value);
          if (value.trim()) setMissing(false);
        }}
        rows={4}
        placeholder={
          internal
            ? t('comment.placeholderInternal')
            : staff
              ? t('comment.placeholder')
              : t('comment.placeholderRequester')
        }
        description={t('markdown.hint')}
        error={missing ? t('comment.required') : undefined}
        toolbar={
          staff ? (
            <CannedResponses
              onPick={(text) =>
                setBody((current) => (current.trim() ? `${current.trimEnd()}\n\n${text}` : text))
              }
            />
          ) : null
        }
      />
      <AttachmentPicker files={files} onChange={setFiles} compact />
      <FormError>{error}</FormError>
      <div className="flex flex-wrap items-center justify-between gap-3">
        {ticket.can_comment_internally ? (
          <Checkbox isSelected={internal} onChange={setInternal} description={t('comment.internalHint')}>
            <span className="inline-flex items-center gap-1.5 font-medium">
              <LockIcon className="size-3.5 text-amber-600" />
              {t('comment.internal')}
            </span>
          </Checkbox>
        ) : (
          <span />
        )}
        <UiButton type="submit" isPending={pending} className="ml-auto">
          {internal ? t('comment.sendInternal') : t('comment.send')}
        </UiButton>
      </div>
    </form>
  );
}
