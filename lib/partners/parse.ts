/**
 * Partner feeds in every format they come in (RSS 0.9x, RSS 1.0/RDF, RSS 2.0, Atom 0.3
 * and 1.0, JSON Feed 1.0 and 1.1), read with feedsmith into one shape: the entries as
 * the partner wrote them, before any cleaning. The only module that imports feedsmith.
 */
import { parseFeed } from 'feedsmith';
import { looksLikeHtml } from '../html-text.ts';
import { decodeBody, withoutDoctype } from './decode.ts';

/**
 * Text as the feed typed it, entities of the XML already decoded once: plain text, or
 * HTML (Atom's `html` and `xhtml`, JSON Feed's `content_html`, RSS descriptions, and RSS
 * titles that look like HTML, as feedparser reads them).
 */
export interface PartnerText {
  readonly value: string;
  readonly type: 'text' | 'html';
}

/** One entry as the partner published it: text as given, HTML not yet sanitised, dates not yet read. */
export interface PartnerEntry {
  /** The partner's own id (guid, Atom id, JSON Feed id), when there is one. */
  readonly guid?: string;
  readonly title?: PartnerText;
  readonly link?: string;
  /** What to make the summary from. */
  readonly summary?: PartnerText;
  readonly published?: string;
  readonly updated?: string;
  readonly authors: readonly string[];
}

export interface ParsedFeed {
  readonly format: 'rss' | 'atom' | 'rdf' | 'json';
  readonly title?: string;
  /** The feed's home page, for resolving relative item links. */
  readonly link?: string;
  readonly entries: readonly PartnerEntry[];
}

export type FeedReading =
  | { readonly ok: true; readonly feed: ParsedFeed; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly kind: 'html' | 'malformed' | 'not-a-feed'; readonly reason: string; readonly text: string };

/** Reads a response body as a feed, saying plainly what it was when it is not one. */
export function readFeed(bytes: Uint8Array, contentType?: string): FeedReading {
  const body = decodeBody(bytes, contentType);
  const failed = (kind: 'html' | 'malformed' | 'not-a-feed', reason: string): FeedReading => ({ ok: false, kind, reason, text: body.text });
  if (body.kind === 'html') return failed('html', 'is an HTML page, not a feed');
  if (body.kind === 'unknown') return failed('not-a-feed', 'is neither XML nor JSON');
  let input: unknown = body.kind === 'xml' ? withoutDoctype(body.text) : body.text;
  if (body.kind === 'json') {
    try {
      input = JSON.parse(body.text);
    } catch (error) {
      return failed('malformed', `is not valid JSON (${(error as Error).message})`);
    }
  }
  try {
    return { ok: true, feed: toParsedFeed(parseFeed<string>(input)), warnings: body.warnings };
  } catch (error) {
    const message = (error as Error).message;
    if (/unrecognized/i.test(message)) return failed('not-a-feed', `is ${body.kind === 'json' ? 'JSON' : 'XML'} but not RSS, Atom or JSON Feed`);
    return failed('malformed', `is not a well-formed ${body.kind === 'json' ? 'JSON Feed' : 'XML feed'} (${message})`);
  }
}

