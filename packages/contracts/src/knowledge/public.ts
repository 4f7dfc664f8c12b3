import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../identity/common.js';
import { ArticleAttachmentSchema, ArticleLanguageSchema, TextPartSchema } from './articles.js';

// The public knowledge base: what anybody may read without signing in, when an administrator opens
// it. Only what a reader needs: no authors, owners, counters or workflow.

export const KnowledgeSettingsSchema = z
  .object({
    public_enabled: z
      .boolean()
      .describe(
        'Published articles for everyone that are marked public can be read without signing in (/public/kb)',
      ),
  })
  .meta({ id: 'KnowledgeSettings' });
export type KnowledgeSettings = z.infer<typeof KnowledgeSettingsSchema>;

export const KnowledgeSettingsUpdateSchema = z.strictObject({
  public_enabled: z.boolean(),
});
export type KnowledgeSettingsUpdate = z.infer<typeof KnowledgeSettingsUpdateSchema>;

export const PublicArticleSchema = z
  .object({
    id: IdSchema,
    title: z.string(),
    summary: z.string(),
    language: ArticleLanguageSchema,
    category_name: z.string().nullable(),
    tags: z.array(z.string()),
    published_at: TimestampSchema.nullable(),
    updated_at: TimestampSchema,
  })
  .meta({ id: 'PublicArticle' });
export type PublicArticle = z.infer<typeof PublicArticleSchema>;

export const PublicArticleHitSchema = PublicArticleSchema.extend({
  highlights: z
    .object({
      title: z.array(TextPartSchema).describe('The title with the matching words marked'),
      snippet: z.array(TextPartSchema).describe('The passage of the text with the most matches, marked'),
    })
    .nullable()
    .describe('With a search: where the words were found'),
}).meta({ id: 'PublicArticleHit' });
export type PublicArticleHit = z.infer<typeof PublicArticleHitSchema>;

export const PublicArticlePageSchema = z
  .object({
    count: z.number().int(),
    count_is_estimate: z.boolean().optional(),
    next: z.string().nullable(),
    previous: z.string().nullable(),
    results: z.array(PublicArticleHitSchema),
  })
  .meta({ id: 'PublicArticlePage' });
export type PublicArticlePage = z.infer<typeof PublicArticlePageSchema>;

export const PublicAttachmentSchema = ArticleAttachmentSchema.omit({ uploader: true }).meta({
  id: 'PublicAttachment',
});
export type PublicAttachment = z.infer<typeof PublicAttachmentSchema>;

export const PublicArticleDetailSchema = PublicArticleSchema.extend({
  body_html: z.string().describe('The body rendered to sanitised HTML (images from /api/v1/public/kb)'),
  attachments: z.array(PublicAttachmentSchema),
}).meta({ id: 'PublicArticleDetail' });
export type PublicArticleDetail = z.infer<typeof PublicArticleDetailSchema>;
