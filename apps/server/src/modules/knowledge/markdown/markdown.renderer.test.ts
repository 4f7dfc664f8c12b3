import { describe, expect, test } from 'vitest';
import { renderMarkdown } from './index.js';

const EXTERNAL = 'target="_blank" rel="noopener noreferrer nofollow"';

describe('renderMarkdown', () => {
  test('demotes headings by one level because the page title is the h1', () => {
    expect(renderMarkdown('# One\n## Two\n##### Five\n###### Six')).toBe(
      '<h2>One</h2>\n<h3>Two</h3>\n<h6>Five</h6>\n<h6>Six</h6>\n',
    );
  });

  test('renders paragraphs, emphasis, strike-through, breaks, rules and quotes', () => {
    expect(renderMarkdown('**bold** *em* ~~gone~~ `code`  \nnext\n\n---\n\n> quote')).toBe(
      '<p><strong>bold</strong> <em>em</em> <del>gone</del> <code>code</code><br />next</p>\n' +
        '<hr />\n<blockquote>\n<p>quote</p>\n</blockquote>\n',
    );
  });

  test('renders nested and ordered lists', () => {
    expect(renderMarkdown('- a\n  1. b\n  2. c')).toBe(
      '<ul>\n<li>a<ol>\n<li>b</li>\n<li>c</li>\n</ol>\n</li>\n</ul>\n',
    );
  });

  test('renders task lists as disabled checkboxes', () => {
    expect(renderMarkdown('- [x] done\n- [ ] todo')).toBe(
      '<ul>\n<li><input type="checkbox" disabled checked /> done</li>\n' +
        '<li><input type="checkbox" disabled /> todo</li>\n</ul>\n',
    );
  });

  test('keeps a lower-cased language class on code blocks and drops any other class', () => {
    expect(renderMarkdown('```PowerShell\nGet-Service <name>\n```')).toBe(
      '<pre><code class="language-powershell">Get-Service &lt;name&gt;\n</code></pre>\n',
    );
    expect(renderMarkdown('```c++\nx\n```')).toContain('<code class="language-c++">');
    expect(renderMarkdown('```c#\nx\n```')).toContain('<pre><code>x');
  });

  test('renders tables with column alignment', () => {
    expect(renderMarkdown('| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |')).toBe(
      '<table>\n<thead>\n<tr>\n<th align="left">a</th>\n<th align="center">b</th>\n<th align="right">c</th>\n' +
        '</tr>\n</thead>\n<tbody><tr>\n<td align="left">1</td>\n<td align="center">2</td>\n' +
        '<td align="right">3</td>\n</tr>\n</tbody></table>\n',
    );
  });

  test('opens absolute http(s) links in a new tab without opener or referrer', () => {
    expect(renderMarkdown('[docs](https://example.com/a "Docs")')).toBe(
      `<p><a href="https://example.com/a" title="Docs" ${EXTERNAL}>docs</a></p>\n`,
    );
    expect(renderMarkdown('www.example.com')).toBe(
      `<p><a href="http://www.example.com" ${EXTERNAL}>www.example.com</a></p>\n`,
    );
  });

  test('keeps relative, anchor and mailto links in the same tab', () => {
    expect(renderMarkdown('[a](/kb/12) [b](#setup) [c](other-article) [d](mailto:help@example.com)')).toBe(
      '<p><a href="/kb/12">a</a> <a href="#setup">b</a> <a href="other-article">c</a> ' +
        '<a href="mailto:help@example.com">d</a></p>\n',
    );
  });

  test('drops hrefs with other schemes or pointing at another host without a scheme', () => {
    expect(renderMarkdown('[a](ftp://example.com) [b](//evil.example) [c](file:///etc/passwd)')).toBe(
      '<p><a>a</a> <a>b</a> <a>c</a></p>\n',
    );
  });

  test('keeps images of the knowledge base’s own files, normalised', () => {
    expect(renderMarkdown('![diagram](/api/v1/kb/attachments/7/download "Fig. 1")')).toBe(
      '<p><img alt="diagram" title="Fig. 1" src="/api/v1/kb/attachments/7/download" /></p>\n',
    );
    expect(renderMarkdown('![a](/api/v1/kb/attachments/7/download?inline=1#x)')).toBe(
      '<p><img alt="a" src="/api/v1/kb/attachments/7/download" /></p>\n',
    );
  });

  test('points images and file links at the public copy for anonymous readers, and back', () => {
    const markdown =
      '![schéma](/api/v1/kb/attachments/7/download) [notice.pdf](/api/v1/kb/attachments/8/download)';
    expect(renderMarkdown(markdown, 'public')).toBe(
      '<p><img alt="schéma" src="/api/v1/public/kb/attachments/7/download" /> ' +
        '<a href="/api/v1/public/kb/attachments/8/download">notice.pdf</a></p>\n',
    );
    expect(renderMarkdown('![s](/api/v1/public/kb/attachments/7/download)')).toBe(
      '<p><img alt="s" src="/api/v1/kb/attachments/7/download" /></p>\n',
    );
  });

  test('replaces any other image with its alt text: remote, data:, javascript:, other API pages', () => {
    for (const src of [
      '/uploads/a.png',
      'a.png',
      'api/v1/kb/attachments/7/download',
      '/api/v1/../admin',
      '/api/v1/kb/attachments/7/../../../auth/logout',
      '/api/v1/attachments/7/download',
      '/api/v1/kb/attachments/0/download',
      '/api/v1/kb/attachments/7/download/x',
      'https://cdn.example.com/logo.png',
      'http://local.invalid/api/v1/kb/attachments/7/download',
      '//cdn.example.com/logo.png',
      'data:image/png;base64,iVBORw0KGgo=',
      'javascript:alert(1)',
    ]) {
      expect(renderMarkdown(`![the diagram](${src})`), src).toBe('<p>the diagram</p>\n');
    }
  });

  test('shows raw HTML as typed instead of interpreting it', () => {
    expect(renderMarkdown('Press <kbd>Ctrl</kbd> & <b>go</b>')).toBe(
      '<p>Press &lt;kbd&gt;Ctrl&lt;/kbd&gt; &amp; &lt;b&gt;go&lt;/b&gt;</p>\n',
    );
    expect(renderMarkdown('<configuration>\n  <add key="a" />\n</configuration>')).toBe(
      '<p>&lt;configuration&gt;\n  &lt;add key="a" /&gt;\n&lt;/configuration&gt;</p>\n',
    );
  });

  test('renders empty input as nothing', () => {
    expect(renderMarkdown('')).toBe('');
  });
});
