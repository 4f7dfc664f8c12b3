import { describe, expect, test } from 'vitest';
import { markdownToText, summaryOf } from './index.js';

const ARTICLE = `# Reset a VPN token

When the **VPN** client says *token expired*, the token must be re-issued.

1. Open [the portal](https://vpn.example.com).
2. Click *Reset*.

| Field | Value |
|---|---|
| Realm | corp |

\`\`\`sh
vpn --reset
\`\`\`

![Reset button](/api/v1/attachments/3/content)`;

describe('markdownToText', () => {
  test('keeps the words of every block, without markup, whitespace collapsed', () => {
    expect(markdownToText(ARTICLE)).toBe(
      'Reset a VPN token When the VPN client says token expired, the token must be re-issued. ' +
        'Open the portal. Click Reset. Field Value Realm corp vpn --reset Reset button',
    );
  });

  test('does not split words at inline markup but separates cells and line breaks', () => {
    expect(markdownToText('**bo**ld line  \nbreak\n\n|a|b|\n|-|-|\n|c|d|')).toBe('bold line break a b c d');
  });

  test('returns raw HTML and entities as the reader sees them', () => {
    expect(markdownToText('Use <b>x</b> &amp; &copy; <script>alert(1)</script>')).toBe(
      'Use <b>x</b> & © <script>alert(1)</script>',
    );
  });

  test('returns an empty string for empty or markup-only input', () => {
    expect(markdownToText('')).toBe('');
    expect(markdownToText('---\n\n![](javascript:alert(1))')).toBe('');
  });
});

describe('summaryOf', () => {
  test('uses the first paragraph, not the title', () => {
    expect(summaryOf(ARTICLE)).toBe('When the VPN client says token expired, the token must be re-issued.');
  });

  test('cuts at a word boundary and adds an ellipsis within maxChars', () => {
    const summary = summaryOf(ARTICLE, 30);
    expect(summary).toBe('When the VPN client says…');
    expect(summary.length).toBeLessThanOrEqual(30);
  });

  test('drops punctuation left before the ellipsis', () => {
    expect(summaryOf('one, two three', 8)).toBe('one…');
  });

  test('cuts a single long word hard without splitting an emoji', () => {
    expect(summaryOf('abcdefghij', 5)).toBe('abcd…');
    expect(summaryOf('abc😀defgh', 5)).toBe('abc…');
  });

  test('falls back to the whole text when there is no paragraph', () => {
    expect(summaryOf('# Title\n\n- first\n- second')).toBe('Title first second');
  });

  test('keeps short text unchanged and never returns HTML', () => {
    expect(summaryOf('Hello <img src=x onerror=alert(1)> world')).toBe(
      'Hello <img src=x onerror=alert(1)> world',
    );
    expect(summaryOf('')).toBe('');
  });
});
