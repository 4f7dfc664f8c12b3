import type { ArticleDetail } from '@itsm/contracts';
import { describe, expect, it } from 'vitest';
import {
  addTags,
  articleFormSchema,
  createBody,
  formValuesOf,
  formValuesOfDraft,
  hasChanges,
  parseTags,
  updateBody,
} from './article-form';

const at = '2026-11-24T10:00:00.000Z';
const article: ArticleDetail = {
  id: 4,
  title: 'VPN',
  summary: 'Se connecter',
  status: 'published',
  language: 'fr',
  category: 3,
  category_name: 'Réseau',
  tags: ['télétravail', 'vpn'],
  visibility: 'structures',
  is_public: false,
  is_faq: true,
  faq_position: 2,
  author: 1,
  author_name: 'Claire Rousseau',
  owner: 1,
  owner_name: 'Claire Rousseau',
  review_by: '2027-01-31',
  is_review_due: false,
  view_count: 3,
  helpful_count: 1,
  unhelpful_count: 0,
  resolved_count: 0,
  revision: 5,
  published_at: at,
  created_at: at,
  updated_at: at,
  body: '## Étapes',
  body_html: '<h3>Étapes</h3>',
  structures: [2, 7],
  reviewer_group: null,
  reviewer_group_name: null,
  source_ticket: null,
  attachments: [],
  my_vote: null,
  available_actions: ['archive', 'unpublish'],
  can_edit: true,
};

describe('article form', () => {
  it('creates a draft from the form, ids and numbers from their texts, nothing for empty choices', () => {
    const values = {
      ...formValuesOf(null, 'en'),
      title: '  Outlook  ',
      body: 'x',
      category: '3',
      tags: ['email'],
      faq_position: '4',
      review_by: '',
    };
    expect(createBody(values)).toEqual({
      title: 'Outlook',
      summary: '',
      body: 'x',
      language: 'en',
      category: 3,
      tags: ['email'],
      visibility: 'everyone',
      structures: [],
      is_public: false,
      is_faq: false,
      // Not in the FAQ: no position.
      faq_position: null,
      reviewer_group: null,
      review_by: null,
    });
    expect(createBody({ ...values, is_faq: true, owner: 9 })).toMatchObject({
      is_faq: true,
      faq_position: 4,
      owner: 9,
    });
  });

  it('starts a new article from a ticket’s draft and keeps the ticket it was written from', () => {
    const values = formValuesOfDraft({
      title: 'Clavier qui répète les touches',
      summary: '',
      body: '## Problème\n\nLe clavier répète.\n\n## Solution\n\nRemplacé.\n',
      language: 'en',
      source_ticket: 54,
    });
    expect(values).toMatchObject({
      title: 'Clavier qui répète les touches',
      body: expect.stringContaining('## Solution'),
      language: 'en',
      visibility: 'everyone',
      tags: [],
    });
    expect(articleFormSchema.safeParse(values).success).toBe(true);
    expect(createBody(values, 54)).toMatchObject({
      title: 'Clavier qui répète les touches',
      source_ticket: 54,
    });
    expect(createBody(values)).not.toHaveProperty('source_ticket');
  });

  it('sends only what changed, with the revision edited and the note', () => {
    const values = { ...formValuesOf(article, 'fr'), body: '## Étapes\n\n1. Ouvrir', note: ' Étape 1 ' };
    expect(updateBody(values, article)).toEqual({
      body: '## Étapes\n\n1. Ouvrir',
      revision: 5,
      note: 'Étape 1',
    });
    // The same tags and structures in another order are no change.
    const reordered = { ...formValuesOf(article, 'fr'), tags: ['vpn', 'télétravail'], structures: [7, 2] };
    expect(updateBody(reordered, article)).toEqual({ revision: 5 });
    expect(hasChanges(reordered, article)).toBe(false);
    expect(hasChanges({ ...reordered, note: 'rien' }, article)).toBe(false);
    expect(hasChanges({ ...reordered, review_by: '' }, article)).toBe(true);
  });

  it('sends every field to save over a newer revision', () => {
    const body = updateBody(formValuesOf(article, 'fr'), { ...article, revision: 7 }, { overwrite: true });
    expect(body).toMatchObject({
      revision: 7,
      title: 'VPN',
      body: '## Étapes',
      structures: [2, 7],
      faq_position: 2,
    });
  });

  it('asks for at least one structure when the article is for chosen structures', () => {
    const values = { ...formValuesOf(article, 'fr'), structures: [] };
    const result = articleFormSchema.safeParse(values);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['structures', 'required'],
    ]);
    expect(articleFormSchema.safeParse({ ...values, visibility: 'staff' }).success).toBe(true);
  });

  it('checks the title, the FAQ position and the review date', () => {
    const values = formValuesOf(article, 'fr');
    const fields = (patch: Partial<typeof values>) =>
      articleFormSchema.safeParse({ ...values, ...patch }).error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(fields({ title: '   ' })).toEqual(['title']);
    expect(fields({ faq_position: '10001' })).toEqual(['faq_position']);
    expect(fields({ faq_position: '-1' })).toEqual(['faq_position']);
    expect(fields({ faq_position: '' })).toEqual([]);
    expect(fields({ review_by: '31/01/2027' })).toEqual(['review_by']);
  });

  it('reads tags typed with commas, in lower case, and tells apart those the API refuses', () => {
    expect(parseTags(' VPN,  Accès   distant ; ; wi-fi ')).toEqual({
      valid: ['vpn', 'accès distant', 'wi-fi'],
      invalid: [],
    });
    expect(parseTags('ok, -nope, a/b')).toEqual({ valid: ['ok'], invalid: ['-nope', 'a/b'] });
    expect(addTags(['vpn'], ['vpn', 'wifi'])).toEqual(['vpn', 'wifi']);
    expect(
      addTags(
        [],
        Array.from({ length: 25 }, (_, i) => `t${i}`),
      ),
    ).toHaveLength(20);
  });
});
