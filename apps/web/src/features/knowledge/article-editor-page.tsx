import { zodResolver } from '@hookform/resolvers/zod';
import {
  ARTICLE_LANGUAGES,
  ARTICLE_VISIBILITIES,
  type ArticleDetail,
  type ArticleDraft,
} from '@itsm/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ArrowRightIcon } from '../../components/icons';
import { Alert } from '../../components/ui/alert';
import { BackLink } from '../../components/ui/back-link';
import { Button } from '../../components/ui/button';
import { Checkbox } from '../../components/ui/checkbox';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { DateField } from '../../components/ui/date-field';
import { FormActions } from '../../components/ui/form-actions';
import { FormError } from '../../components/ui/form-error';
import { formFieldMessage } from '../../components/ui/form-errors';
import { FormSelectField } from '../../components/ui/form-select-field';
import { FormTextField } from '../../components/ui/form-text-field';
import { PageHeader } from '../../components/ui/page-header';
import { Radio, RadioGroup } from '../../components/ui/radio-group';
import type { FieldMessages } from '../../components/ui/server-errors';
import { EmptyState, ErrorState, Spinner } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { useFormSubmit } from '../../components/ui/use-form-submit';
import { UserPicker } from '../../components/ui/user-picker';
import { i18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { useGroups } from '../../lib/lookups';
import { useRefresh } from '../../lib/use-refresh';
import { FormSection } from '../ticket-admin/ui';
import { EditorAttachments, useArticleUpload } from './article-attachments';
import {
  ARTICLE_FIELDS,
  type ArticleFormValues,
  articleFormSchema,
  createBody,
  formValuesOf,
  formValuesOfDraft,
  hasChanges,
  MAX_FAQ_POSITION,
  updateBody,
} from './article-form';
import { handOverFiles, markdownFor, takeHandedFiles } from './article-media';
import { BodyEditor, type BodyEditorHandle } from './body-editor';
import { categoryOptions } from './category-tree';
import { StructuresField, TagsField } from './chip-fields';
import {
  articleQuery,
  createArticle,
  kbKeys,
  revisionsQuery,
  ticketDraftQuery,
  updateArticle,
  useCategoryTree,
} from './knowledge-api';
import { isNotFound } from './knowledge-errors';

const editRoute = getRouteApi('/app/kb/articles/$id/edit');
const newRoute = getRouteApi('/app/kb/articles/new');

/** Someone saved the article after this edit started: the newer revision, who saved it and when. */
type Conflict = { latest: ArticleDetail; by: string | null; at: string };

/** The knowledge base's wording of the server's field problems (a category or group gone meanwhile). */
const articleFieldMessages: FieldMessages = (problem) => {
  const t = i18n.t.bind(i18n) as unknown as (key: string) => string;
  if (problem.code === 'not_found') return t('knowledge:fieldErrors.gone');
  if (problem.field === 'structures') return t('knowledge:fieldErrors.structures');
  return undefined;
};

/** A new article (a draft until it is published from its page); `?from_ticket=` starts it from a ticket. */
export function NewArticlePage() {
  const { from_ticket: fromTicket } = newRoute.useSearch();
  const draft = useQuery({ ...ticketDraftQuery(fromTicket ?? 0), enabled: fromTicket !== undefined });
  if (fromTicket === undefined) return <ArticleEditor article={null} />;
  if (draft.error) return <ErrorState error={draft.error} onRetry={() => void draft.refetch()} />;
  if (!draft.data) return <Spinner />;
  return <ArticleEditor article={null} draft={draft.data} />;
}

/** An article's editor, loaded first. */
export function EditArticlePage() {
  const { t } = useTranslation('knowledge');
  const { id } = editRoute.useParams();
  const articleId = /^\d+$/.test(id) ? Number(id) : 0;
  // Always the latest revision when the editor opens.
  const article = useQuery({ ...articleQuery(articleId), enabled: articleId > 0, staleTime: 0 });
  if (articleId === 0 || isNotFound(article.error)) {
    return (
      <div className="flex flex-col gap-4">
        <BackLink to="/kb">{t('home.title')}</BackLink>
        <EmptyState title={t('article.notFound')}>{t('article.notFoundHint')}</EmptyState>
      </div>
    );
  }
  if (article.error) return <ErrorState error={article.error} onRetry={() => void article.refetch()} />;
  // The form starts once from the article as it is now (not a cached copy); later refetches leave it alone.
  if (!article.data || !article.isFetchedAfterMount) return <Spinner />;
  return <ArticleEditor key={article.data.id} article={article.data} />;
}

/**
 * The editor: title, summary, the Markdown body with its live preview, then how the article is
 * classified, who reads it and who looks after it. Saving an edit sends the revision it started from:
 * when someone saved meanwhile, the text stays here and the editor chooses what to do.
 */
function ArticleEditor({ article, draft }: { article: ArticleDetail | null; draft?: ArticleDraft }) {
  const { t, i18n: instance } = useTranslation('knowledge');
  const { t: ts } = useTranslation('shell');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const refresh = useRefresh();
  const categories = useCategoryTree();
  const groups = useGroups();
  const language = instance.resolvedLanguage === 'en' ? 'en' : 'fr';
  // The revision this edit started from (or the newer one the editor chose to save over).
  const [base, setBase] = useState(article);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [discarding, setDiscarding] = useState(false);

  const form = useForm<ArticleFormValues>({
    resolver: zodResolver(articleFormSchema),
    mode: 'onTouched',
    defaultValues: draft ? formValuesOfDraft(draft) : formValuesOf(article, language),
  });
  const { control, formState, reset, clearErrors } = form;
  const [visibility, isFaq] = useWatch({ control, name: ['visibility', 'is_faq'] });
  const { formRef, formError, setFormError, onSubmit } = useFormSubmit(form, ARTICLE_FIELDS, {
    messages: articleFieldMessages,
  });
  const editor = useRef<BodyEditorHandle>(null);
  const uploadTo = useArticleUpload();
  const upload = useRef(uploadTo);
  upload.current = uploadTo;

  /**
   * Files need an article to belong to: a new one is saved as a draft first (its title is required),
   * then the editor reopens on the draft and sends them there.
   */
  const saveDraftThenAttach = (files: File[], insert: boolean) => {
    if (!form.getValues('title').trim()) notify(t('media.titleFirst'), 'info');
    return onSubmit(async (values) => {
      const saved = await createArticle(createBody(values, draft?.source_ticket));
      handOverFiles(saved.id, files, insert);
      queryClient.setQueryData(kbKeys.detail(saved.id), saved);
      await refresh(kbKeys.articles, kbKeys.categories);
      notify(t('media.draftSaved', { title: saved.title }));
      await navigate({ to: '/kb/articles/$id/edit', params: { id: String(saved.id) }, replace: true });
    })();
  };

  /** Images pasted, dropped or chosen in the body: sent, then shown where the caret was. */
  const uploadForBody = async (files: File[]) => {
    if (!base) {
      await saveDraftThenAttach(files, true);
      return null;
    }
    return uploadTo(base.id, files);
  };

  // The files chosen before the draft existed, sent once the editor opens on it.
  const articleId = article?.id ?? null;
  useEffect(() => {
    if (articleId === null) return;
    const waiting = takeHandedFiles(articleId);
    if (!waiting) return;
    void upload.current(articleId, waiting.files).then((sent) => {
      if (waiting.insert && sent.length > 0) editor.current?.append(sent.map(markdownFor).join('\n\n'));
    });
  }, [articleId]);

  const done = async (saved: ArticleDetail, created: boolean) => {
    queryClient.setQueryData(kbKeys.detail(saved.id), saved);
    await refresh(kbKeys.articles, kbKeys.categories, kbKeys.revisions(saved.id));
    notify(created ? t('editor.created', { title: saved.title }) : t('editor.saved', { title: saved.title }));
    await navigate({ to: '/kb/articles/$id', params: { id: String(saved.id) } });
  };

  async function save(values: ArticleFormValues, overwrite: ArticleDetail | null) {
    if (!base) return done(await createArticle(createBody(values, draft?.source_ticket)), true);
    const from = overwrite ?? base;
    if (!overwrite && !hasChanges(values, from)) {
      notify(t('editor.unchanged'), 'info');
      await navigate({ to: '/kb/articles/$id', params: { id: String(from.id) } });
      return;
    }
    try {
      await done(
        await updateArticle(from.id, updateBody(values, from, { overwrite: overwrite !== null })),
        false,
      );
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'REVISION_CONFLICT')) throw error;
      const [latest, revisions] = await Promise.all([
        queryClient.fetchQuery({ ...articleQuery(from.id), staleTime: 0 }),
        queryClient.fetchQuery({ ...revisionsQuery(from.id, 1), staleTime: 0 }),
      ]);
      const last = revisions.results[0];
      setConflict({ latest, by: last?.author_name ?? null, at: last?.created_at ?? latest.updated_at });
    }
  }

  const submit = onSubmit((values) => save(values, null));
  const saveOver = onSubmit(async (values) => {
    if (!conflict) return;
    const { latest } = conflict;
    setConflict(null);
    setBase(latest);
    await save(values, latest);
  });

  const rule = (field: keyof ArticleFormValues) =>
    formFieldMessage(formState.errors[field] as { type?: string; message?: string } | undefined, (error) => {
      if (field === 'title')
        return error.type === 'too_big' ? t('fieldErrors.tooLong') : t('fieldErrors.title');
      if (field === 'structures') return t('fieldErrors.structures');
      if (field === 'faq_position') return t('fieldErrors.faqPosition', { max: MAX_FAQ_POSITION });
      if (field === 'review_by') return t('fieldErrors.date');
      if (field === 'tags') return t('fieldErrors.tags');
      return t('fieldErrors.tooLong');
    });

  const cancel = () =>
    void (base
      ? navigate({ to: '/kb/articles/$id', params: { id: String(base.id) } })
      : navigate({ to: '/kb' }));

  const groupOptions = (groups.data ?? [])
    .map((g) => ({ value: String(g.id), label: g.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
  if (base?.reviewer_group && !groupOptions.some((o) => o.value === String(base.reviewer_group)))
    groupOptions.unshift({ value: String(base.reviewer_group), label: base.reviewer_group_name ?? '…' });

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        {base ? (
          <Link
            to="/kb/articles/$id"
            params={{ id: String(base.id) }}
            className="inline-flex items-center gap-1 self-start text-sm font-medium text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white"
          >
            <ArrowRightIcon className="size-4 rotate-180" />
            {base.title}
          </Link>
        ) : (
          <BackLink to="/kb">{t('home.title')}</BackLink>
        )}
        <PageHeader
          title={base ? t('editor.editTitle') : t('editor.newTitle')}
          description={
            base
              ? t('editor.editDescription', { revision: base.revision })
              : draft
                ? t('editor.fromTicketDescription')
                : t('editor.newDescription')
          }
        />
      </div>

      {conflict ? (
        <Alert tone="warning" title={t('conflict.title')}>
          <p>
            {conflict.by
              ? t('conflict.body', {
                  name: conflict.by,
                  time: formatTime(conflict.at, instance.resolvedLanguage ?? 'fr'),
                  revision: conflict.latest.revision,
                })
              : t('conflict.bodyAnonymous', { revision: conflict.latest.revision })}
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button variant="primary" onPress={() => void saveOver()}>
              {t('conflict.saveMine')}
            </Button>
            <a
              href={`/kb/articles/${conflict.latest.id}`}
              target="_blank"
              rel="noopener"
              className="inline-flex items-center rounded-lg px-3.5 py-2 text-sm font-semibold text-amber-900 underline hover:bg-amber-100 dark:text-amber-100 dark:hover:bg-amber-900/40"
            >
              {t('conflict.openLatest')}
            </a>
            <Button variant="ghost" onPress={() => setDiscarding(true)}>
              {t('conflict.reload')}
            </Button>
          </div>
        </Alert>
      ) : null}

      <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-6">
        <section className="flex flex-col gap-5 rounded-2xl border border-slate-200 bg-white p-4 shadow-xs sm:p-6 dark:border-slate-800 dark:bg-slate-900">
          <FormTextField
            control={control}
            name="title"
            label={t('fields.title')}
            placeholder={t('editor.titlePlaceholder')}
            error={rule('title')}
            isRequired
            autoFocus={!base}
            maxLength={200}
          />
          <FormTextField
            control={control}
            name="summary"
            label={t('fields.summary')}
            description={t('editor.summaryHint')}
            error={rule('summary')}
            multiline
            maxLength={500}
          />
          <Controller
            control={control}
            name="body"
            render={({ field }) => (
              <BodyEditor
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={rule('body')}
                uploadFiles={uploadForBody}
                editorRef={editor}
              />
            )}
          />
        </section>

        <EditorAttachments
          articleId={base?.id ?? null}
          upload={(files) => (base ? uploadTo(base.id, files) : saveDraftThenAttach(files, false))}
          onInsert={(markdown) => editor.current?.insert(markdown)}
        />

        <div className="grid items-start gap-6 lg:grid-cols-3">
          <Panel title={t('editor.classification')}>
            <FormSelectField
              control={control}
              name="language"
              label={t('fields.language')}
              options={ARTICLE_LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
              error={rule('language')}
            />
            <FormSelectField
              control={control}
              name="category"
              label={t('fields.category')}
              options={categoryOptions(categories.data ?? [])}
              emptyLabel={categories.isLoading ? ts('states.loading') : t('editor.noCategory')}
              error={rule('category')}
            />
            <Controller
              control={control}
              name="tags"
              render={({ field }) => (
                <TagsField value={field.value} onChange={field.onChange} error={rule('tags')} />
              )}
            />
          </Panel>

          <Panel title={t('editor.audience')}>
            <Controller
              control={control}
              name="visibility"
              render={({ field }) => (
                <RadioGroup
                  label={t('fields.visibility')}
                  value={field.value}
                  onChange={(value) => {
                    field.onChange(value);
                    clearErrors('structures');
                  }}
                >
                  {ARTICLE_VISIBILITIES.map((v) => (
                    <Radio key={v} value={v} description={t(`visibility.${v}Hint`)}>
                      {t(`visibility.${v}`)}
                    </Radio>
                  ))}
                </RadioGroup>
              )}
            />
            {visibility === 'structures' ? (
              <Controller
                control={control}
                name="structures"
                render={({ field }) => (
                  <StructuresField
                    value={field.value}
                    onChange={(ids) => {
                      field.onChange(ids);
                      if (ids.length > 0) clearErrors('structures');
                    }}
                    error={rule('structures')}
                  />
                )}
              />
            ) : null}
            <Controller
              control={control}
              name="is_public"
              render={({ field }) => (
                <Checkbox
                  isSelected={field.value}
                  onChange={field.onChange}
                  description={t('editor.isPublicHint')}
                >
                  {t('fields.isPublic')}
                </Checkbox>
              )}
            />
          </Panel>

          <Panel title={t('editor.upkeep')}>
            <Controller
              control={control}
              name="owner"
              render={({ field }) => (
                <UserPicker
                  label={t('fields.owner')}
                  value={field.value}
                  onChange={field.onChange}
                  clearable
                  // A technician may not look up an owner of another structure: his name, at least.
                  placeholder={
                    base
                      ? field.value !== null && field.value === base.owner
                        ? (base.owner_name ?? undefined)
                        : undefined
                      : t('editor.ownerMe')
                  }
                  description={t('editor.ownerHint')}
                  error={rule('owner')}
                />
              )}
            />
            <FormSelectField
              control={control}
              name="reviewer_group"
              label={t('fields.reviewerGroup')}
              options={groupOptions}
              emptyLabel={groups.isLoading ? ts('states.loading') : t('editor.noReviewerGroup')}
              error={rule('reviewer_group')}
            />
            <Controller
              control={control}
              name="review_by"
              render={({ field }) => (
                <div className="flex flex-col gap-1">
                  <DateField
                    label={t('fields.reviewBy')}
                    value={field.value}
                    onChange={field.onChange}
                    error={rule('review_by')}
                  />
                  <p className="text-xs text-slate-500 dark:text-slate-400">{t('editor.reviewByHint')}</p>
                </div>
              )}
            />
            <Controller
              control={control}
              name="is_faq"
              render={({ field }) => (
                <Checkbox
                  isSelected={field.value}
                  onChange={field.onChange}
                  description={t('editor.isFaqHint')}
                >
                  {t('fields.isFaq')}
                </Checkbox>
              )}
            />
            {isFaq ? (
              <FormTextField
                control={control}
                name="faq_position"
                label={t('fields.faqPosition')}
                description={t('editor.faqPositionHint')}
                inputMode="numeric"
                error={rule('faq_position')}
                className="max-w-48"
              />
            ) : null}
          </Panel>
        </div>

        <div className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-xs sm:sticky sm:bottom-2 sm:z-10 sm:bg-white/95 sm:px-5 sm:py-3 sm:shadow-lg sm:backdrop-blur dark:border-slate-800 dark:bg-slate-900 sm:dark:bg-slate-900/95">
          <FormError>{formError}</FormError>
          <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
            {base ? (
              <FormTextField
                control={control}
                name="note"
                label={t('fields.note')}
                placeholder={t('editor.notePlaceholder')}
                error={rule('note')}
                maxLength={500}
                className="sm:flex-1"
              />
            ) : (
              <p className="text-sm text-slate-600 sm:flex-1 dark:text-slate-400">{t('editor.draftHint')}</p>
            )}
            <FormActions
              layout="inline"
              submitLabel={base ? t('editor.save') : t('editor.create')}
              isPending={formState.isSubmitting}
              onCancel={cancel}
              className="shrink-0"
            />
          </div>
        </div>
      </form>

      <ConfirmDialog
        isOpen={discarding}
        onOpenChange={setDiscarding}
        title={t('conflict.reloadTitle')}
        confirmLabel={t('conflict.reloadConfirm')}
        onConfirm={async () => {
          if (!conflict) return;
          reset(formValuesOf(conflict.latest, conflict.latest.language));
          setBase(conflict.latest);
          setConflict(null);
          setFormError(null);
        }}
      >
        {t('conflict.reloadBody')}
      </ConfirmDialog>
    </div>
  );
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-2xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5 dark:border-slate-800 dark:bg-slate-900">
      <FormSection title={title}>{children}</FormSection>
    </section>
  );
}
