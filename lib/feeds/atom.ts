/** Atom 1.0 (RFC 4287), with RFC 5005 archive links. */
import type { FeedEntry } from './entry.ts';
import { documentPreamble, historyLinks, hubLinks, originElements, previewLink, type DocumentContext, type DocumentFrame } from './context.ts';
import { formatFiles } from './spec.ts';
import { element, htmlOfText, startTag, xmlText } from './xml.ts';

export function atomFrame(context: DocumentContext): DocumentFrame {
  const { document: doc, absolute, updated } = context;
  const head = [
    element('id', {}, xmlText(context.feedId)),
    element('title', { type: 'text' }, xmlText(doc.channel.title)),
    ...(doc.channel.description ? [element('subtitle', { type: 'text' }, xmlText(doc.channel.description))] : []),
    element('updated', {}, updated.iso),
    element('link', { rel: 'self', type: 'application/atom+xml', href: absolute(doc.path) }),
    ...hubLinks(context, 'link'),
    element('link', { rel: 'alternate', type: 'text/html', href: absolute(doc.channel.homePath) }),
    previewLink(context, 'link'),
    ...historyLinks(context, 'link', formatFiles.atom.mediaType),
    // Entries without authors of their own are credited to the site (RFC 4287 requires an author).
    element('author', {}, element('name', {}, xmlText(context.siteTitle)) + element('uri', {}, xmlText(absolute('/')))),
    element('generator', { uri: absolute('/') }, '3ML News'),
  ];
  const root = {
    xmlns: 'http://www.w3.org/2005/Atom',
    'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
    'xmlns:fh': 'http://purl.org/syndication/history/1.0',
    'xml:lang': context.language,
  };
  const entriesFollow = doc.items.length > 0 ? '\n' : '';
  return { before: `${documentPreamble(context)}${startTag('feed', root)}\n${head.join('\n')}${entriesFollow}`, after: '\n</feed>\n' };
}

/**
 * One `<entry>`. Titles and summaries are plain text written as `type="html"` with the
 * text HTML-escaped: readers show it as written, and validators see no HTML in it.
 */
export function renderAtomEntry(entry: FeedEntry): string {
  const parts = [
    element('id', {}, xmlText(entry.id)),
    element('title', { type: 'html' }, xmlText(htmlOfText(entry.title))),
    element('link', { rel: 'alternate', type: 'text/html', href: entry.link }),
    ...(entry.pageUrl ? [element('link', { rel: 'related', type: 'text/html', href: entry.pageUrl })] : []),
    element('published', {}, entry.published.iso),
    element('updated', {}, entry.updated.iso),
    ...entry.authors.map((a) =>
      element('author', {}, element('name', {}, xmlText(a.name)) + (a.email ? element('email', {}, xmlText(a.email)) : '') + (a.url ? element('uri', {}, xmlText(a.url)) : '')),
    ),
    ...[...entry.streams, ...entry.tags].map((c) => element('category', { term: c.term, scheme: c.scheme, label: c.label })),
    ...entry.attachments.map((a) => element('link', { rel: 'enclosure', type: a.type, href: a.url, title: a.title, length: a.size })),
    ...originElements(entry, xmlText),
    element('summary', { type: 'html' }, xmlText(htmlOfText(entry.summary || entry.title))),
    ...(entry.full ? [element('content', { type: 'html' }, xmlText(entry.contentHtml))] : []),
    ...partnerSource(entry),
  ];
  return `<entry>\n${parts.join('\n')}\n</entry>`;
}

/**
 * RFC 4287 §4.2.11: a partner's item names the feed it came from, with the id, title and
 * updated the validator asks of a source. The feed's URL is its id; updated is the
 * entry's own (the feed was updated at least then), so the feed stays a function of its items.
 */
function partnerSource(entry: FeedEntry): string[] {
  const { partner } = entry;
  if (partner === undefined) return [];
  return [element('source', {}, [
    element('id', {}, xmlText(partner.url)),
    element('title', { type: 'text' }, xmlText(partner.name)),
    element('link', { rel: 'alternate', type: 'text/html', href: partner.homepage }),
    element('updated', {}, entry.updated.iso),
  ].join(''))];
}
