/**
 * Partner feeds in every format they come in (RSS 0.9x, RSS 1.0/RDF, RSS 2.0, Atom 0.3
 * and 1.0, JSON Feed 1.0 and 1.1), read with feedsmith into one shape: the entries as
 * the partner wrote them, before any cleaning. The only module that imports feedsmith.
 */
import { parseFeed } from 'feedsmith';
import { decodeBody, withoutDoctype } from './decode.ts';

/** One entry as the partner published it: text as given, HTML not yet sanitised, dates not yet read. */
export interface PartnerEntry {
  /** The partner's own id (guid, Atom id, JSON Feed id), when there is one. */
  readonly guid?: string;
  readonly title?: string;
  readonly link?: string;
  /** HTML (or text) to make the summary from. */
  readonly summary?: string;
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

export type FeedReading = { readonly ok: true; readonly feed: ParsedFeed } | { readonly ok: false; readonly kind: 'html' | 'malformed' | 'not-a-feed'; readonly reason: string };

/** Reads a response body as a feed, saying plainly what it was when it is not one. */
export function readFeed(bytes: Uint8Array, contentType?: string): FeedReading {
  const body = decodeBody(bytes, contentType);
  if (body.kind === 'html') return { ok: false, kind: 'html', reason: 'is an HTML page, not a feed' };
  if (body.kind === 'unknown') return { ok: false, kind: 'not-a-feed', reason: 'is neither XML nor JSON' };
  let input: unknown = body.kind === 'xml' ? withoutDoctype(body.text) : body.text;
  if (body.kind === 'json') {
    try {
      input = JSON.parse(body.text);
    } catch (error) {
      return { ok: false, kind: 'malformed', reason: `is not valid JSON (${(error as Error).message})` };
    }
  }
  try {
    return { ok: true, feed: toParsedFeed(parseFeed<string>(input)) };
  } catch (error) {
    const message = (error as Error).message;
    if (/unrecognized/i.test(message)) return { ok: false, kind: 'not-a-feed', reason: `is ${body.kind === 'json' ? 'JSON' : 'XML'} but not RSS, Atom or JSON Feed` };
    return { ok: false, kind: 'malformed', reason: `is not a well-formed ${body.kind === 'json' ? 'JSON Feed' : 'XML feed'} (${message})` };
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
          ...optional('title', item.title),
          ...optional('link', item.link ?? (item.guid?.isPermaLink !== false ? httpOrUndefined(item.guid?.value) : undefined)),
          ...optional('summary', item.description ?? item.content?.encoded),
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
          ...optional('title', entry.title?.value),
          ...optional('link', alternate(entry.links)),
          ...optional('summary', entry.summary?.value ?? entry.content?.value),
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
          ...optional('title', item.title),
          ...optional('link', item.link),
          ...optional('summary', item.description ?? item.content?.encoded),
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
          ...optional('title', item.title),
          ...optional('link', item.url ?? item.external_url),
          ...optional('summary', item.summary ?? item.content_html ?? item.content_text),
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

function httpOrUndefined(value: string | undefined): string | undefined {
  return value !== undefined && /^https?:\/\//i.test(value.trim()) ? value : undefined;
}
