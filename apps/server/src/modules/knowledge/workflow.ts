import type { ArticleAction, ArticleStatus } from '@itsm/contracts';

// The article workflow as a plain function: draft → (in review →) published → archived; a reviewer
// group on the article makes publishing go through its approval.

export type ArticleRole = {
  /** An administrator or a technician who may see the article. */
  staff: boolean;
  /** A member of the article's reviewer group, or an administrator. */
  reviewer: boolean;
};

const TARGET: Record<ArticleAction, ArticleStatus> = {
  submit: 'in_review',
  approve: 'published',
  reject: 'draft',
  publish: 'published',
  archive: 'archived',
  unpublish: 'draft',
};

/** What the caller may do to an article in this status now. */
export function availableArticleActions(
  article: { status: ArticleStatus; reviewerGroupId: number | null },
  role: ArticleRole,
): ArticleAction[] {
  if (!role.staff) return [];
  const reviewed = article.reviewerGroupId !== null;
  switch (article.status) {
    case 'draft':
      return [reviewed ? 'submit' : 'publish', 'archive'];
    case 'in_review':
      return role.reviewer ? ['approve', 'reject'] : ['unpublish'];
    case 'published':
      return ['archive', 'unpublish'];
    case 'archived':
      return ['unpublish'];
  }
}

/** The status an allowed action leads to; null when it is not allowed now. */
export function articleTransition(
  article: { status: ArticleStatus; reviewerGroupId: number | null },
  role: ArticleRole,
  action: ArticleAction,
): ArticleStatus | null {
  return availableArticleActions(article, role).includes(action) ? TARGET[action] : null;
}
