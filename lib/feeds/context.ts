/** What every document renderer is given, and the opening every XML feed shares. */
import type { NewsDate } from '../model.ts';
import type { FeedEntry } from './entry.ts';
import { formatFiles, type FeedDocument } from './spec.ts';
import { element, xmlText } from './xml.ts';

/** What a document renderer needs besides its entries. */
export interface DocumentContext {
  readonly document: FeedDocument;
  /** A site path as an absolute URL. */
  readonly absolute: (path: string) => string;
  /**
   * The latest instant at which one of the document's items entered the site or changed
   * (for a document without items, the site's): never the build clock, and later
   * whenever an item arrives, whatever its date.
   */
  readonly updated: NewsDate;
  readonly language: string;
  readonly siteTitle: string;
  /** The channel's permanent Atom id. */
  readonly feedId: string;
  /**
   * The WebSub hubs the document names: the configured ones in a subscription document,
   * none in an archive, which never changes and so has nothing to announce.
   */
  readonly hubs: readonly string[];
}

/**
 * A document around its entries: `before`, the entries joined by the format's separator,
 * then `after`. Entries are joined in as bytes, each encoded once per build.
 */
export interface DocumentFrame {
  readonly before: string;
  readonly after: string;
}

/**
 * The XML declaration and a note for people who open the file in a browser, which shows it
 * as a tree, comments included. No stylesheet: XSLT is leaving the browsers (Chromium
 * covers a page that uses it with a warning), and CSS cannot show a title written as HTML
 * as the text it is; the page the note names is the view for people.
 */
export function documentPreamble(context: DocumentContext): string {
  const { document: doc, absolute } = context;
  // Short lines, as browsers show them, so that the note reads on a phone too.
  const note = [
    `This is the ${formatFiles[doc.format].name} feed`,
    `"${doc.channel.title}".`,
    'To subscribe, copy its address',
    'into a feed reader.',
    'About this feed and its latest items:',
    absolute(doc.channel.aboutPath),
  ];
  // A comment may not contain "--" or end in "-".
  return `<?xml version="1.0" encoding="utf-8"?>\n<!--\n${note.map((line) => `  ${xmlText(line).replace(/-(?=-|$)/g, '- ')}`).join('\n')}\n-->\n`;
}

/**
 * RFC 5005 in an XML feed: the archive marker, and links to the subscription document and
 * the neighbouring archives, as `linkElement`s (Atom's own `link`, or `atom:link` in RSS).
 */
export function historyLinks({ document: doc, absolute }: DocumentContext, linkElement: string, type: string): string[] {
  const links: string[] = [];
  if (doc.archive !== undefined) links.push(element('fh:archive', {}), element(linkElement, { rel: 'current', type, href: absolute(doc.current) }));
  if (doc.prevArchive) links.push(element(linkElement, { rel: 'prev-archive', type, href: absolute(doc.prevArchive) }));
  if (doc.nextArchive) links.push(element(linkElement, { rel: 'next-archive', type, href: absolute(doc.nextArchive) }));
  return links;
}

/** WebSub discovery (W3C WebSub §4) in an XML feed: a `rel="hub"` `linkElement` for each hub, beside the feed's `rel="self"`. */
export function hubLinks({ hubs }: DocumentContext, linkElement: string): string[] {
  return hubs.map((hub) => element(linkElement, { rel: 'hub', href: hub }));
}

/**
 * A link to the channel's HTML preview page (what the feed is, how to subscribe, its
 * latest items), as a `linkElement`: the view for people who open the feed in a browser.
 */
export function previewLink({ document: doc, absolute }: DocumentContext, linkElement: string): string {
  return element(linkElement, { rel: 'related', type: 'text/html', title: 'About this feed', href: absolute(doc.channel.aboutPath) });
}

/**
 * The organisation the news comes from and the place it is about, as Dublin Core (which
 * RSS and Atom readers know, and validators accept in both): `dc:publisher`, `dc:coverage`.
 * `text` escapes for the format.
 */
export function originElements(entry: FeedEntry, text: (value: string) => string): string[] {
  return [
    ...(entry.organisation !== undefined ? [element('dc:publisher', {}, text(entry.organisation))] : []),
    ...(entry.region !== undefined ? [element('dc:coverage', {}, text(entry.region))] : []),
  ];
}
