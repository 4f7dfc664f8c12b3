import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

// The server's article flavour (apps/server/src/modules/knowledge/markdown), so that the editor's
// preview shows what readers will get: GFM without hard line breaks, raw HTML shown as typed (never
// parsed: even an inert `<img onerror>` is reported by the CSP), headings one level down (the
// article's title is the page's only h1).
const articleMarked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html: ({ text, block }) => (block ? `<p>${escapeHtml(text.trim())}</p>\n` : escapeHtml(text)),
  },
  walkTokens(token) {
    if (token.type === 'heading') token.depth = Math.min(token.depth + 1, 6);
  },
});

let purifier: ReturnType<typeof DOMPurify> | null = null;

/**
 * The knowledge base's own files, the only images an article shows (the server's rule): signed-in
 * readers' URL, or the public knowledge base's copy of it. Never another host, `data:` or another page.
 */
const KB_ATTACHMENT_PATH = /^\/api\/v1\/(?:public\/)?kb\/attachments\/[1-9]\d{0,14}\/download$/;

/** Whether an image's `src` is one of the knowledge base's files (the URL exactly as the server writes it). */
export const isArticleImageSrc = (src: string) => KB_ATTACHMENT_PATH.test(src);

/**
 * The knowledge base's own DOMPurify (its hooks apply to articles only): external links open in a
 * new tab without our window, images come only from the knowledge base's files (a refused one shows
 * its alt text), task-list boxes cannot be ticked.
 */
function articlePurifier() {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (/^https?:\/\//i.test(href) || href.startsWith('//')) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer nofollow');
      }
    }
    if (node.tagName === 'IMG') {
      if (!isArticleImageSrc(node.getAttribute('src') ?? '')) node.removeAttribute('src');
      node.setAttribute('loading', 'lazy');
    }
    if (node.tagName === 'INPUT') {
      if (node.getAttribute('type') !== 'checkbox') node.remove();
      else node.setAttribute('disabled', '');
    }
  });
  return purifier;
}

/** HTML (the server's already sanitised `body_html`, or the preview's) made safe to insert, again. */
export function sanitizeArticleHtml(html: string): string {
  return articlePurifier().sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'button', 'textarea', 'select', 'iframe'],
    FORBID_ATTR: ['style', 'id', 'name'],
  });
}

/** The editor's preview: the article's Markdown rendered as the server renders it, then sanitised. */
export function renderArticleMarkdown(source: string): string {
  return sanitizeArticleHtml(articleMarked.parse(source) as string);
}
