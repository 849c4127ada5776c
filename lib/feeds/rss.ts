/** RSS 2.0 (rssboard.org), with the Atom, content, Dublin Core and RFC 5005 history extensions. */
import type { FeedEntry } from './entry.ts';
import { documentPreamble, historyLinks, hubLinks, originElements, previewLink, type DocumentContext, type DocumentFrame } from './context.ts';
import { formatFiles } from './spec.ts';
import { element, htmlOfText, rssPlainText, rssTitleText, startTag, xmlText } from './xml.ts';

const namespaces = {
  version: '2.0',
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  'xmlns:fh': 'http://purl.org/syndication/history/1.0',
};

/** RFC 822 as RSS readers expect it: `Fri, 01 Mar 2024 09:30:00 GMT`. */
export function rfc822(epochMs: number): string {
  return new Date(epochMs).toUTCString();
}

export function rssFrame(context: DocumentContext): DocumentFrame {
  const { document: doc, absolute, updated } = context;
  const head = [
    element('title', {}, rssPlainText(doc.channel.title)),
    element('link', {}, xmlText(absolute(doc.channel.homePath))),
    element('description', {}, rssPlainText(doc.channel.description || doc.channel.title)),
    element('language', {}, xmlText(context.language)),
    element('lastBuildDate', {}, rfc822(updated.epochMs)),
    element('docs', {}, 'https://www.rssboard.org/rss-specification'),
    element('generator', {}, '3ML News'),
    element('atom:link', { rel: 'self', type: 'application/rss+xml', href: absolute(doc.path) }),
    ...hubLinks(context, 'atom:link'),
    previewLink(context, 'atom:link'),
    ...historyLinks(context, 'atom:link', formatFiles.rss.mediaType),
  ];
  const entriesFollow = doc.items.length > 0 ? '\n' : '';
  return { before: `${documentPreamble(context)}${startTag('rss', namespaces)}\n<channel>\n${head.join('\n')}${entriesFollow}`, after: '\n</channel>\n</rss>\n' };
}

/** One `<item>`; the same text wherever the item appears. */
export function renderRssEntry(entry: FeedEntry): string {
  const parts = [
    element('title', {}, rssTitleText(entry.title)),
    element('link', {}, xmlText(entry.link)),
    element('guid', { isPermaLink: entry.idIsLink ? 'true' : 'false' }, xmlText(entry.id)),
    element('pubDate', {}, rfc822(entry.published.epochMs)),
    element('description', {}, xmlText(`<p>${htmlOfText(entry.summary || entry.title)}</p>`)),
    ...(entry.full ? [element('content:encoded', {}, xmlText(entry.contentHtml))] : []),
    ...authorElements(entry),
    ...entry.streams.map((c) => element('category', { domain: c.scheme }, rssPlainText(c.label))),
    ...entry.tags.map((c) => element('category', { domain: c.scheme }, rssPlainText(c.label))),
    ...originElements(entry, rssPlainText),
  ];
  // RSS allows one enclosure per item; every attachment is also listed in the content.
  const first = entry.attachments[0];
  if (first) parts.push(element('enclosure', { url: first.url, length: first.size ?? 0, type: first.type }));
  if (entry.partner) parts.push(element('source', { url: entry.partner.url }, rssPlainText(entry.partner.name)));
  return `<item>\n${parts.join('\n')}\n</item>`;
}

/**
 * RSS `<author>` must be an e-mail address and may appear once, and the W3C validator
 * warns when it sits beside `dc:creator`: one author with an address and a plain name
 * gets `<author>`, every other case names everyone through `dc:creator`.
 */
function authorElements(entry: FeedEntry): string[] {
  const [only, ...others] = entry.authors;
  // The name sits in an RFC 822 comment, where brackets, quotes and backslashes would need escaping.
  if (only?.email !== undefined && others.length === 0 && /^[\p{L}\p{M}\p{N} .'-]+$/u.test(only.name)) {
    return [element('author', {}, rssPlainText(`${only.email} (${only.name})`))];
  }
  return entry.authors.map((a) => element('dc:creator', {}, rssPlainText(a.name)));
}
