import { clsx } from 'clsx';
import { useMemo } from 'react';
import { sanitizeArticleHtml } from './article-markdown';

// An article reads at a larger size than a ticket's comment; headings start at h2 (demoted by the server).
const prose = clsx(
  'text-[15px] leading-7 break-words text-slate-800 dark:text-slate-200',
  '[&_a]:font-medium [&_a]:text-indigo-600 [&_a]:underline [&_a]:underline-offset-2 dark:[&_a]:text-indigo-400',
  '[&_blockquote]:my-4 [&_blockquote]:border-l-4 [&_blockquote]:border-indigo-200 [&_blockquote]:bg-indigo-50/50 [&_blockquote]:py-1 [&_blockquote]:pr-3 [&_blockquote]:pl-4 [&_blockquote]:text-slate-700 dark:[&_blockquote]:border-indigo-800 dark:[&_blockquote]:bg-indigo-950/30 dark:[&_blockquote]:text-slate-300',
  '[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:py-0.5 [&_code]:font-mono [&_code]:text-[0.85em] dark:[&_code]:bg-slate-800',
  '[&_h2]:mt-8 [&_h2]:mb-3 [&_h2]:text-xl [&_h2]:font-semibold [&_h3]:mt-6 [&_h3]:mb-2 [&_h3]:text-lg [&_h3]:font-semibold',
  '[&_h4]:mt-5 [&_h4]:mb-2 [&_h4]:font-semibold [&_h5]:mt-4 [&_h5]:mb-1 [&_h5]:font-semibold [&_h6]:mt-4 [&_h6]:mb-1 [&_h6]:text-sm [&_h6]:font-semibold',
  '[&_:is(h2,h3,h4,h5,h6)]:tracking-tight [&_:is(h2,h3,h4,h5,h6)]:text-slate-900 dark:[&_:is(h2,h3,h4,h5,h6)]:text-white',
  '[&_hr]:my-6 [&_hr]:border-slate-200 dark:[&_hr]:border-slate-700 [&_img]:my-3 [&_img]:max-h-[32rem] [&_img]:max-w-full [&_img]:rounded-lg',
  '[&_li]:my-1 [&_ol]:my-3 [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:my-3 [&_ul]:list-disc [&_ul]:pl-6 [&_li:has(>input)]:list-none [&_li>input]:mr-2',
  '[&_p]:my-3 [&>*:first-child]:mt-0 [&>*:last-child]:mb-0',
  '[&_pre]:my-4 [&_pre]:overflow-x-auto [&_pre]:rounded-lg [&_pre]:bg-slate-900 [&_pre]:p-4 [&_pre]:text-[13px] [&_pre]:leading-6 [&_pre]:text-slate-100 dark:[&_pre]:bg-slate-950 [&_pre_code]:bg-transparent [&_pre_code]:p-0',
  '[&_table]:my-4 [&_table]:block [&_table]:max-w-full [&_table]:overflow-x-auto [&_table]:border-collapse [&_table]:text-sm',
  '[&_td]:border [&_td]:border-slate-200 [&_td]:px-3 [&_td]:py-1.5 [&_th]:border [&_th]:border-slate-200 [&_th]:bg-slate-50 [&_th]:px-3 [&_th]:py-1.5 [&_th]:text-left [&_th]:font-semibold',
  'dark:[&_td]:border-slate-700 dark:[&_th]:border-slate-700 dark:[&_th]:bg-slate-800/60',
);

/** An article's body: HTML sanitised here once more (DOMPurify) whatever its source, then shown. */
export function ArticleBody({ html, className }: { html: string; className?: string }) {
  const safe = useMemo(() => sanitizeArticleHtml(html), [html]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by DOMPurify just above
  return <div className={clsx(prose, className)} dangerouslySetInnerHTML={{ __html: safe }} />;
}
