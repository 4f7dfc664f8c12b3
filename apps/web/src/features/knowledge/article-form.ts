import {
  type ArticleCreate,
  ArticleCreateSchema,
  type ArticleDetail,
  type ArticleDraft,
  type ArticleLanguage,
  type ArticleUpdate,
  ArticleUpdateSchema,
} from '@itsm/contracts';
import { z } from 'zod';

const shape = ArticleCreateSchema.shape;
/** The contract's rule for one tag (letters, digits, spaces and . _ + # -; trimmed, lower case). */
export const TagSchema = shape.tags.unwrap().element;
export const MAX_TAGS = 20;
export const MAX_FAQ_POSITION = 10_000;

// The contract's rules; selects and number boxes hold text ('' for none), converted on save.
export const articleFormSchema = z
  .object({
    title: shape.title,
    summary: shape.summary.unwrap(),
    body: shape.body.unwrap(),
    language: shape.language,
    category: z.string(),
    tags: shape.tags.unwrap(),
    visibility: shape.visibility.unwrap(),
    structures: shape.structures.unwrap(),
    is_public: z.boolean(),
    is_faq: z.boolean(),
    faq_position: z
      .string()
      .trim()
      .regex(/^\d*$/)
      .refine((text) => text === '' || Number(text) <= MAX_FAQ_POSITION),
    owner: z.number().int().nullable(),
    reviewer_group: z.string(),
    review_by: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/),
    // Optional twice in the contract (optional, then the update's partial()).
    note: ArticleUpdateSchema.shape.note.unwrap().unwrap(),
  })
  .superRefine((v, ctx) => {
    if (v.visibility === 'structures' && v.structures.length === 0)
      ctx.addIssue({ code: 'custom', path: ['structures'], message: 'required' });
  });
export type ArticleFormValues = z.infer<typeof articleFormSchema>;

/** The fields of the form, named as in the API (the server's field errors go next to them). */
export const ARTICLE_FIELDS = [
  'title',
  'summary',
  'body',
  'language',
  'category',
  'tags',
  'visibility',
  'structures',
  'is_public',
  'is_faq',
  'faq_position',
  'owner',
  'reviewer_group',
  'review_by',
  'note',
] as const;

const idText = (id: number | null) => (id === null ? '' : String(id));
const textId = (text: string) => (text === '' ? null : Number(text));

/** The form's values for an article (or a new one, written in `language`). */
export function formValuesOf(article: ArticleDetail | null, language: ArticleLanguage): ArticleFormValues {
  return {
    title: article?.title ?? '',
    summary: article?.summary ?? '',
    body: article?.body ?? '',
    language: article?.language ?? language,
    category: idText(article?.category ?? null),
    tags: article?.tags ?? [],
    visibility: article?.visibility ?? 'everyone',
    structures: article?.structures ?? [],
    is_public: article?.is_public ?? false,
    is_faq: article?.is_faq ?? false,
    faq_position: article?.faq_position === null || !article ? '' : String(article.faq_position),
    owner: article?.owner ?? null,
    reviewer_group: idText(article?.reviewer_group ?? null),
    review_by: article?.review_by ?? '',
    note: '',
  };
}

/** The form's values for a new article written from a draft (a ticket's problem and solution). */
export function formValuesOfDraft(draft: ArticleDraft): ArticleFormValues {
  return {
    ...formValuesOf(null, draft.language),
    title: draft.title.slice(0, 200),
    summary: draft.summary.slice(0, 500),
    body: draft.body,
  };
}

/** Every field as the API takes it (the note aside). */
function fieldsOf(v: ArticleFormValues) {
  return {
    title: v.title.trim(),
    summary: v.summary.trim(),
    body: v.body,
    language: v.language,
    category: textId(v.category),
    tags: v.tags,
    visibility: v.visibility,
    // Kept only for chosen structures (the API ignores them otherwise).
    structures: v.visibility === 'structures' ? v.structures : [],
    is_public: v.is_public,
    is_faq: v.is_faq,
    faq_position: v.is_faq && v.faq_position.trim() !== '' ? Number(v.faq_position) : null,
    owner: v.owner,
    reviewer_group: textId(v.reviewer_group),
    review_by: v.review_by === '' ? null : v.review_by,
  };
}

/** The body of POST /kb/articles: a new draft, written from `sourceTicket` if given. */
export function createBody(v: ArticleFormValues, sourceTicket?: number): ArticleCreate {
  const { owner, ...fields } = fieldsOf(v);
  // No owner chosen: the author owns it (the API's default).
  return {
    ...fields,
    ...(owner !== null ? { owner } : {}),
    ...(sourceTicket !== undefined ? { source_ticket: sourceTicket } : {}),
  };
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && [...a].map(String).sort().join('\n') === [...b].map(String).sort().join('\n');

/**
 * The body of PATCH /kb/articles/:id: what changed from `base` (everything with `overwrite`, to save
 * over a newer revision), the revision it was edited from, and the note.
 */
export function updateBody(
  v: ArticleFormValues,
  base: ArticleDetail,
  { overwrite = false }: { overwrite?: boolean } = {},
): ArticleUpdate {
  const fields = fieldsOf(v);
  const before = fieldsOf(formValuesOf(base, base.language));
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
    const now = fields[key];
    const was = before[key];
    const changed = Array.isArray(now) && Array.isArray(was) ? !sameList(now, was) : now !== was;
    if (overwrite || changed) patch[key] = now;
  }
  const note = v.note.trim();
  return { ...(patch as Partial<ArticleUpdate>), revision: base.revision, ...(note ? { note } : {}) };
}

/** Whether the form holds changes to save (the note alone is not one). */
export function hasChanges(v: ArticleFormValues, base: ArticleDetail): boolean {
  const { revision: _r, note: _n, ...patch } = updateBody(v, base);
  return Object.keys(patch).length > 0;
}

/**
 * The tags typed in the box ("VPN, accès distant"): split on commas or semicolons, trimmed, in
 * lower case with single spaces; answers those that follow the contract's rule and those that do not.
 */
export function parseTags(text: string): { valid: string[]; invalid: string[] } {
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[,;]/)) {
    const tag = raw.trim().replace(/\s+/g, ' ').toLowerCase();
    if (!tag) continue;
    const checked = TagSchema.safeParse(tag);
    if (checked.success) valid.push(checked.data);
    else invalid.push(tag);
  }
  return { valid, invalid };
}

/** `tags` with `added` after them, without duplicates, at most MAX_TAGS. */
export function addTags(tags: readonly string[], added: readonly string[]): string[] {
  return [...new Set([...tags, ...added])].slice(0, MAX_TAGS);
}
