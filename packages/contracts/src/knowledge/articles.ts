import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../identity/common.js';

export const ARTICLE_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export const ArticleStatusSchema = z.enum(ARTICLE_STATUSES);
export type ArticleStatus = z.infer<typeof ArticleStatusSchema>;

export const ARTICLE_VISIBILITIES = ['everyone', 'staff', 'structures'] as const;
export const ArticleVisibilitySchema = z
  .enum(ARTICLE_VISIBILITIES)
  .describe('everyone signed in, technicians and administrators only, or the chosen structures');
export type ArticleVisibility = z.infer<typeof ArticleVisibilitySchema>;

export const ARTICLE_LANGUAGES = ['fr', 'en'] as const;
export const ArticleLanguageSchema = z.enum(ARTICLE_LANGUAGES).describe('Chooses the search stemmer');
export type ArticleLanguage = z.infer<typeof ArticleLanguageSchema>;

export const ARTICLE_ACTIONS = ['submit', 'approve', 'reject', 'publish', 'archive', 'unpublish'] as const;
export const ArticleActionSchema = z.enum(ARTICLE_ACTIONS);
export type ArticleAction = z.infer<typeof ArticleActionSchema>;

const name = z.string().nullable();
const TagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(60)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._+#-]*$/u, 'Letters, digits, spaces and . _ + # -');

export const ArticleSchema = z
  .object({
    id: IdSchema,
    title: z.string(),
    summary: z.string(),
    status: ArticleStatusSchema,
    language: ArticleLanguageSchema,
    category: IdSchema.nullable(),
    category_name: name,
    tags: z.array(z.string()),
    visibility: ArticleVisibilitySchema,
    is_public: z.boolean(),
    is_faq: z.boolean(),
    faq_position: z.number().int().nullable(),
    author: IdSchema.nullable(),
    author_name: name,
    owner: IdSchema.nullable(),
    owner_name: name,
    review_by: z.iso.date().nullable(),
    is_review_due: z.boolean().describe('Its review-by date has passed'),
    view_count: z.number().int(),
    helpful_count: z.number().int(),
    unhelpful_count: z.number().int(),
    resolved_count: z.number().int().describe('Tickets resolved with it'),
    revision: z.number().int(),
    published_at: TimestampSchema.nullable(),
    created_at: TimestampSchema,
    updated_at: TimestampSchema,
  })
  .meta({ id: 'Article' });
export type Article = z.infer<typeof ArticleSchema>;

export const ArticleAttachmentSchema = z
  .object({
    id: IdSchema,
    article: IdSchema,
    file_name: z.string(),
    content_type: z.string().describe('Sniffed from the file’s bytes, never taken from the client'),
    size_bytes: z.number().int(),
    is_image: z.boolean().describe('A raster image (PNG, JPEG, GIF, WebP): shown in the page'),
    url: z.string().describe('Where to download it (and what to put in the Markdown of an image)'),
    uploader: IdSchema.nullable(),
    created_at: TimestampSchema,
  })
  .meta({ id: 'ArticleAttachment' });
export type ArticleAttachment = z.infer<typeof ArticleAttachmentSchema>;

export const ArticleDetailSchema = ArticleSchema.extend({
  body: z.string().describe('Markdown'),
  body_html: z.string().describe('The body rendered to sanitised HTML'),
  structures: z.array(IdSchema).describe('With visibility "structures"'),
  reviewer_group: IdSchema.nullable(),
  reviewer_group_name: name,
  source_ticket: IdSchema.nullable(),
  attachments: z.array(ArticleAttachmentSchema),
  my_vote: z.object({ helpful: z.boolean(), comment: z.string().nullable() }).nullable(),
  available_actions: z.array(ArticleActionSchema).describe('What the caller may do now'),
  can_edit: z.boolean(),
}).meta({ id: 'ArticleDetail' });
export type ArticleDetail = z.infer<typeof ArticleDetailSchema>;

const fields = {
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().max(500),
  body: z.string().max(200_000),
  language: ArticleLanguageSchema,
  category: IdSchema.nullable(),
  tags: z.array(TagSchema).max(20),
  visibility: ArticleVisibilitySchema,
  structures: z.array(IdSchema).max(100),
  is_public: z.boolean(),
  is_faq: z.boolean(),
  faq_position: z.number().int().min(0).max(10_000).nullable(),
  owner: IdSchema.nullable(),
  reviewer_group: IdSchema.nullable().describe('Publishing then needs the approval of one of its members'),
  review_by: z.iso.date().nullable(),
};

export const ArticleCreateSchema = z.strictObject({
  ...fields,
  summary: fields.summary.default(''),
  body: fields.body.default(''),
  category: fields.category.optional(),
  tags: fields.tags.default([]),
  visibility: fields.visibility.default('everyone'),
  structures: fields.structures.default([]),
  is_public: fields.is_public.default(false),
  is_faq: fields.is_faq.default(false),
  faq_position: fields.faq_position.optional(),
  owner: fields.owner.optional(),
  reviewer_group: fields.reviewer_group.optional(),
  review_by: fields.review_by.optional(),
  source_ticket: IdSchema.optional().describe('The ticket whose solution it was written from'),
});
export type ArticleCreate = z.input<typeof ArticleCreateSchema>;

