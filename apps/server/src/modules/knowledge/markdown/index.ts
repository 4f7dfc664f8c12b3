export { renderMarkdown } from './markdown.renderer.js';
export type { ArticleAudience } from './markdown.sanitizer.js';
export { markdownToText, summaryOf } from './markdown.text.js';
