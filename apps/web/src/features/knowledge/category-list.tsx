import { Link } from '@tanstack/react-router';
import { clsx } from 'clsx';
import { useTranslation } from 'react-i18next';
import type { KbCategoryNode } from './category-tree';

/** The categories as nested links, each with the number of articles in it and below. */
export function CategoryList({
  nodes,
  current,
  depth = 0,
}: {
  nodes: readonly KbCategoryNode[];
  current?: number;
  depth?: number;
}) {
  const { t } = useTranslation('knowledge');
  return (
    <ul
      className={clsx(
        'flex flex-col gap-0.5',
        depth > 0 && 'mt-0.5 ml-3 border-l border-slate-200 pl-2 dark:border-slate-800',
      )}
    >
      {nodes.map((node) => (
        <li key={node.id}>
          <Link
            to="/kb"
            search={{ category: node.id }}
            aria-current={node.id === current ? 'page' : undefined}
            className={clsx(
              'flex items-center justify-between gap-3 rounded-lg px-2.5 py-1.5 text-sm outline-none hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:bg-slate-800',
              node.id === current
                ? 'bg-indigo-50 font-semibold text-indigo-700 dark:bg-indigo-950/60 dark:text-indigo-300'
                : depth === 0
                  ? 'font-medium text-slate-800 dark:text-slate-200'
                  : 'text-slate-600 dark:text-slate-400',
            )}
          >
            <span className="min-w-0 break-words">{node.name}</span>
            <span
              className="shrink-0 rounded-full bg-slate-100 px-2 text-xs font-semibold text-slate-600 tabular-nums dark:bg-slate-800 dark:text-slate-300"
              title={t('categories.count', { count: node.total })}
            >
              <span aria-hidden="true">{node.total}</span>
              <span className="sr-only">{t('categories.count', { count: node.total })}</span>
            </span>
          </Link>
          {node.children.length > 0 ? (
            <CategoryList nodes={node.children} current={current} depth={depth + 1} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