export const ArticleUpdateSchema = z
  .strictObject({
    ...fields,
    revision: z
      .number()
      .int()
      .positive()
      .describe('The revision you edited: 409 if someone saved another one meanwhile'),
    note: z.string().trim().max(500).optional().describe('What this save changes (kept with the revision)'),
  })
  .partial()
  .required({ revision: true });
export type ArticleUpdate = z.infer<typeof ArticleUpdateSchema>;

export const ArticleTransitionSchema = z.strictObject({
  action: ArticleActionSchema,
  note: z.string().trim().max(500).optional().describe('Required to reject'),
});
export type ArticleTransition = z.infer<typeof ArticleTransitionSchema>;

export const ArticleRevisionSchema = z
  .object({
    id: IdSchema,
    number: z.number().int(),
    title: z.string(),
    summary: z.string(),
    body: z.string(),
    tags: z.array(z.string()),
    category: IdSchema.nullable(),
    status: ArticleStatusSchema,
    note: name,
    author: IdSchema.nullable(),
    author_name: name,
    created_at: TimestampSchema,
  })
  .meta({ id: 'ArticleRevision' });
export type ArticleRevision = z.infer<typeof ArticleRevisionSchema>;

export const DiffPartSchema = z.object({
  kind: z.enum(['same', 'added', 'removed']),
  text: z.string(),
});
export const RevisionDiffSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    title: z.array(DiffPartSchema),
    summary: z.array(DiffPartSchema),
    body: z.array(DiffPartSchema).describe('Line by line'),
    tags: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
  })
  .meta({ id: 'RevisionDiff' });
export type RevisionDiff = z.infer<typeof RevisionDiffSchema>;

export const VoteSchema = z.strictObject({
  helpful: z.boolean(),
  comment: z.string().trim().max(2000).nullish(),
});
export type Vote = z.infer<typeof VoteSchema>;

export const TICKET_ARTICLE_KINDS = ['linked', 'resolution'] as const;

export const TicketArticleSchema = z
  .object({
    article: IdSchema,
    title: z.string(),
    summary: z.string(),
    kind: z
      .enum(TICKET_ARTICLE_KINDS)
      .describe('linked: see also; resolution: the ticket was resolved with it'),
    created_by: IdSchema.nullable(),
    created_at: TimestampSchema,
  })
  .meta({ id: 'TicketArticle' });
export type TicketArticle = z.infer<typeof TicketArticleSchema>;

export const TicketArticleCreateSchema = z.strictObject({
  article: IdSchema,
  kind: z.enum(TICKET_ARTICLE_KINDS).default('linked'),
});
export type TicketArticleCreate = z.input<typeof TicketArticleCreateSchema>;

export const ArticleDraftSchema = z
  .object({
    title: z.string(),
    summary: z.string(),
    body: z.string().describe('Markdown: the problem, then the solution'),
    language: ArticleLanguageSchema,
    source_ticket: IdSchema,
  })
  .meta({ id: 'ArticleDraft' });
export type ArticleDraft = z.infer<typeof ArticleDraftSchema>;

export const FaqSchema = z
  .object({
    curated: z.array(ArticleSchema).describe('Marked FAQ, in their order'),
    popular: z
      .array(ArticleSchema)
      .describe('The best others by views, helpful votes and tickets resolved with them'),
  })
  .meta({ id: 'Faq' });
export type Faq = z.infer<typeof FaqSchema>;

export const DeflectionSchema = z.strictObject({
  article: IdSchema,
  query: z.string().trim().max(200).optional().describe('What the user was typing as the ticket title'),
});
export type Deflection = z.infer<typeof DeflectionSchema>;

export const FaqCandidateSchema = z
  .object({
    size: z.number().int().describe('Resolved tickets in the group'),
    terms: z.array(z.string()).describe('The (stemmed) words their titles share'),
    tickets: z.array(
      z.object({ id: IdSchema, number: z.string(), title: z.string(), resolved_at: TimestampSchema }),
    ),
    draft: ArticleDraftSchema.describe(
      'An article made from the best solution of the group, to edit and save',
    ),
  })
  .meta({ id: 'FaqCandidate' });
export type FaqCandidate = z.infer<typeof FaqCandidateSchema>;

export const TextPartSchema = z.object({
  text: z.string(),
  hit: z.boolean().describe('A word that matched'),
});

export const SearchResultSchema = z
  .object({
    article: ArticleSchema,
    title: z.array(TextPartSchema).describe('The title with the matching words marked'),
    snippet: z.array(TextPartSchema).describe('The passage of the text with the most matches, marked'),
    score: z.number().describe('Relevance: higher is better, comparable within one search only'),
  })
  .meta({ id: 'SearchResult' });
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const SearchPageSchema = z
  .object({
    count: z.number().int(),
    count_is_estimate: z.boolean().optional(),
    next: z.string().nullable(),
    previous: z.string().nullable(),
    corrections: z
      .array(z.object({ word: z.string(), terms: z.array(z.string()) }))
      .describe('Words not found as typed, and the known terms searched instead'),
    results: z.array(SearchResultSchema),
  })
  .meta({ id: 'SearchPage' });
export type SearchPage = z.infer<typeof SearchPageSchema>;

export const ArticleSuggestionSchema = z
  .object({
    id: IdSchema,
    title: z.string(),
    summary: z.string(),
    category_name: z.string().nullable(),
  })
  .meta({ id: 'ArticleSuggestion' });
export type ArticleSuggestion = z.infer<typeof ArticleSuggestionSchema>;
