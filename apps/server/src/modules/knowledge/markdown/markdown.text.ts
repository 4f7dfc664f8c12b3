import { DomUtils, parseDocument } from 'htmlparser2';
import { articleMarked, renderMarkdown } from './markdown.renderer.js';
import { sanitizeArticleHtml } from './markdown.sanitizer.js';

type DomNode = ReturnType<typeof parseDocument>['children'][number];

/** Elements whose boundaries separate words; inline ones (`**bo**ld`) must not add spaces. */
const WORD_BREAKS = new Set([
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br', 'hr', 'pre', 'blockquote', 'ul', 'ol', 'li'],
  ...['table', 'thead', 'tbody', 'tr', 'th', 'td', 'img'],
]);

function textOf(nodes: DomNode[]): string {
  let text = '';
  for (const node of nodes) {
    if (DomUtils.isText(node)) text += node.data;
    else if (DomUtils.isTag(node)) {
      // Alt text is what a reader without the image gets, so it belongs in search and snippets.
      const inner = node.name === 'img' ? (node.attribs.alt ?? '') : textOf(node.children);
      text += WORD_BREAKS.has(node.name) ? ` ${inner} ` : inner;
    }
  }
  return text;
}

/** Text content of sanitised HTML, entities decoded, whitespace collapsed. */
function htmlToText(html: string): string {
  return textOf(parseDocument(html).children).replace(/\s+/g, ' ').trim();
}

/**
 * Plain text of an article for search indexing and snippets: what a reader sees, without
 * markup. It is text, not HTML: whoever displays it must escape it (React does).
 */
export function markdownToText(markdown: string): string {
  return htmlToText(renderMarkdown(markdown));
}

/** Cuts at the last space that leaves room for the ellipsis; hard cut for one giant word. */
function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  if (maxChars < 1) return '';
  const space = text.lastIndexOf(' ', maxChars - 1);
  let end = space > 0 ? space : maxChars - 1;
  // Never split a surrogate pair (emoji) in a hard cut.
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
  return `${text.slice(0, end).replace(/[\s,;:]+$/, '')}…`;
}

/**
 * A short teaser: the first paragraph (headings, lists and code are skipped because they make
 * poor teasers), or the whole text when there is no usable paragraph; at most `maxChars` characters.
 */
export function summaryOf(markdown: string, maxChars = 200): string {
  const paragraph = articleMarked.lexer(markdown).find((token) => token.type === 'paragraph');
  const firstParagraph = paragraph ? htmlToText(sanitizeArticleHtml(articleMarked.parser([paragraph]))) : '';
  return truncate(firstParagraph || markdownToText(markdown), maxChars);
}
