import { keyedParts, type TextPart } from './search-text';

export const markClass =
  'rounded-sm bg-amber-200 px-0.5 text-slate-900 dark:bg-amber-400/40 dark:text-amber-50';

/** A title or snippet of the search, its matching words in <mark> (text only: nothing is parsed as HTML). */
export function HighlightedText({ parts }: { parts: readonly TextPart[] }) {
  return (
    <>
      {keyedParts(parts).map((part) =>
        part.hit ? (
          <mark key={part.key} className={markClass}>
            {part.text}
          </mark>
        ) : (
          <span key={part.key}>{part.text}</span>
        ),
      )}
    </>
  );
}
