import type { RevisionDiff } from '@itsm/contracts';
import { clsx } from 'clsx';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changedFields, collapseUnchanged, type DiffLine, type DiffPart, diffLines } from './revision-diff';

const added = 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950/70 dark:text-emerald-200';
const removed =
  'bg-rose-100 text-rose-900 line-through decoration-rose-400/70 dark:bg-rose-950/70 dark:text-rose-200';

/** A title or a summary with the words added (green) and removed (red, struck through). */
function InlineDiff({ parts }: { parts: readonly DiffPart[] }) {
  const { t } = useTranslation('knowledge');
  return (
    <p className="text-sm leading-7 break-words whitespace-pre-wrap text-slate-800 dark:text-slate-200">
      {parts.map((part, index) =>
        part.kind === 'same' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts never move
          <span key={index}>{part.text}</span>
        ) : part.kind === 'added' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts never move
          <ins key={index} className={clsx('rounded-sm px-0.5 no-underline', added)}>
            <span className="sr-only">{t('diff.addedText')} </span>
            {part.text}
          </ins>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts never move
          <del key={index} className={clsx('rounded-sm px-0.5', removed)}>
            <span className="sr-only">{t('diff.removedText')} </span>
            {part.text}
          </del>
        ),
      )}
    </p>
  );
}

function Field({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1.5">
      <h3 className="text-xs font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">
        {title}
      </h3>
      {children}
    </div>
  );
}

const rowTone: Record<DiffLine['kind'], string> = {
  same: 'text-slate-700 dark:text-slate-300',
  added: 'bg-emerald-50 text-emerald-950 dark:bg-emerald-950/50 dark:text-emerald-100',
  removed: 'bg-rose-50 text-rose-950 dark:bg-rose-950/50 dark:text-rose-100',
};
const marker: Record<DiffLine['kind'], string> = { same: ' ', added: '+', removed: '−' };

function LineRow({ line }: { line: DiffLine }) {
  const { t } = useTranslation('knowledge');
  return (
    <div className={clsx('flex min-w-0', rowTone[line.kind])} data-kind={line.kind}>
      <span
        aria-hidden="true"
        className="w-7 shrink-0 pr-1 text-right text-slate-400 tabular-nums select-none sm:w-9"
      >
        {line.old ?? ''}
      </span>
      <span
        aria-hidden="true"
        className="w-7 shrink-0 pr-1 text-right text-slate-400 tabular-nums select-none sm:w-9"
      >
        {line.new ?? ''}
      </span>
      <span
        aria-hidden="true"
        className={clsx(
          'w-5 shrink-0 text-center font-bold select-none',
          line.kind === 'added' && 'text-emerald-600 dark:text-emerald-400',
          line.kind === 'removed' && 'text-rose-600 dark:text-rose-400',
        )}
      >
        {marker[line.kind]}
      </span>
      <span className="min-w-0 flex-1 pr-3 break-words whitespace-pre-wrap">
        {line.kind !== 'same' ? (
          <span className="sr-only">
            {line.kind === 'added' ? t('diff.addedLine') : t('diff.removedLine')}{' '}
          </span>
        ) : null}
        {line.text || '\u00a0'}
      </span>
    </div>
  );
}

/** The body, line by line: changes with a few lines around them; the rest folded, to unfold. */
function BodyDiff({ parts }: { parts: readonly DiffPart[] }) {
  const { t } = useTranslation('knowledge');
  const rows = useMemo(() => collapseUnchanged(diffLines(parts)), [parts]);
  const [opened, setOpened] = useState<Set<number>>(new Set());
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 py-1 font-mono text-[13px] leading-6 dark:border-slate-800">
      {rows.map((row, index) =>
        row.type === 'line' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows never move
          <LineRow key={index} line={row.line} />
        ) : opened.has(index) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows never move
          <div key={index}>
            {row.lines.map((line) => (
              <LineRow key={`${line.old}-${line.new}`} line={line} />
            ))}
          </div>
        ) : (
          <button
            // biome-ignore lint/suspicious/noArrayIndexKey: rows never move
            key={index}
            type="button"
            onClick={() => setOpened(new Set([...opened, index]))}
            className="my-0.5 block w-full bg-slate-50 px-3 py-0.5 text-left font-sans text-xs font-medium text-indigo-700 hover:bg-indigo-50 dark:bg-slate-800/60 dark:text-indigo-300 dark:hover:bg-slate-800"
          >
            {t('diff.showUnchanged', { count: row.lines.length })}
          </button>
        ),
      )}
    </div>
  );
}

/** What changed between two revisions: title, summary, tags, then the body line by line. */
export function DiffView({ diff }: { diff: RevisionDiff }) {
  const { t } = useTranslation('knowledge');
  const changed = changedFields(diff);
  if (!changed.title && !changed.summary && !changed.body && !changed.tags)
    return <p className="text-sm text-slate-600 dark:text-slate-400">{t('diff.none')}</p>;
  return (
    <div className="flex flex-col gap-5">
      {changed.title ? (
        <Field title={t('fields.title')}>
          <InlineDiff parts={diff.title} />
        </Field>
      ) : null}
      {changed.summary ? (
        <Field title={t('fields.summary')}>
          <InlineDiff parts={diff.summary} />
        </Field>
      ) : null}
      {changed.tags ? (
        <Field title={t('fields.tags')}>
          <ul className="flex flex-wrap gap-1.5">
            {diff.tags.added.map((tag) => (
              <li key={`+${tag}`} className={clsx('rounded-md px-2 py-0.5 text-xs font-medium', added)}>
                <span aria-hidden="true">+ </span>
                <span className="sr-only">{t('diff.addedText')} </span>
                {tag}
              </li>
            ))}
            {diff.tags.removed.map((tag) => (
              <li key={`-${tag}`} className={clsx('rounded-md px-2 py-0.5 text-xs font-medium', removed)}>
                <span aria-hidden="true">− </span>
                <span className="sr-only">{t('diff.removedText')} </span>
                {tag}
              </li>
            ))}
          </ul>
        </Field>
      ) : null}
      {changed.body ? (
        <Field title={t('fields.body')}>
          <BodyDiff parts={diff.body} />
        </Field>
      ) : (
        <p className="text-sm text-slate-500 dark:text-slate-400">{t('diff.sameBody')}</p>
      )}
    </div>
  );
}
