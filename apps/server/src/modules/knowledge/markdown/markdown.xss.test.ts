import { type DefaultTreeAdapterTypes, parseFragment, serialize } from 'parse5';
import { describe, expect, test } from 'vitest';
import { renderMarkdown } from './index.js';
import { xssCorpus } from './xss-corpus.js';

type Node = DefaultTreeAdapterTypes.ChildNode;

/**
 * What the renderer may emit, written out again on purpose instead of importing the sanitiser's
 * options: loosening those must make this test fail.
 */
const ALLOWED: Record<string, readonly string[]> = {
  ...Object.fromEntries(
    [
      ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'strong', 'em', 'del', 'pre', 'blockquote'],
      ...['ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr'],
    ].map((tag) => [tag, []]),
  ),
  code: ['class'],
  a: ['href', 'title', 'target', 'rel'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  th: ['align'],
  td: ['align'],
  input: ['type', 'checked', 'disabled'],
};

/** A URL as the browser reads it: entities decoded (by parse5), C0 controls and spaces ignored. */
function browserScheme(url: string): string {
  return [...url]
    .filter((char) => char.charCodeAt(0) > 0x20)
    .join('')
    .toLowerCase();
}

/** Parses like a browser (parse5 follows the WHATWG algorithm) and lists every executable vector. */
function executableVectors(html: string): string[] {
  const found: string[] = [];
  const visit = (nodes: Node[]) => {
    for (const node of nodes) {
      if (!('tagName' in node)) continue;
      const allowed = ALLOWED[node.tagName];
      if (!allowed) found.push(`element <${node.tagName}>`);
      for (const { name, value } of node.attrs) {
        if (name.startsWith('on') || name === 'style' || !allowed?.includes(name)) {
          found.push(`attribute ${name} on <${node.tagName}>`);
        }
        if (
          (name === 'href' || name === 'src') &&
          /^(?:javascript|vbscript|data):/.test(browserScheme(value))
        ) {
          found.push(`${name}="${value}"`);
        }
        if (name === 'class' && !/^language-[a-z0-9+-]+$/.test(value)) found.push(`class="${value}"`);
        if (node.tagName === 'input' && name === 'type' && value !== 'checkbox')
          found.push(`input type ${value}`);
      }
      visit(node.childNodes);
    }
  };
  visit(parseFragment(html).childNodes);
  return found;
}

function textContent(html: string): string {
  const collect = (nodes: Node[]): string =>
    nodes
      .map((node) => ('value' in node ? node.value : 'childNodes' in node ? collect(node.childNodes) : ''))
      .join('');
  return collect(parseFragment(html).childNodes);
}

/** The same payload where authors actually type: alone, inside a sentence, in a list item. */
const contexts = [
  (payload: string) => payload,
  (payload: string) => `Before ${payload} after`,
  (payload: string) => `- item ${payload}`,
];

/** Signed-in readers, and anybody on the public knowledge base (its image URLs are rewritten). */
const audiences = ['signed-in', 'public'] as const;

describe('XSS corpus', () => {
  test('has enough payloads with unique names', () => {
    expect(xssCorpus.length).toBeGreaterThanOrEqual(60);
    expect(new Set(xssCorpus.map(({ name }) => name)).size).toBe(xssCorpus.length);
  });

  test.each(xssCorpus)('$name', ({ payload, keep }) => {
    for (const [wrap, audience] of contexts.flatMap((c) => audiences.map((a) => [c, a] as const))) {
      const html = renderMarkdown(`${wrap(payload)}\n\nsafe-tail`, audience);
      expect(executableVectors(html), html).toEqual([]);
      // mXSS: what the browser re-serialises (innerHTML round trip) must be just as inert.
      expect(executableVectors(serialize(parseFragment(html))), html).toEqual([]);
      // A payload must not swallow the rest of the article (unclosed textarea, comment, title…).
      expect(textContent(html)).toContain('safe-tail');
      if (keep) expect(textContent(html)).toContain(keep);
    }
  });
});
