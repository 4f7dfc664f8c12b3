import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { markdownLink, solutionFromArticle } from './article-solution';

const marked = new Marked({ gfm: true, async: false });

describe('solutionFromArticle', () => {
  const origin = 'https://itsm.example.com';

  it('gives the summary, then a link to the article', () => {
    expect(
      solutionFromArticle(
        { id: 7, title: 'Imprimante hors ligne', summary: ' Redémarrer le spouleur. ' },
        { origin, seeLabel: 'Voir l’article' },
      ),
    ).toBe(
      'Redémarrer le spouleur.\n\nVoir l’article [Imprimante hors ligne](https://itsm.example.com/kb/articles/7)',
    );
  });

  it('is the link alone without a summary', () => {
    expect(solutionFromArticle({ id: 7, title: 'VPN', summary: '' }, { origin, seeLabel: 'See' })).toBe(
      'See [VPN](https://itsm.example.com/kb/articles/7)',
    );
  });
});

describe('markdownLink', () => {
  it('keeps a title with brackets as its text', () => {
    const html = marked.parse(
      markdownLink('Erreur [0x80070005] \\ accès', 'https://x.test/kb/articles/1'),
    ) as string;
    expect(html).toContain('<a href="https://x.test/kb/articles/1">Erreur [0x80070005] \\ accès</a>');
  });
});
