import type { ArticleSuggestion } from '@itsm/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BookIcon } from '../../components/icons';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { meQuery } from '../auth/session';
import { deflectionOnLeave, type LeavingState } from './deflection';
import { recordDeflection, suggestionsQuery } from './knowledge-api';
import { keepSuggestions, type Shown } from './sticky-suggestions';

/** Suggestions start once the title has this many characters. */
export const MIN_SUGGESTION_LENGTH = 3;

/**
 * Counts a ticket spared by the knowledge base: when the new-ticket form is left (another page of
 * the application, or the tab closed) after a suggestion was read and without submitting, one
 * deflection is recorded for the last article read. The tab closing sends it with `keepalive`.
 */
export function useDeflectionTracker() {
  const queryClient = useQueryClient();
  const state = useRef<LeavingState>({ opened: [], submitted: false, recorded: false, query: '' });
  useEffect(() => {
    const leave = () => {
      const deflection = deflectionOnLeave(state.current);
      // Signed out meanwhile (the form is left for the sign-in page): nobody to count it for.
      if (!deflection || !queryClient.getQueryData(meQuery.queryKey)) return;
      state.current.recorded = true;
      void recordDeflection(deflection, { keepalive: true }).catch(() => undefined);
    };
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [queryClient]);
  return useMemo(
    () => ({
      /** A suggested article was opened. */
      opened(articleId: number) {
        state.current.opened = [...state.current.opened.filter((id) => id !== articleId), articleId];
      },
      /** What is typed as the title, kept with the deflection. */
      typed(query: string) {
        state.current.query = query;
      },
      /** The ticket is being submitted (true) or its submission failed (false). */
      submitting(on: boolean) {
        state.current.submitted = on;
      },
    }),
    [],
  );
}

/**
 * "These articles may help": the knowledge base's best articles for the title being typed (from
 * MIN_SUGGESTION_LENGTH characters, once typing pauses); nothing when none matches.
 */
export function TicketSuggestions({
  title,
  onOpen,
  className,
}: {
  title: string;
  onOpen: (suggestion: ArticleSuggestion) => void;
  className?: string;
}) {
  const { t } = useTranslation('knowledge');
  const q = useDebouncedValue(title.trim(), 300);
  const enabled = q.length >= MIN_SUGGESTION_LENGTH;
  const suggestions = useQuery({ ...suggestionsQuery(q), enabled });
  const [shown, setShown] = useState<Shown<ArticleSuggestion>>({ q: '', items: [] });
  const answer = enabled ? suggestions.data : undefined;
  useEffect(() => {
    if (!enabled) setShown({ q: '', items: [] });
    else if (answer) setShown((previous) => keepSuggestions(previous, { q, items: answer }));
  }, [enabled, answer, q]);
  const items = enabled ? shown.items : [];
  return (
    <>
      {/* Out of the flow (no gap in a flex column): tells screen readers that articles came. */}
      <p className="sr-only" aria-live="polite">
        {items.length > 0 ? t('suggestions.announce', { count: items.length }) : ''}
      </p>
      {items.length > 0 ? (
        <section
          aria-labelledby="ticket-suggestions-title"
          className={clsx(
            'rounded-2xl border border-indigo-200 bg-indigo-50/70 p-4 dark:border-indigo-900 dark:bg-indigo-950/40',
            className,
          )}
        >
          <h2
            id="ticket-suggestions-title"
            className="flex items-center gap-2 text-sm font-semibold text-indigo-950 dark:text-indigo-100"
          >
            <BookIcon className="size-4 text-indigo-600 dark:text-indigo-400" />
            {t('suggestions.title')}
          </h2>
          <p className="mt-1 text-xs text-indigo-900/80 dark:text-indigo-200/80">{t('suggestions.hint')}</p>
          <ul className="mt-3 flex flex-col gap-2">
            {items.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  onClick={() => onOpen(item)}
                  className="flex w-full flex-col gap-0.5 rounded-lg border border-transparent bg-white px-3 py-2 text-left shadow-xs outline-none hover:border-indigo-300 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:bg-slate-900 dark:hover:border-indigo-700"
                >
                  <span className="text-sm font-medium break-words text-indigo-800 dark:text-indigo-200">
                    {item.title}
                  </span>
                  {item.summary ? (
                    <span className="line-clamp-2 text-xs text-slate-600 dark:text-slate-400">
                      {item.summary}
                    </span>
                  ) : null}
                  {item.category_name ? (
                    <span className="text-xs text-slate-500 dark:text-slate-400">{item.category_name}</span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
