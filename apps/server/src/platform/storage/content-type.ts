import { fileTypeFromBuffer } from 'file-type';

// What a file really is, from its first bytes (never from its name or the client's header), and
// whether we keep it. Scripts, HTML and SVG are never served back as what they are.

/** Detected type → accepted as is. */
export const ALLOWED_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'application/zip',
  'application/x-7z-compressed',
  'application/gzip',
  // Office Open XML and OpenDocument (zip containers that file-type names precisely)
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  // Legacy Office files and Outlook messages (compound file binary)
  'application/x-cfb',
  'message/rfc822',
  'text/plain',
]);

/** Bytes read to decide: file-type needs up to 4100. */
export const SNIFF_BYTES = 4100;

function isText(head: Uint8Array): boolean {
  if (head.includes(0)) return false;
  try {
    // A multi-byte character cut at the end of the sample is not a reason to refuse.
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 3)));
    return true;
  } catch {
    return false;
  }
}

/** The sniffed content type of a file from its first bytes; null when unknown. Plain text is text/plain. */
export async function sniffContentType(head: Uint8Array): Promise<string | null> {
  const detected = await fileTypeFromBuffer(head);
  if (detected) return detected.mime;
  return head.length > 0 && isText(head) ? 'text/plain' : null;
}

/** A file name safe to show and to put in a header: no path, no control characters, 255 characters at most. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 255);
  return cleaned || 'file';
}
