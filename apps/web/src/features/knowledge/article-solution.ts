/** A Markdown link whose text is shown as written (brackets and backslashes escaped). */
export function markdownLink(text: string, url: string): string {
  const label = text.replace(/[\\[\]]/g, (c) => `\\${c}`);
  return `[${label}](${url.replace(/[\s()<>]/g, encodeURIComponent)})`;
}

/**
 * The solution of a ticket resolved with an article: its summary, then a link to the whole article
 * (absolute: the solution is also read in notification e-mails).
 */
export function solutionFromArticle(
  article: { id: number; title: string; summary: string },
  { origin, seeLabel }: { origin: string; seeLabel: string },
): string {
  const link = `${seeLabel} ${markdownLink(article.title, `${origin}/kb/articles/${article.id}`)}`;
  const summary = article.summary.trim();
  return summary ? `${summary}\n\n${link}` : link;
}
