import type { Attachment, TicketStatus, TimelineEntry } from '@itsm/contracts';
import { clsx } from 'clsx';
import type { ComponentType, ReactNode, SVGProps } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AlertIcon,
  ArrowUpIcon,
  CheckCircleIcon,
  ClockIcon,
  FlagIcon,
  LockIcon,
  PaperclipIcon,
  PencilIcon,
  PlusIcon,
  StarIcon,
  UserIcon,
} from '../../components/icons';
import { Badge } from '../../components/ui/badge';
import { formatDateTime, formatRelative } from '../../lib/format';
import { AttachmentItem } from './attachments';
import { Markdown } from './markdown';
import { StatusBadge, useNow } from './ticket-badges';

type Icon = ComponentType<SVGProps<SVGSVGElement>>;

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);
const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function When({ at, now }: { at: string; now: number }) {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  return (
    <time dateTime={at} title={formatDateTime(at, language)} className="whitespace-nowrap">
      {formatRelative(at, language, now)}
    </time>
  );
}

function initials(name: string | null) {
  if (!name) return '·';
  const parts = name.trim().split(/\s+/);
  return `${parts[0]?.charAt(0) ?? ''}${parts.length > 1 ? (parts[parts.length - 1]?.charAt(0) ?? '') : ''}`.toUpperCase();
}

