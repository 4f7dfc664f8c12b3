import type { Article, ArticleStatus, ArticleVisibility } from '@itsm/contracts';
import { Link } from '@tanstack/react-router';
import { clsx } from 'clsx';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../components/ui/badge';

const statusTone: Record<ArticleStatus, BadgeTone> = {
  draft: 'slate',
  in_review: 'violet',
  published: 'emerald',
  archived: 'amber',
};

export function ArticleStatusBadge({ status }: { status: ArticleStatus }) {
  const { t } = useTranslation('knowledge');
  return (
    <Badge tone={statusTone[status]} dot>
      {t(`status.${status}`)}
    </Badge>
  );
}

export function VisibilityBadge({ visibility }: { visibility: ArticleVisibility }) {
  const { t } = useTranslation('knowledge');
  if (visibility === 'everyone') return null;
  return <Badge tone="sky">{t(`visibility.${visibility}`)}</Badge>;
}

/** The badges of an article in a list or on its page: its status (staff), FAQ, review due, audience. */
export function ArticleBadges({
  article,
  staff,
}: {
  article: Pick<Article, 'status' | 'is_faq' | 'is_review_due' | 'visibility'>;
  staff: boolean;
}) {
  const { t } = useTranslation('knowledge');
  return (
    <>
      {staff ? <ArticleStatusBadge status={article.status} /> : null}
      {article.is_faq ? <Badge tone="indigo">{t('badges.faq')}</Badge> : null}
      {staff && article.is_review_due ? <Badge tone="rose">{t('badges.reviewDue')}</Badge> : null}
      {staff ? <VisibilityBadge visibility={article.visibility} /> : null}
    </>
  );
}

/** A tag, linking to the articles that have it. */
/**
 * A tag, linking to its articles; `refine` (in search results): to the current search narrowed to
 * the tag instead.
 */
export function TagLink({
  tag,
  className,
  refine = false,
}: {
  tag: string;
  className?: string;
  refine?: boolean;
}) {
  const { t } = useTranslation('knowledge');
  return (
    <Link
      from="/kb"
      to="/kb"
      search={refine ? (prev) => ({ ...prev, tag, page: undefined }) : { tag }}
      aria-label={t('tags.showTagged', { tag })}
      className={clsx(
        'inline-flex items-center rounded-md bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 outline-none hover:bg-indigo-50 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:bg-slate-800 dark:text-slate-300 dark:hover:bg-indigo-950 dark:hover:text-indigo-300',
        className,
      )}
    >
      <span aria-hidden="true" className="mr-0.5 text-slate-400">
        #
      </span>
      {tag}
    </Link>
  );
}

export function TagList({ tags, label }: { tags: readonly string[]; label: string }) {
  if (tags.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {tags.map((tag) => (
        <li key={tag}>
          <TagLink tag={tag} />
        </li>
      ))}
    </ul>
  );
}
