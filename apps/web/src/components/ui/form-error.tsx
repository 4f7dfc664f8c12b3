import type { ReactNode } from 'react';

/** What went wrong with a dialog's form as a whole (not one field), announced at once. */
export function FormError({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p
      role="alert"
      className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:bg-rose-950/50 dark:text-rose-300"
    >
      {children}
    </p>
  );
}
