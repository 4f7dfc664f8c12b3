import {
  Button,
  Text,
  UNSTABLE_Toast as Toast,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastQueue as ToastQueue,
  UNSTABLE_ToastRegion as ToastRegion,
} from 'react-aria-components';

type ToastBody = { title: string; tone: 'success' | 'error' | 'info' };

const queue = new ToastQueue<ToastBody>({ maxVisibleToasts: 3 });

/** A short message in the corner; announced to screen readers; gone after 5 s. */
export function notify(title: string, tone: ToastBody['tone'] = 'success'): void {
  queue.add({ title, tone }, { timeout: 5000 });
}

const tones = {
  success:
    'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100',
  error: 'border-rose-300 bg-rose-50 text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100',
  info: 'border-slate-300 bg-white text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100',
};

export function Toasts({ closeLabel }: { closeLabel: string }) {
  return (
    <ToastRegion
      queue={queue}
      className="fixed right-4 bottom-4 z-[60] flex w-[calc(100%-2rem)] max-w-sm flex-col gap-2 outline-none"
    >
      {({ toast }) => (
        <Toast
          toast={toast}
          className={`flex items-start gap-3 rounded-xl border px-4 py-3 text-sm shadow-lg ${tones[toast.content.tone]}`}
        >
          <ToastContent className="flex-1">
            <Text slot="title" className="font-medium">
              {toast.content.title}
            </Text>
          </ToastContent>
          <Button slot="close" aria-label={closeLabel} className="rounded p-0.5 opacity-70 hover:opacity-100">
            ✕
          </Button>
        </Toast>
      )}
    </ToastRegion>
  );
}
