import type { ArticleRevision } from '@itsm/contracts';
import { describe, expect, it } from 'vitest';
import { revisionDiff } from './revision-diff.js';

const revision = (number: number, values: Partial<ArticleRevision>): ArticleRevision => ({
  id: number,
  number,
  title: 'Configurer le VPN',
  summary: 'Accès distant',
  body: 'Étape 1\nÉtape 2\n',
  tags: ['vpn'],
  category: null,
  status: 'draft',
  note: null,
  author: null,
  author_name: null,
  created_at: '2026-11-24T10:00:00.000Z',
  ...values,
});

describe('revisionDiff', () => {
  it('shows the words of the title, the lines of the body and the tags that changed', () => {
    const diff = revisionDiff(
      revision(1, {}),
      revision(2, {
        title: 'Configurer le VPN Cisco',
        body: 'Étape 1\nÉtape 2 bis\nÉtape 3\n',
        tags: ['vpn', 'cisco'],
      }),
    );
    expect(diff.title.filter((p) => p.kind !== 'same').map((p) => [p.kind, p.text.trim()])).toEqual([
      ['added', 'Cisco'],
    ]);
    expect(diff.body.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'Étape 2\n' },
      { kind: 'added', text: 'Étape 2 bis\nÉtape 3\n' },
    ]);
    expect(diff.summary).toEqual([{ kind: 'same', text: 'Accès distant' }]);
    expect(diff.tags).toEqual({ added: ['cisco'], removed: [] });
    expect([diff.from, diff.to]).toEqual([1, 2]);
  });
});
