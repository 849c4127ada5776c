/**
 * The one HTML policy for item bodies: authors paste HTML from elsewhere, and the
 * same HTML reaches our pages, our feeds and partners' pages. An allowlist, applied
 * by sanitize-html, never by regular expressions.
 */
import sanitizeHtml from 'sanitize-html';
import { decodeHTML } from 'entities';
import { absoluteUrl } from './urls.ts';

const bodyTags = [
  'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'a', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins',
  'sub', 'sup', 'small', 'mark', 'abbr', 'cite', 'q', 'code', 'kbd', 'samp', 'var', 'pre', 'blockquote',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot',
  'tr', 'th', 'td', 'img', 'figure', 'figcaption', 'span', 'div', 'time', 'address', 'details', 'summary',
];

/** URLs an `href` may use; `javascript:`, `data:` and `vbscript:` never pass. */
const linkSchemes = ['http', 'https', 'mailto', 'tel'];

/**
 * Sanitises body HTML to the allowlist and makes every link and image URL absolute
 * against `pageUrl` (the item's own absolute URL), so the HTML works away from the site.
 */
export function sanitiseBody(html: string, pageUrl: string): string {
  return sanitizeHtml(html, {
    allowedTags: bodyTags,
    allowedAttributes: {
      a: ['href', 'title', 'hreflang'],
      img: ['src', 'alt', 'width', 'height', 'title'],
      abbr: ['title'],
      th: ['scope', 'colspan', 'rowspan', 'abbr'],
      td: ['colspan', 'rowspan'],
      col: ['span'],
      colgroup: ['span'],
      ol: ['start', 'reversed', 'type'],
      li: ['value'],
      time: ['datetime'],
      q: ['cite'],
      blockquote: ['cite'],
      '*': ['lang', 'dir'],
    },
    allowedSchemes: linkSchemes,
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    transformTags: {
      // The page's own title is the only h1.
      h1: 'h2',
      a: (tagName, attribs) => ({ tagName, attribs: withAbsolute(attribs, 'href', pageUrl) }),
      img: (tagName, attribs) => ({ tagName, attribs: withPlainText(withAbsolute(attribs, 'src', pageUrl), ['alt', 'title']) }),
    },
  });
}

/** Plain text of an HTML fragment: tags dropped, entities decoded, white space collapsed. */
export function htmlToText(html: string): string {
  const escaped = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} });
  return collapseSpace(decodeHTML(escaped));
}

export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Resolves one attribute against `base`, keeping attribute order; an unparseable URL loses the attribute. */
function withAbsolute(attribs: sanitizeHtml.Attributes, name: string, base: string): sanitizeHtml.Attributes {
  const resolved: sanitizeHtml.Attributes = {};
  for (const [key, value] of Object.entries(attribs)) {
    if (key !== name) resolved[key] = value;
    else {
      const url = absoluteUrl(value, base);
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
