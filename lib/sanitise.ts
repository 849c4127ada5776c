/**
 * The one HTML policy for item bodies: authors paste HTML from elsewhere, and the
 * same HTML reaches our pages, our feeds and partners' pages. An allowlist, applied
 * by sanitize-html, never by regular expressions.
 */
import sanitizeHtml from 'sanitize-html';
import type { Dimensions } from './content/files.ts';
import { htmlToText } from './html-text.ts';

const bodyTags = [
  'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'a', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins',
  'sub', 'sup', 'small', 'mark', 'abbr', 'cite', 'q', 'code', 'kbd', 'samp', 'var', 'pre', 'blockquote',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot',
  'tr', 'th', 'td', 'img', 'figure', 'figcaption', 'span', 'div', 'time', 'address', 'details', 'summary',
];

/**
 * Every attribute of the allowlist that holds a URL, by tag. Each is made absolute, so
 * nothing in a body points back at the site relative to wherever it is read.
 */
const urlAttributes = { a: 'href', img: 'src', q: 'cite', blockquote: 'cite' } as const;

/** URLs an `href` may use; `javascript:`, `data:` and `vbscript:` never pass. */
const linkSchemes = ['http', 'https', 'mailto', 'tel'];

/**
 * Sanitises body HTML to the allowlist and makes every URL in it (links, images, the
 * `cite` of quotations) absolute with `resolve`, so the HTML works away from the site.
 * Quotes in text are escaped too, so `="` only ever opens an attribute (see `toSitePaths`).
 */
export function sanitiseBody(html: string, resolve: (url: string) => string | undefined, dimensionsOf: (url: string) => Dimensions | undefined = () => undefined): string {
  return sanitizeHtml(html, {
    allowedTags: bodyTags,
    allowedAttributes: {
      a: [urlAttributes.a, 'title', 'hreflang'],
      img: [urlAttributes.img, 'alt', 'width', 'height', 'title'],
      abbr: ['title'],
      th: ['scope', 'colspan', 'rowspan', 'abbr'],
      td: ['colspan', 'rowspan'],
      col: ['span'],
      colgroup: ['span'],
      ol: ['start', 'reversed', 'type'],
      li: ['value'],
      time: ['datetime'],
      q: [urlAttributes.q],
      blockquote: [urlAttributes.blockquote],
      '*': ['lang', 'dir'],
    },
    allowedSchemes: linkSchemes,
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowedSchemesAppliedToAttributes: [...new Set(Object.values(urlAttributes))],
    allowProtocolRelative: false,
    textFilter: (text) => text.replace(/"/g, '&quot;'),
    transformTags: {
      // The page's own title is the only h1.
      h1: 'h2',
      a: (tagName, attribs) => ({ tagName, attribs: withAbsolute(attribs, urlAttributes.a, resolve) }),
      img: (tagName, attribs) => ({ tagName, attribs: withDimensions(withPlainText(withAbsolute(attribs, urlAttributes.img, resolve), ['alt', 'title']), dimensionsOf) }),
      q: (tagName, attribs) => ({ tagName, attribs: withAbsolute(attribs, urlAttributes.q, resolve) }),
      blockquote: (tagName, attribs) => ({ tagName, attribs: withAbsolute(attribs, urlAttributes.blockquote, resolve) }),
    },
  });
}

/** Resolves one attribute, keeping attribute order; an unparseable URL loses the attribute. */
function withAbsolute(attribs: sanitizeHtml.Attributes, name: string, resolve: (url: string) => string | undefined): sanitizeHtml.Attributes {
  const resolved: sanitizeHtml.Attributes = {};
  for (const [key, value] of Object.entries(attribs)) {
    if (key !== name) resolved[key] = value;
    else {
      const url = resolve(value);
      if (url !== undefined) resolved[key] = url;
    }
  }
  return resolved;
}

/** Text attributes (alt, title) as plain text: markup pasted into them means nothing to readers. */
function withPlainText(attribs: sanitizeHtml.Attributes, names: readonly string[]): sanitizeHtml.Attributes {
  const plain: sanitizeHtml.Attributes = {};
  for (const [key, value] of Object.entries(attribs)) plain[key] = names.includes(key) && /[<&]/.test(value) ? htmlToText(value) : value;
  return plain;
}

/** Width and height for the site's own images, so the page reserves their space before they load. */
function withDimensions(attribs: sanitizeHtml.Attributes, dimensionsOf: (url: string) => Dimensions | undefined): sanitizeHtml.Attributes {
  if (attribs.width !== undefined || attribs.height !== undefined || attribs.src === undefined) return attribs;
  const dimensions = dimensionsOf(attribs.src);
  return dimensions ? { ...attribs, width: String(dimensions.width), height: String(dimensions.height) } : attribs;
}

/**
 * The smaller policy for partner summaries: text, paragraphs, emphasis, lists and links,
 * nothing else. No images, so no tracking pixels; links resolved with `resolve` and
 * kept only when http(s).
 */
export function sanitiseSummary(html: string, resolve: (url: string) => string | undefined): string {
  return sanitizeHtml(html, {
    allowedTags: ['p', 'br', 'a', 'strong', 'b', 'em', 'i', 'ul', 'ol', 'li', 'blockquote', 'code', 'q', 'cite', 'abbr'],
    allowedAttributes: { a: ['href'], abbr: ['title'] },
    allowedSchemes: ['http', 'https'],
    allowProtocolRelative: false,
    textFilter: (text) => text.replace(/"/g, '&quot;'),
    transformTags: { a: (tagName, attribs) => ({ tagName, attribs: withAbsolute(attribs, 'href', resolve) }) },
  });
}