function toParsedFeed(parsed: ReturnType<typeof parseFeed<string>>): ParsedFeed {
  switch (parsed.format) {
    case 'rss': {
      const { feed } = parsed;
      return {
        format: 'rss', ...optional('title', feed.title), ...optional('link', feed.link),
        entries: (feed.items ?? []).map((item) => ({
          ...optional('guid', item.guid?.value),
          ...titleOf(item.title),
          ...optional('link', item.link ?? (item.guid?.isPermaLink !== false ? httpOrUndefined(item.guid?.value) : undefined)),
          ...typed('summary', item.description ?? item.content?.encoded, 'html'),
          ...optional('published', item.pubDate ?? item.dc?.dates?.[0]),
          ...optional('updated', item.atom?.updated ?? item.dcterms?.modified),
          authors: [...(item.authors ?? []).map((a) => a.name ?? a.email ?? ''), ...(item.dc?.creators ?? [])].filter(Boolean),
        })),
      };
    }
    case 'atom': {
      const { feed } = parsed;
      const alternate = (links: readonly { href?: string; rel?: string }[] | undefined) =>
        (links ?? []).find((l) => (l.rel ?? 'alternate') === 'alternate')?.href;
      return {
        format: 'atom', ...optional('title', feed.title?.value), ...optional('link', alternate(feed.links)),
        entries: (feed.entries ?? []).map((entry) => ({
          ...optional('guid', entry.id),
          ...atomText('title', entry.title),
          ...optional('link', alternate(entry.links)),
          ...atomText('summary', entry.summary?.value ? entry.summary : entry.content),
          ...optional('published', entry.published),
          ...optional('updated', entry.updated),
          authors: (entry.authors ?? []).map((a) => a.name ?? '').filter(Boolean),
        })),
      };
    }
    case 'rdf': {
      const { feed } = parsed;
      return {
        format: 'rdf', ...optional('title', feed.title), ...optional('link', feed.link),
        entries: (feed.items ?? []).map((item) => ({
          ...optional('guid', item.rdf?.about ?? item.link),
          ...titleOf(item.title),
          ...optional('link', item.link),
          ...typed('summary', item.description ?? item.content?.encoded, 'html'),
          ...optional('published', item.dc?.dates?.[0]),
          authors: item.dc?.creators ?? [],
        })),
      };
    }
    case 'json': {
      const { feed } = parsed;
      return {
        format: 'json', ...optional('title', feed.title), ...optional('link', feed.home_page_url),
        entries: (feed.items ?? []).map((item) => ({
          ...optional('guid', item.id === undefined ? undefined : String(item.id)),
          // JSON Feed's title and summary are plain text by its spec; content_html is HTML.
          ...typed('title', item.title, 'text'),
          ...optional('link', item.url ?? item.external_url),
          ...(item.summary?.trim() ? typed('summary', item.summary, 'text') : item.content_html?.trim() ? typed('summary', item.content_html, 'html') : typed('summary', item.content_text, 'text')),
          ...optional('published', item.date_published),
          ...optional('updated', item.date_modified),
          authors: (item.authors ?? []).map((a) => a.name ?? '').filter(Boolean),
        })),
      };
    }
  }
}

/** `{ [key]: value }` when there is a value, so absent fields stay absent. */
function optional<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return typeof value === 'string' && value.trim() !== '' ? ({ [key]: value } as { [P in K]: string }) : {};
}

function typed<K extends string>(key: K, value: unknown, type: PartnerText['type']): { [P in K]?: PartnerText } {
  return typeof value === 'string' && value.trim() !== '' ? ({ [key]: { value, type } } as { [P in K]: PartnerText }) : {};
}

/** RSS titles are plain text by the spec and often escaped HTML in practice: feedparser's test tells them apart. */
function titleOf(title: string | undefined): { title?: PartnerText } {
  return typed('title', title, title !== undefined && looksLikeHtml(title) ? 'html' : 'text');
}

/** An Atom text construct by its type (RFC 4287 §3.1; Atom 0.3's media types too). Absent means text. */
function atomText<K extends string>(key: K, text: { value?: string; type?: string } | undefined): { [P in K]?: PartnerText } {
  const type = (text?.type ?? 'text').trim().toLowerCase();
  if (['html', 'xhtml', 'text/html', 'application/xhtml+xml'].includes(type)) return typed(key, text?.value, 'html');
  if (['text', 'text/plain'].includes(type)) return typed(key, text?.value, 'text');
  return {};
}

function httpOrUndefined(value: string | undefined): string | undefined {
  return value !== undefined && /^https?:\/\//i.test(value.trim()) ? value : undefined;
}
