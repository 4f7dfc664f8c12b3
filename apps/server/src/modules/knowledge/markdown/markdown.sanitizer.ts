import sanitizeHtml from 'sanitize-html';

/**
 * The allow-list applied to everything `marked` produces. It is the last line of defence: raw
 * HTML is already escaped before it gets here, so this only has to cope with marked's own
 * output and with URLs smuggled through Markdown links and images.
 */

/** Base used to resolve relative URLs; `.invalid` can never be a real host (RFC 2606). */
const LOCAL_BASE = 'http://local.invalid';
const LOCAL_ORIGIN = new URL(LOCAL_BASE).origin;
/** Relative images may only point at our own API (attachments), never at other pages. */
const LOCAL_IMAGE_PREFIX = '/api/v1/';
const EXTERNAL_LINK_REL = 'noopener noreferrer nofollow';

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
 * Returns a normalised image URL, or undefined when the image is not allowed. Normalising
 * (rather than just checking the prefix) defeats `/api/v1/../../logout`, `%2e%2e` and `\`.
 */
function safeImageSrc(src: string | undefined): string | undefined {
  if (!src) return undefined;
  let url: URL;
  try {
    url = new URL(src, LOCAL_BASE);
  } catch {
    return undefined;
  }
  if (url.origin === LOCAL_ORIGIN) {
    const local = src.startsWith(LOCAL_IMAGE_PREFIX) && url.pathname.startsWith(LOCAL_IMAGE_PREFIX);
    return local ? `${url.pathname}${url.search}${url.hash}` : undefined;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
}

const ALIGN = { name: 'align', values: ['left', 'center', 'right'] };

const options: sanitizeHtml.IOptions = {
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
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, { target: _target, rel: _rel, ...attribs }) => ({
      tagName,
      attribs: isAbsoluteHttp(attribs.href)
        ? { ...attribs, target: '_blank', rel: EXTERNAL_LINK_REL }
        : attribs,
    }),
    // A refused image becomes its alt text: <span> is not allowed, so only `text` is kept.
    img: (tagName, { src, ...attribs }) => {
      const safe = safeImageSrc(src);
      return safe
        ? { tagName, attribs: { ...attribs, src: safe } }
        : { tagName: 'span', attribs: {}, text: attribs.alt ?? '' };
    },
    // Task-list checkboxes are display only: nothing may make them interactive.
    input: (tagName, { checked }) => ({
      tagName,
      attribs: { type: 'checkbox', disabled: '', ...(checked === undefined ? {} : { checked: '' }) },
    }),
  },
};

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, options);
}
