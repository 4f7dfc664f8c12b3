import { ARTICLE_ACTIONS, type ArticleAction, type RevisionDiff } from '@itsm/contracts';

export type DiffPart = RevisionDiff['body'][number];
export type DiffKind = DiffPart['kind'];

/** One line of the body's diff, with its number in the old and in the new revision. */
export type DiffLine = { kind: DiffKind; text: string; old: number | null; new: number | null };

/** The lines of a part: "a\nb\n" is two lines, "a\nb" too, "" none. */
function linesOf(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

/**
 * A block of removed and added lines between two unchanged ones, its common first and last lines
 * given back as unchanged (the server's line diff reports a last line that only gained a newline as
 * removed then added again).
 */
function refine(removed: string[], added: string[]): { kind: DiffKind; text: string }[] {
  let head = 0;
  while (head < removed.length && head < added.length && removed[head] === added[head]) head++;
  let tail = 0;
  while (
    tail < removed.length - head &&
    tail < added.length - head &&
    removed[removed.length - 1 - tail] === added[added.length - 1 - tail]
  )
    tail++;
  const same = (text: string) => ({ kind: 'same' as const, text });
  return [
    ...removed.slice(0, head).map(same),
    ...removed.slice(head, removed.length - tail).map((text) => ({ kind: 'removed' as const, text })),
    ...added.slice(head, added.length - tail).map((text) => ({ kind: 'added' as const, text })),
    ...removed.slice(removed.length - tail).map(same),
  ];
}

/** The body's diff (parts of several lines each) as one row per line, numbered on both sides. */
export function diffLines(parts: readonly DiffPart[]): DiffLine[] {
  const rows: { kind: DiffKind; text: string }[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    rows.push(...refine(removed, added));
    removed = [];
    added = [];
  };
  for (const part of parts) {
    const lines = linesOf(part.text);
    if (part.kind === 'removed') removed.push(...lines);
    else if (part.kind === 'added') added.push(...lines);
    else {
      flush();
      rows.push(...lines.map((text) => ({ kind: 'same' as const, text })));
    }
  }
  flush();
  let old = 0;
  let next = 0;
  return rows.map((row) => ({
    ...row,
    old: row.kind === 'added' ? null : ++old,
    new: row.kind === 'removed' ? null : ++next,
  }));
}

export type DiffRow = { type: 'line'; line: DiffLine } | { type: 'gap'; lines: DiffLine[] };

/**
 * The lines to show: every change with `context` unchanged lines around it; longer unchanged runs
 * become a gap (which the page can open). Runs of fewer than three hidden lines stay shown.
 */
export function collapseUnchanged(lines: readonly DiffLine[], context = 3): DiffRow[] {
  const near = lines.map(() => false);
  lines.forEach((line, index) => {
    if (line.kind === 'same') return;
    for (let k = Math.max(0, index - context); k <= Math.min(lines.length - 1, index + context); k++)
      near[k] = true;
  });
  const rows: DiffRow[] = [];
  let hidden: DiffLine[] = [];
  const flush = () => {
    if (hidden.length >= 3) rows.push({ type: 'gap', lines: hidden });
    else rows.push(...hidden.map((line) => ({ type: 'line' as const, line })));
    hidden = [];
  };
  lines.forEach((line, index) => {
    if (near[index]) {
      flush();
      rows.push({ type: 'line', line });
    } else hidden.push(line);
  });
  flush();
  return rows;
}

/** The two revisions compared: the URL's, else the latest change (the one before the current and the current). */
export function comparedRevisions(
  search: { from?: number; to?: number },
  current: number | undefined,
): { from: number; to: number } | null {
  if (search.from !== undefined && search.to !== undefined && search.from !== search.to)
    return { from: Math.min(search.from, search.to), to: Math.max(search.from, search.to) };
  if (current === undefined || current < 2) return null;
  return { from: current - 1, to: current };
}

/** Whether some part of a diff is not the same on both sides. */
export const hasChanges = (parts: readonly DiffPart[]) => parts.some((p) => p.kind !== 'same');

/** What the diff of two revisions changes, field by field. */
export function changedFields(diff: RevisionDiff) {
  return {
    title: hasChanges(diff.title),
    summary: hasChanges(diff.summary),
    body: hasChanges(diff.body),
    tags: diff.tags.added.length > 0 || diff.tags.removed.length > 0,
  };
}

/**
 * The note the server keeps with a revision, as the page can word it: a workflow action (a transition
 * notes its action's name unless a note was given), a restored revision, or the editor's own words.
 */
export type RevisionNote =
  | { kind: 'action'; action: ArticleAction }
  | { kind: 'restored'; number: number }
  | { kind: 'text'; text: string }
  | null;

export function revisionNote(note: string | null): RevisionNote {
  const text = note?.trim() ?? '';
  if (!text) return null;
  if ((ARTICLE_ACTIONS as readonly string[]).includes(text))
    return { kind: 'action', action: text as ArticleAction };
  const restored = /^Restored revision (\d+)$/.exec(text);
  if (restored) return { kind: 'restored', number: Number(restored[1]) };
  return { kind: 'text', text };
}
