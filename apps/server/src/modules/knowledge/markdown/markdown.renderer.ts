import { Marked } from 'marked';
import { type ArticleAudience, sanitizeArticleHtml } from './markdown.sanitizer.js';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * GitHub-flavoured Markdown with three house rules:
 * - Raw HTML is shown as typed, not dropped: KB articles about IT quote `<configuration>`
 *   snippets, and an author who types `<b>x</b>` should see why it did not work.
 * - Headings move one level down (# → h2, …, h6 stays h6): the page already shows the
 *   article title as its only h1, and shifting keeps the author's hierarchy intact.
 * - Code languages are lower-cased so that `language-JS` passes the class allow-list.
 */
export const articleMarked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    html({ text, block }) {
      return block ? `<p>${escapeHtml(text.trim())}</p>\n` : escapeHtml(text);
    },
  },
  walkTokens(token) {
    if (token.type === 'heading') token.depth = Math.min(token.depth + 1, 6);
    if (token.type === 'code' && token.lang) token.lang = token.lang.toLowerCase();
  },
});

/**
 * Markdown → HTML that is safe to insert into a page as is. Sanitised on every render (never
 * stored pre-rendered) so that tightening the allow-list also protects old articles.
 */
export function renderMarkdown(markdown: string, audience: ArticleAudience = 'signed-in'): string {
  return sanitizeArticleHtml(articleMarked.parse(markdown, { async: false }), audience);
}
