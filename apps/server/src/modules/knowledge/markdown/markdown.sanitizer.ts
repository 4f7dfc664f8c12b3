import sanitizeHtml from 'sanitize-html';

/**
 * The allow-list applied to everything `marked` produces. It is the last line of defence: raw
 * HTML is already escaped before it gets here, so this only has to cope with marked's own
 * output and with URLs smuggled through Markdown links and images.
 */

/** Base used to resolve relative URLs; `.invalid` can never be a real host (RFC 2606). */
const LOCAL_BASE = 'http://local.invalid';
const LOCAL_ORIGIN = new URL(LOCAL_BASE).origin;
/**
 * Images come only from the knowledge base's own files (`/api/v1/kb/attachments/ID/download`, or
 * the public knowledge base's copy of that URL): never from another host (a tracking pixel, and the
 * page's CSP would block it anyway), `data:` or any other page of the API.
 */
const KB_ATTACHMENT_PATH = /^\/api\/v1\/(?:public\/)?kb\/attachments\/([1-9]\d{0,14})\/download$/;
const EXTERNAL_LINK_REL = 'noopener noreferrer nofollow';

/** Who reads the rendered HTML: signed-in readers, or anybody on the public knowledge base. */
export type ArticleAudience = 'signed-in' | 'public';

const attachmentPath = (id: string, audience: ArticleAudience) =>
  audience === 'public'
    ? `/api/v1/public/kb/attachments/${id}/download`
    : `/api/v1/kb/attachments/${id}/download`;

/** Absolute http(s) URL? The WHATWG parser ignores the whitespace and case tricks for us. */
function isAbsoluteHttp(href: string | undefined): boolean {
  if (!href) return false;
  try {
    const { protocol } = new URL(href);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The id of the article file a URL points at, or undefined. Normalising (rather than just checking
 * the prefix) defeats `/api/v1/../../logout`, `%2e%2e` and `\`.
 */
function kbAttachmentId(src: string | undefined): string | undefined {
  if (!src?.startsWith('/api/v1/')) return undefined;
  let url: URL;
  try {
    url = new URL(src, LOCAL_BASE);
  } catch {
    return undefined;
  }
  if (url.origin !== LOCAL_ORIGIN) return undefined;
  return KB_ATTACHMENT_PATH.exec(url.pathname)?.[1];
}

const ALIGN = { name: 'align', values: ['left', 'center', 'right'] };

function optionsFor(audience: ArticleAudience): sanitizeHtml.IOptions {
  return {
    // h1 is missing on purpose: headings are demoted by one level (the page title is the h1).
    allowedTags: [
      ...['h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'strong', 'em', 'del', 'code', 'pre'],
      ...['blockquote', 'ul', 'ol', 'li', 'a', 'img', 'input'],
      ...['table', 'thead', 'tbody', 'tr', 'th', 'td'],
    ],
    allowedAttributes: {
      a: ['href', 'title', 'target', 'rel'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      th: [ALIGN],
      td: [ALIGN],
      input: [{ name: 'type', values: ['checkbox'] }, 'checked', 'disabled'],
    },
    // No `class` in allowedAttributes: only these classes survive, and only on <code>.
    allowedClasses: { code: [/^language-[a-z0-9+-]+$/] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: [] },
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: {
      a: (tagName, { target: _target, rel: _rel, ...attribs }) => {
        // A link to one of the article's files points where this audience may download it.
        const file = kbAttachmentId(attribs.href);
        if (file) return { tagName, attribs: { ...attribs, href: attachmentPath(file, audience) } };
        return {
          tagName,
          attribs: isAbsoluteHttp(attribs.href)
            ? { ...attribs, target: '_blank', rel: EXTERNAL_LINK_REL }
            : attribs,
        };
      },
      // A refused image becomes its alt text: <span> is not allowed, so only `text` is kept.
      img: (tagName, { src, ...attribs }) => {
        const file = kbAttachmentId(src);
        return file
          ? { tagName, attribs: { ...attribs, src: attachmentPath(file, audience) } }
          : { tagName: 'span', attribs: {}, text: attribs.alt ?? '' };
      },
      // Task-list checkboxes are display only: nothing may make them interactive.
      input: (tagName, { checked }) => ({
        tagName,
        attribs: { type: 'checkbox', disabled: '', ...(checked === undefined ? {} : { checked: '' }) },
      }),
    },
  };
}

const OPTIONS: Record<ArticleAudience, sanitizeHtml.IOptions> = {
  'signed-in': optionsFor('signed-in'),
  public: optionsFor('public'),
};

export function sanitizeArticleHtml(html: string, audience: ArticleAudience = 'signed-in'): string {
  return sanitizeHtml(html, OPTIONS[audience]);
}
