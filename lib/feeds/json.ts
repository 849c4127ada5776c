/**
 * JSON Feed 1.1 (jsonfeed.org/version/1.1). `next_url` walks from the subscription
 * document through the archives to the oldest item, JSON Feed's own form of paging.
 * The `_threeml` extension carries what the embed shows and JSON Feed has no field for:
 * each item's streams (slug and title), organisation, region and partner sources, and
 * the address of the feed's HTML preview page.
 */
import type { DocumentContext, DocumentFrame } from './context.ts';
import type { FeedEntry } from './entry.ts';
import { removeUnwantedChars } from '../text.ts';

export function jsonFrame(context: DocumentContext): DocumentFrame {
  const { document: doc, absolute } = context;
  // Archives run oldest to newest, so the next page of older items is the previous archive.
  const older = doc.prevArchive;
  const head = {
    version: 'https://jsonfeed.org/version/1.1',
    title: doc.channel.title,
    home_page_url: absolute(doc.channel.homePath),
    feed_url: absolute(doc.path),
    // WebSub discovery, JSON Feed 1.1's own form of it.
    ...(context.hubs.length > 0 && { hubs: context.hubs.map((url) => ({ type: 'WebSub', url })) }),
    ...(doc.channel.description && { description: doc.channel.description }),
    ...(older && { next_url: absolute(older) }),
    language: context.language,
    authors: [{ name: context.siteTitle, url: absolute('/') }],
    // JSON Feed has no field for a page about the feed itself.
    _threeml: { about_url: absolute(doc.channel.aboutPath) },
  };
  return { before: `${stringify(head).slice(0, -1)},"items":[\n`, after: '\n]}\n' };
}

export function renderJsonEntry(entry: FeedEntry): string {
  const item = {
    id: entry.id,
    url: entry.pageUrl ?? entry.link,
    ...(entry.pageUrl && { external_url: entry.link }),
    title: entry.title,
    content_html: entry.contentHtml,
    summary: entry.summary || entry.title,
    ...(entry.image && { image: entry.image.url }),
    date_published: entry.published.iso,
    ...(entry.wasUpdated && { date_modified: entry.updated.iso }),
    ...(entry.authors.length > 0 && { authors: entry.authors.map((a) => ({ name: a.name, ...(a.url && { url: a.url }) })) }),
    // The streams and the tags, as RSS and Atom categories carry them; a tag named like a stream once.
    tags: [...new Set([...entry.streams, ...entry.tags].map((c) => c.label))],
    ...(entry.attachments.length > 0 && {
      attachments: entry.attachments.map((a) => ({ url: a.url, mime_type: a.type, ...(a.title && { title: a.title }), ...(a.size !== undefined && { size_in_bytes: a.size }) })),
    }),
    _threeml: {
      streams: entry.streams.map((s) => ({ slug: s.term, title: s.label })),
      ...(entry.organisation && { organisation: entry.organisation }),
      ...(entry.region && { region: entry.region }),
      ...(entry.item.sources.some((s) => s.kind === 'feed') && {
        sources: entry.item.sources.flatMap((s) => (s.kind === 'feed' ? [{ name: s.name, organisation: s.organisation, url: s.homepage }] : [])),
      }),
    },
  };
  return stringify(item);
}

/** JSON text without the characters feeds must not carry (lone surrogates above all). */
function stringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? removeUnwantedChars(v) : v));
}
