import { describe, expect, it } from 'vitest';
import { escapeHtml, renderMail } from './layout.js';

const content = {
  greeting: 'Bonjour Hélène,',
  paragraphs: [
    'Une demande de réinitialisation du mot de passe a été reçue.',
    'Ce lien expire dans 1 heure.',
  ],
  action: { label: 'Choisir un mot de passe', url: 'https://itsm.example.org/reset?token=abc&x=1' },
  footer: 'ITSM — message automatique',
};

describe('renderMail', () => {
  it('renders the plain-text twin: greeting, paragraphs, the link on its own line, the footer', () => {
    const { text } = renderMail(content);
    expect(text).toBe(
      [
        'Bonjour Hélène,',
        '',
        'Une demande de réinitialisation du mot de passe a été reçue.',
        '',
        'Ce lien expire dans 1 heure.',
        '',
        'Choisir un mot de passe:',
        'https://itsm.example.org/reset?token=abc&x=1',
        '',
        '-- ',
        'ITSM — message automatique',
        '',
      ].join('\n'),
    );
  });

  it('renders every part in the HTML, the link as a button and as a copyable URL', () => {
    const { html } = renderMail(content);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('Bonjour Hélène,');
    expect(html).toContain('Ce lien expire dans 1 heure.');
    expect(html).toContain('ITSM — message automatique');
    expect(html.match(/href="https:\/\/itsm\.example\.org\/reset\?token=abc&amp;x=1"/g)).toHaveLength(2);
    expect(html).toContain('>Choisir un mot de passe</a>');
  });

  it('makes an XSS payload inert in every interpolated value', () => {
    const payload = `<script>alert(1)</script><img src=x onerror="alert('x')">`;
    const { html, text } = renderMail({
      greeting: payload,
      paragraphs: [`Titre : ${payload}`, 'a & b\nligne 2'],
      action: { label: payload, url: 'https://example.org/?q="><script>alert(2)</script>' },
      footer: payload,
    });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/"\s*onerror=/);
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;',
    );
    expect(html).toContain('href="https://example.org/?q=&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"');
    expect(html).toContain('a &amp; b<br>ligne 2');
    // The text twin is not HTML: it carries the words as written.
    expect(text).toContain(`Titre : ${payload}`);
  });

  it('omits the button when there is no action', () => {
    const { html, text } = renderMail({
      greeting: 'Bonjour,',
      paragraphs: ['Rien à faire.'],
      footer: 'ITSM',
    });
    expect(html).not.toContain('<a ');
    expect(text).toBe('Bonjour,\n\nRien à faire.\n\n-- \nITSM\n');
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '/relative/path',
    'https://example.org/a b',
  ])('refuses a non-http(s) action URL: %s', (url) => {
    expect(() => renderMail({ ...content, action: { label: 'Go', url } })).toThrow(/URL/);
  });

  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
