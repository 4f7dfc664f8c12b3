import { notify } from '../../components/ui/toast';

/** Copies text; the Clipboard API needs a secure context, older ways cover plain-HTTP intranets. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the older way
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/** Copies text and says whether it worked, in a toast. */
export async function copyWithNotice(
  text: string,
  notices: { copied: string; failed: string },
): Promise<void> {
  const ok = await copyText(text);
  notify(ok ? notices.copied : notices.failed, ok ? 'success' : 'error');
}

/** Offers text as a file to save, e.g. recovery codes. */
export function downloadText(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