/** A comment: who, when, public or internal (amber, with a lock), its text and its files. */
function CommentEntry({
  entry,
  attachments,
  now,
}: {
  entry: TimelineEntry;
  attachments: Map<number, Attachment>;
  now: number;
}) {
  const { t } = useTranslation('tickets');
  const comment = entry.comment;
  if (!comment) return null;
  const files = comment.attachments
    .map((id) => attachments.get(id))
    .filter((a): a is Attachment => Boolean(a));
  return (
    <li className="relative flex gap-3">
      <span
        aria-hidden="true"
        className={clsx(
          'z-10 flex size-8 shrink-0 items-center justify-center rounded-full text-xs font-semibold ring-4 ring-slate-50 dark:ring-slate-950',
          comment.is_internal
            ? 'bg-amber-100 text-amber-800 dark:bg-amber-900 dark:text-amber-200'
            : 'bg-indigo-100 text-indigo-700 dark:bg-indigo-900 dark:text-indigo-200',
        )}
      >
        {initials(comment.author_name)}
      </span>
      <article
        className={clsx(
          'min-w-0 flex-1 rounded-xl border shadow-xs',
          comment.is_internal
            ? 'border-amber-300 bg-amber-50 dark:border-amber-800/70 dark:bg-amber-950/30'
            : 'border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900',
        )}
      >
        <header
          className={clsx(
            'flex flex-wrap items-center gap-x-2 gap-y-1 border-b px-3 py-2 text-sm',
            comment.is_internal
              ? 'border-amber-200 dark:border-amber-900/60'
              : 'border-slate-100 dark:border-slate-800',
          )}
        >
          <span className="font-semibold text-slate-900 dark:text-white">
            {comment.author_name ?? t('timeline.system')}
          </span>
          <span className="text-xs text-slate-500 dark:text-slate-400">
            <When at={entry.at} now={now} />
          </span>
          {comment.is_internal ? (
            <Badge tone="amber" className="ml-auto">
              <LockIcon className="size-3" />
              {t('timeline.internal')}
            </Badge>
          ) : null}
        </header>
        <div className="px-3 py-2.5">
          <Markdown source={comment.body} />
          {files.length > 0 ? (
            <ul className="mt-3 grid gap-2 sm:grid-cols-2">
              {files.map((file) => (
                <li key={file.id}>
                  <AttachmentItem attachment={file} />
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </article>
    </li>
  );
}

/** An event on one line: an icon in the rail, what happened, when; a reason quoted under it. */
function EventEntry({
  icon: Glyph,
  tone = 'slate',
  children,
  entry,
  now,
  extra,
}: {
  icon: Icon;
  tone?: 'slate' | 'emerald' | 'amber' | 'rose' | 'indigo' | 'violet';
  children: ReactNode;
  entry: TimelineEntry;
  now: number;
  extra?: ReactNode;
}) {
  const { t } = useTranslation('tickets');
  const tones = {
    slate: 'bg-slate-100 text-slate-500 dark:bg-slate-800 dark:text-slate-400',
    emerald: 'bg-emerald-100 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300',
    amber: 'bg-amber-100 text-amber-700 dark:bg-amber-950 dark:text-amber-300',
    rose: 'bg-rose-100 text-rose-700 dark:bg-rose-950 dark:text-rose-300',
    indigo: 'bg-indigo-100 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300',
    violet: 'bg-violet-100 text-violet-700 dark:bg-violet-950 dark:text-violet-300',
  };
  return (
    <li className="relative flex gap-3">
      <span
        aria-hidden="true"
        className={clsx(
          'z-10 flex size-8 shrink-0 items-center justify-center rounded-full ring-4 ring-slate-50 dark:ring-slate-950',
          tones[tone],
        )}
      >
        <Glyph className="size-4" />
      </span>
      <div className="min-w-0 flex-1 pt-1.5 text-sm">
        <p className="text-slate-700 dark:text-slate-300">
          {children}
          <span className="text-slate-400 dark:text-slate-500"> · </span>
          <span className="text-xs text-slate-500 dark:text-slate-400">
            <When at={entry.at} now={now} />
          </span>
          {entry.is_internal ? (
            <Badge tone="amber" className="ml-2">
              <LockIcon className="size-3" />
              {t('timeline.internal')}
            </Badge>
          ) : null}
        </p>
        {entry.reason ? (
          <blockquote className="mt-1.5 border-l-2 border-slate-300 pl-3 whitespace-pre-line text-slate-600 dark:border-slate-700 dark:text-slate-400">
            {entry.reason}
          </blockquote>
        ) : null}
        {extra}
      </div>
    </li>
  );
}

const STATUS_ICON: Partial<
  Record<TicketStatus, { icon: Icon; tone: 'emerald' | 'amber' | 'rose' | 'indigo' | 'slate' }>
> = {
  resolved: { icon: CheckCircleIcon, tone: 'emerald' },
  closed: { icon: CheckCircleIcon, tone: 'slate' },
  pending: { icon: ClockIcon, tone: 'amber' },
  cancelled: { icon: FlagIcon, tone: 'rose' },
  in_progress: { icon: FlagIcon, tone: 'indigo' },
};

/** "assigned the ticket to Marc Lefèvre (Support N1)", names looked up from the ids the event keeps. */
/** "Assigned (automatically) to X in group Y": the server names them, for the requester too. */
function AssignedText({ data, automatic }: { data: Record<string, unknown>; automatic: boolean }) {
  const { t } = useTranslation('tickets');
  const assignee = typeof data.assignee_name === 'string' ? data.assignee_name : null;
  const group = typeof data.group_name === 'string' ? data.group_name : null;
  const kind = automatic ? 'auto' : 'manual';
  if (assignee && group) return <>{t(`timeline.${kind}.both`, { assignee, group })}</>;
  if (assignee) return <>{t(`timeline.${kind}.to`, { assignee })}</>;
  if (group) return <>{t(`timeline.${kind}.group`, { group })}</>;
  if (number(data.assignee) === null && number(data.group) === null) return <>{t(`timeline.${kind}.none`)}</>;
  return <>{t(`timeline.${kind}.other`)}</>;
}

/** One entry of the timeline, by kind; an unknown kind of a newer server shows as a plain event. */
function Entry({
  entry,
  attachments,
  now,
}: {
  entry: TimelineEntry;
  attachments: Map<number, Attachment>;
  now: number;
}) {
  const { t, i18n } = useTranslation('tickets');
  const who = (
    <strong className="font-semibold text-slate-900 dark:text-white">
      {entry.actor_name ?? t('timeline.system')}
    </strong>
  );
  const data = entry.data ?? {};
  const target = text(data.target) === 'first_response' ? t('clock.firstResponse') : t('clock.resolution');
  switch (entry.kind) {
    case 'comment':
      return <CommentEntry entry={entry} attachments={attachments} now={now} />;
    case 'created':
      return (
        <EventEntry icon={PlusIcon} tone="indigo" entry={entry} now={now}>
          {who} {t('timeline.created')}
        </EventEntry>
      );
    case 'status': {
      const style = (entry.status && STATUS_ICON[entry.status]) || { icon: FlagIcon, tone: 'slate' as const };
      const solution = entry.status === 'resolved' ? text(data.solution) : null;
      return (
        <EventEntry
          icon={style.icon}
          tone={style.tone}
          entry={entry}
          now={now}
          extra={
            solution ? (
              <div className="mt-2 rounded-lg border border-emerald-200 bg-emerald-50/60 px-3 py-2 dark:border-emerald-900 dark:bg-emerald-950/30">
                <Markdown source={solution} />
              </div>
            ) : null
          }
        >
          {who} {t('timeline.status')} {entry.status ? <StatusBadge status={entry.status} /> : null}
        </EventEntry>
      );
    }
    case 'assigned':
      return (
        <EventEntry icon={UserIcon} tone="violet" entry={entry} now={now}>
          {entry.actor_name ? <>{who} </> : null}
          <AssignedText data={data} automatic={!entry.actor_name} />
        </EventEntry>
      );
    case 'updated': {
      const changes = data.changes && typeof data.changes === 'object' ? Object.keys(data.changes) : [];
      const names = changes.map((f) =>
        i18n.exists(`tickets:fields.${f}`) ? t(`fields.${f as 'title'}`) : f,
      );
      return (
        <EventEntry icon={PencilIcon} entry={entry} now={now}>
          {who}{' '}
          {names.length > 0
            ? t('timeline.updatedFields', { fields: names.join(', ') })
            : t('timeline.updated')}
        </EventEntry>
      );
    }
    case 'approval_requested':
      return (
        <EventEntry icon={FlagIcon} tone="violet" entry={entry} now={now}>
          {t('timeline.approvalRequested', { approver: text(data.approver_name) ?? t('timeline.approvers') })}
        </EventEntry>
      );
    case 'sla_warning': {
      const share = number(data.share);
      return (
        <EventEntry icon={ClockIcon} tone="amber" entry={entry} now={now}>
          {share !== null
            ? t('timeline.slaWarningShare', { target, percent: Math.round(share * 100) })
            : t('timeline.slaWarning', { target })}
        </EventEntry>
      );
    }
    case 'sla_breach':
      return (
        <EventEntry icon={AlertIcon} tone="rose" entry={entry} now={now}>
          {t('timeline.slaBreach', { target })}
        </EventEntry>
      );
    case 'escalation': {
      const level = text(data.level_name) ?? text(data.name) ?? text(data.level);
      const changes = (data.changes ?? {}) as Record<string, unknown>;
      const raised = Boolean(changes.priority);
      const regrouped = Boolean(changes.group);
      return (
        <EventEntry icon={ArrowUpIcon} tone="rose" entry={entry} now={now}>
          {level ? t('timeline.escalationLevel', { level }) : t('timeline.escalation')}
          {raised ? ` · ${t('timeline.priorityRaised')}` : ''}
          {regrouped ? ` · ${t('timeline.reassigned')}` : ''}
        </EventEntry>
      );
    }
    case 'survey_answered': {
      const rating = number(data.rating);
      return (
        <EventEntry icon={StarIcon} tone="amber" entry={entry} now={now}>
          {who} {t('timeline.surveyAnswered')}
          {rating !== null ? (
            <span className="ml-1.5 text-amber-500" role="img" aria-label={t('survey.rated', { rating })}>
              {'★'.repeat(rating)}
              <span className="text-slate-300 dark:text-slate-600">
                {'★'.repeat(Math.max(0, 5 - rating))}
              </span>
            </span>
          ) : null}
        </EventEntry>
      );
    }
    case 'attachment': {
      const file = entry.attachment;
      // A comment's files show inside the comment.
      if (file?.comment) return null;
      return (
        <EventEntry
          icon={PaperclipIcon}
          entry={entry}
          now={now}
          extra={
            file ? (
              <div className={clsx('mt-2', file.is_image ? 'max-w-64' : 'max-w-sm')}>
                <AttachmentItem attachment={file} />
              </div>
            ) : null
          }
        >
          {entry.actor_name ? (
            <>
              {who} {t('timeline.attached', { name: file?.file_name ?? '' })}
            </>
          ) : (
            t('timeline.attachedAnon', { name: file?.file_name ?? '' })
          )}
        </EventEntry>
      );
    }
    default:
      return (
        <EventEntry icon={FlagIcon} entry={entry} now={now}>
          {who} · {String(entry.kind)}
        </EventEntry>
      );
  }
}

/** Everything that happened to the ticket, oldest first, in one stream; a rail links the entries. */
export function Timeline({ entries, attachments }: { entries: TimelineEntry[]; attachments: Attachment[] }) {
  const now = useNow(60_000);
  const byId = new Map(attachments.map((a) => [a.id, a]));
  for (const entry of entries) if (entry.attachment) byId.set(entry.attachment.id, entry.attachment);
  return (
    <ol className="relative flex flex-col gap-4 before:absolute before:top-2 before:bottom-2 before:left-4 before:w-px before:bg-slate-200 dark:before:bg-slate-800">
      {entries.map((entry) => (
        <Entry key={entry.id} entry={entry} attachments={byId} now={now} />
      ))}
    </ol>
  );
}
