import { describe, expect, it } from 'vitest';
import { resources } from './namespaces';

type Leaf = [key: string, value: unknown];

function leaves(node: unknown, prefix = ''): Leaf[] {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return [[prefix, node]];
  return Object.entries(node).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

// Every namespace of both languages, keys prefixed by their namespace.
const catalogues = {
  fr: Object.entries(resources.fr).flatMap(([ns, tree]) => leaves(tree, ns)),
  en: Object.entries(resources.en).flatMap(([ns, tree]) => leaves(tree, ns)),
};

describe('translation catalogues', () => {
  it('fr and en have exactly the same keys', () => {
    const keys = (lang: keyof typeof catalogues) => catalogues[lang].map(([key]) => key).sort();
    expect(keys('fr')).toEqual(keys('en'));
  });

  it.each(Object.keys(catalogues) as (keyof typeof catalogues)[])('%s has only non-empty strings', (lang) => {
    const bad = catalogues[lang].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
    expect(bad).toEqual([]);
  });

  it('keeps interpolation placeholders identical across languages', () => {
    const placeholders = (leavesOf: Leaf[]) =>
      Object.fromEntries(leavesOf.map(([key, value]) => [key, String(value).match(/{{\s*\w+\s*}}/g) ?? []]));
    expect(placeholders(catalogues.fr)).toEqual(placeholders(catalogues.en));
  });
});
