export { renderMarkdown } from './markdown.renderer.js';
export { markdownToText, summaryOf } from './markdown.text.js';
