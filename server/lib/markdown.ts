import DOMPurify from 'isomorphic-dompurify';
import MarkdownIt from 'markdown-it';

/**
 * Members' Markdown → safe HTML, rendered once on the server when a text is written (decision
 * 032). Raw HTML is off in the parser, and the output still goes through an allow-list
 * sanitiser: only these tags and attributes survive, links only to http, https and mailto, and
 * every link opens as `rel="nofollow noopener ugc"` in a new tab. Images in a text are not
 * allowed (pictures are uploaded, re-encoded and attached instead).
 */
const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
md.disable(['image']);

const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  's',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'h1',
  'h2',
  'h3',
  'h4',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];
const SAFE_HREF = /^(https?:|mailto:)/i;
/** The app's own links that member text may carry: mentions and topics (server/lib/member-text.ts). */
const INTERNAL_HREF = /^\/(members|topics)\/[\w%.-]+$/;
const ALLOWED_HREF = /^(https?:|mailto:|\/(members|topics)\/)/i;

const purifier = DOMPurify;
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'A') {
    const href = (node.getAttribute('href') ?? '').trim();
    if (INTERNAL_HREF.test(href)) {
      node.removeAttribute('target');
      node.removeAttribute('rel');
      return;
    }
    if (!SAFE_HREF.test(href)) node.removeAttribute('href');
    node.setAttribute('rel', 'nofollow noopener ugc');
    node.setAttribute('target', '_blank');
  }
});

/** Sanitises HTML with the allow-list above (also used for HTML built by features). */
export function sanitizeHtml(html: string): string {
  return purifier.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'rel', 'target', 'start'],
    ALLOW_DATA_ATTR: false,
    ALLOWED_URI_REGEXP: ALLOWED_HREF,
  });
}

/** Markdown source → sanitised HTML. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(md.render(source));
}

/** Plain text of a Markdown source (search, notifications, digest, previews). */
export function markdownToText(source: string): string {
  return purifier
    .sanitize(md.render(source), { ALLOWED_TAGS: [], KEEP_CONTENT: true })
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
