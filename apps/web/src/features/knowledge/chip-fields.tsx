import { clsx } from 'clsx';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inputClass } from '../../components/ui/field';
import { StructureSelect } from '../../components/ui/structure-select';
import { namesById, useStructures } from '../../lib/lookups';
import { IconButton } from '../ticket-admin/ui';
import { addTags, MAX_TAGS, parseTags } from './article-form';

/** Chips, each with its ✕, in a labelled list. */
function Chips({
  label,
  items,
  onRemove,
  removeLabel,
  empty,
}: {
  label: string;
  items: { key: string | number; text: ReactNode; name: string }[];
  onRemove: (key: string | number) => void;
  removeLabel: (name: string) => string;
  empty?: string;
}) {
  if (items.length === 0 && !empty) return null;
  return (
    <ul aria-label={label} className="flex min-h-7 flex-wrap items-center gap-1.5">
      {items.length === 0 && empty ? (
        <li className="text-sm text-slate-500 dark:text-slate-400">{empty}</li>
      ) : (
        items.map((item) => (
          <li
            key={item.key}
            className="inline-flex items-center gap-0.5 rounded-full bg-indigo-50 py-0.5 pr-0.5 pl-2.5 text-sm font-medium text-indigo-800 ring-1 ring-indigo-200 ring-inset dark:bg-indigo-950/50 dark:text-indigo-200 dark:ring-indigo-900"
          >
            {item.text}
            <IconButton
              aria-label={removeLabel(item.name)}
              className="size-6 text-indigo-700 dark:text-indigo-300"
              onPress={() => onRemove(item.key)}
            >
              <span aria-hidden="true">✕</span>
            </IconButton>
          </li>
        ))
      )}
    </ul>
  );
}

/**
 * The tags of an article: typed freely (Enter, a comma or leaving the box adds them), in lower case,
 * shown as chips to remove; the ones the API would refuse stay in the box with a message.
 */
export function TagsField({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange: (tags: string[]) => void;
  error?: string;
}) {
  const { t } = useTranslation('knowledge');
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const full = value.length >= MAX_TAGS;

  function commit() {
    if (!text.trim()) return;
    const { valid, invalid } = parseTags(text);
    const fresh = new Set(valid.filter((tag) => !value.includes(tag)));
    onChange(addTags(value, valid));
    setText(invalid.join(', '));
    if (invalid.length > 0) setProblem(t('tags.invalid', { tags: invalid.join(', ') }));
    else if (value.length + fresh.size > MAX_TAGS) setProblem(t('tags.tooMany', { count: MAX_TAGS }));
    else setProblem(null);
  }

  const message = problem ?? error;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-slate-700 dark:text-slate-300">
        {t('fields.tags')}
      </label>
      <Chips
        label={t('fields.tags')}
        items={value.map((tag) => ({ key: tag, name: tag, text: tag }))}
        onRemove={(tag) => onChange(value.filter((v) => v !== tag))}
        removeLabel={(tag) => t('tags.remove', { tag })}
      />
      <input
        id={id}
        type="text"
        autoComplete="off"
        value={text}
        disabled={full}
        placeholder={full ? t('tags.full', { count: MAX_TAGS }) : t('tags.placeholder')}
        onChange={(event) => {
          setText(event.target.value);
          setProblem(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ',') {
            event.preventDefault();
            commit();
          } else if (event.key === 'Backspace' && text === '' && value.length > 0) {
            onChange(value.slice(0, -1));
          }
        }}
        onBlur={commit}
        aria-invalid={message ? true : undefined}
        aria-describedby={`${id}-help`}
        className={inputClass}
      />
      <p
        id={`${id}-help`}
        className={clsx(
          'text-xs',
          message ? 'font-medium text-rose-600 dark:text-rose-400' : 'text-slate-500 dark:text-slate-400',
        )}
      >
        {message ?? t('tags.hint')}
      </p>
    </div>
  );
}

/** The structures an article is for: chosen one by one in the structure select, shown as chips. */
export function StructuresField({
  value,
  onChange,
  error,
}: {
  value: number[];
  onChange: (ids: number[]) => void;
  error?: string;
}) {
  const { t } = useTranslation('knowledge');
  const structures = useStructures();
  const names = namesById(structures.data);
  return (
    <div className="flex flex-col gap-1.5">
      <Chips
        label={t('fields.structures')}
        items={value.map((sid) => {
          const name = names.get(sid) ?? `#${sid}`;
          return { key: sid, name, text: name };
        })}
        onRemove={(sid) => onChange(value.filter((v) => v !== sid))}
        removeLabel={(name) => t('structures.remove', { name })}
        empty={t('structures.none')}
      />
      <StructureSelect
        label={t('structures.add')}
        emptyLabel={t('structures.choose')}
        value=""
        onChange={(chosen) => {
          const sid = Number(chosen);
          if (chosen && !value.includes(sid)) onChange([...value, sid]);
        }}
        error={error}
      />
    </div>
  );
}
