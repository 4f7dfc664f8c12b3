import { describe, expect, it } from 'vitest';
import { isArticleImageSrc } from './article-markdown';
import { insertBlock, markdownFor } from './article-media';

describe('article images and files', () => {
  it('writes an image as an image and any other file as a link, with a label that cannot break out', () => {
    expect(
      markdownFor({
        file_name: 'Écran [erreur].PNG',
        is_image: true,
        url: '/api/v1/kb/attachments/4/download',
      }),
    ).toBe('![Écran erreur](/api/v1/kb/attachments/4/download)');
    expect(
      markdownFor({ file_name: 'notice\\].pdf', is_image: false, url: '/api/v1/kb/attachments/5/download' }),
    ).toBe('[notice.pdf](/api/v1/kb/attachments/5/download)');
  });

  it('inserts a block on lines of its own, at the caret or over the selection', () => {
    expect(insertBlock('', { start: 0, end: 0 }, '![a](u)')).toEqual({ text: '![a](u)', caret: 7 });
    expect(insertBlock('Avant après', { start: 6, end: 6 }, '![a](u)')).toEqual({
      text: 'Avant \n\n![a](u)\n\naprès',
      caret: 15,
    });
    expect(insertBlock('Ligne\n', { start: 6, end: 6 }, 'X')).toEqual({ text: 'Ligne\n\nX', caret: 8 });
    expect(insertBlock('a\n\nb', { start: 3, end: 3 }, 'X')).toEqual({ text: 'a\n\nX\n\nb', caret: 4 });
    expect(insertBlock('a SELECTION b', { start: 2, end: 11 }, 'X').text).toBe('a \n\nX\n\n b');
    // A caret beyond the text (it changed during the upload) puts the block at the end.
    expect(insertBlock('abc', { start: 10, end: 12 }, 'X')).toEqual({ text: 'abc\n\nX', caret: 6 });
  });

  it('shows only the knowledge base’s own files as images', () => {
    expect(isArticleImageSrc('/api/v1/kb/attachments/12/download')).toBe(true);
    expect(isArticleImageSrc('/api/v1/public/kb/attachments/12/download')).toBe(true);
    for (const src of [
      'https://cdn.example.com/a.png',
      '//cdn.example.com/a.png',
      'data:image/png;base64,AAAA',
      '/api/v1/attachments/12/download',
      '/api/v1/kb/attachments/12/download?x',
      '/api/v1/kb/attachments/12/../../auth/logout',
      'javascript:alert(1)',
    ])
      expect(isArticleImageSrc(src), src).toBe(false);
  });
});
