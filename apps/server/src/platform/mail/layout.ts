export type MailContent = {
  greeting: string;
  paragraphs: string[];
  /** A button in HTML, a bare link in text; http(s) only. */
  action?: { label: string; url: string };
  footer: string;
};

export type RenderedMail = { text: string; html: string };

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const ACCENT = '#2563eb';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Escaped, with line breaks kept. */
function htmlLines(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

function checkActionUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('mail action URL is not a URL');
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || /\s/.test(url)) {
    throw new Error('mail action URL must be an http(s) URL');
  }
  return url;
}

/** A transactional e-mail: table layout and inline styles (what mail clients render), and its plain-text twin. */
export function renderMail({ greeting, paragraphs, action, footer }: MailContent): RenderedMail {
  const url = action ? checkActionUrl(action.url) : null;

  const textParts = [greeting, ...paragraphs];
  if (action && url) textParts.push(`${action.label}:\n${url}`);
  const text = `${textParts.join('\n\n')}\n\n-- \n${footer}\n`;

  const paragraph = (content: string, style = '') => `<p style="margin:0 0 16px;${style}">${content}</p>`;
  const button =
    action && url
      ? `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px;">` +
        `<tr><td style="border-radius:6px;background-color:${ACCENT};">` +
        `<a href="${escapeHtml(url)}" target="_blank" rel="noopener" style="display:inline-block;padding:12px 24px;` +
        `font-family:${FONT};font-size:15px;font-weight:600;line-height:20px;color:#ffffff;text-decoration:none;` +
        `border-radius:6px;">${escapeHtml(action.label)}</a></td></tr></table>` +
        paragraph(
          `<a href="${escapeHtml(url)}" target="_blank" rel="noopener" style="color:${ACCENT};word-break:break-all;">` +
            `${escapeHtml(url)}</a>`,
          'font-size:13px;line-height:20px;color:#6b7280;',
        )
      : '';

  const html = [
    '<!doctype html>',
    '<html><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light only"></head>',
    '<body style="margin:0;padding:0;background-color:#f3f4f6;">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f3f4f6;">',
    '<tr><td align="center" style="padding:32px 16px;">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" ' +
      'style="max-width:560px;background-color:#ffffff;border:1px solid #e5e7eb;border-radius:8px;">',
    `<tr><td style="padding:32px;font-family:${FONT};font-size:15px;line-height:24px;color:#111827;">`,
    paragraph(htmlLines(greeting), 'font-weight:600;'),
    ...paragraphs.map((p) => paragraph(htmlLines(p))),
    button,
    '</td></tr></table>',
    `<p style="margin:16px 0 0;max-width:560px;font-family:${FONT};font-size:12px;line-height:18px;color:#6b7280;">` +
      `${htmlLines(footer)}</p>`,
    '</td></tr></table>',
    '</body></html>',
  ]
    .filter((line) => line !== '')
    .join('\n');

  return { text, html };
}
