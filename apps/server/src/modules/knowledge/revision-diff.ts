import type { ArticleRevision, RevisionDiff } from '@itsm/contracts';
import { diffLines, diffWords } from 'diff';

type Part = RevisionDiff['body'][number];

const parts = (changes: { added?: boolean; removed?: boolean; value: string }[]): Part[] =>
  changes.map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));

/** What changed between two revisions: title and summary word by word, the body line by line. */
export function revisionDiff(from: ArticleRevision, to: ArticleRevision): RevisionDiff {
  const before = new Set(from.tags);
  const after = new Set(to.tags);
  return {
    from: from.number,
    to: to.number,
    title: parts(diffWords(from.title, to.title)),
    summary: parts(diffWords(from.summary, to.summary)),
    body: parts(diffLines(from.body, to.body)),
    tags: {
      added: to.tags.filter((t) => !before.has(t)),
      removed: from.tags.filter((t) => !after.has(t)),
    },
  };
}
