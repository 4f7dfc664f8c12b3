import type { ArticleAttachment } from '@itsm/contracts';

/** Images an article shows in its body (the server serves only these inline). */
export const ARTICLE_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

export const isArticleImage = (file: Pick<File, 'type'>) =>
  (ARTICLE_IMAGE_TYPES as readonly string[]).includes(file.type);

/** Text safe inside `[…]` of Markdown: no brackets or backslashes to end it early, one line. */
const label = (text: string) =>
  text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[[\]\\]/g, '')
    .trim();

/** The Markdown that shows a file of the article: an image for an image, a link otherwise. */
export function markdownFor(file: Pick<ArticleAttachment, 'file_name' | 'is_image' | 'url'>): string {
  if (file.is_image) {
    const alt = label(file.file_name.replace(/\.[a-z0-9]{1,5}$/i, '')) || 'image';
    return `![${alt}](${file.url})`;
  }
  return `[${label(file.file_name) || 'file'}](${file.url})`;
}

/**
 * Puts a block of Markdown (images, links) where the caret is, or over the selection, on lines of
 * its own: a blank line before and after unless the text already has one there. Answers the new
 * text and where the caret goes (right after the block).
 */
export function insertBlock(
  text: string,
  selection: { start: number; end: number },
  block: string,
): { text: string; caret: number } {
  const start = Math.max(0, Math.min(selection.start, text.length));
  const end = Math.max(start, Math.min(selection.end, text.length));
  const before = text.slice(0, start);
  const after = text.slice(end);
  const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trail = after === '' || after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
  const inserted = `${lead}${block}${trail}`;
  return { text: `${before}${inserted}${after}`, caret: before.length + lead.length + block.length };
}

/**
 * Files chosen in a new article's editor, waiting for its draft to be saved: the editor that opens on
 * the draft sends them (and, for images, shows them in the body).
 */
const handedOver = new Map<number, { files: File[]; insert: boolean }>();

export function handOverFiles(articleId: number, files: File[], insert: boolean): void {
  handedOver.set(articleId, { files, insert });
}

/** The files waiting for this article, once: taking them removes them. */
export function takeHandedFiles(articleId: number): { files: File[]; insert: boolean } | undefined {
  const waiting = handedOver.get(articleId);
  handedOver.delete(articleId);
  return waiting;
}
