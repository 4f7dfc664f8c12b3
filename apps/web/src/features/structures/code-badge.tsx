export function CodeBadge({ code }: { code: string }) {
  return (
    <span className="inline-flex shrink-0 items-center rounded-md bg-slate-100 px-1.5 py-0.5 font-mono text-[0.7rem] font-semibold tracking-wide text-slate-600 ring-1 ring-slate-200 ring-inset dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-700">
      {code}
    </span>
  );
}
