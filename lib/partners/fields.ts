/**
 * What feedsmith reads from a feed, as a `ParsedFeed`: each entry's fields present only
 * when they hold something, text typed as its format types it, and Dublin Core read
 * where the format's own element is missing, as feedparser reads it.
 */
import { looksLikeHtml } from '../html-text.ts';
import { absoluteUrl } from '../urls.ts';
import type { Parsed, ParsedFeed, PartnerText } from './parse.ts';

export function toParsedFeed(parsed: Parsed): ParsedFeed {
  switch (parsed.format) {
    case 'rss': {
      const { feed } = parsed;
      return {
        format: 'rss', ...optional('title', feed.title), ...optional('link', feed.link),
        entries: (feed.items ?? []).map((item) => {
          const dc = dublinCore(item);
          return {
            ...optional('guid', item.guid?.value),
            ...titleOf(firstText(item.title, dc.title)),
            ...optional('link', item.link ?? (item.guid?.isPermaLink !== false ? httpOrUndefined(item.guid?.value) : undefined)),
            ...typed('summary', item.description ?? item.content?.encoded, 'html'),
            ...optional('published', firstText(item.pubDate, dc.published)),
            ...optional('updated', firstText(item.atom?.updated, dc.updated)),
            authors: [...(item.authors ?? []).map((a) => a.name ?? a.email ?? ''), ...dc.creators].filter(Boolean),
          };
        }),
      };
    }
    case 'atom': {
      const { feed } = parsed;
      const alternate = (links: readonly { href?: string; rel?: string }[] | undefined) =>
        (links ?? []).find((l) => (l.rel ?? 'alternate') === 'alternate')?.href;
      const base = feed.xml?.base;
      return {
        format: 'atom', ...optional('title', feed.title?.value), ...optional('link', withBase(alternate(feed.links), base)),
        entries: (feed.entries ?? []).map((entry) => {
          const dc = dublinCore(entry);
          const title = atomText('title', entry.title);
          return {
            ...optional('guid', entry.id),
            ...(title.title ? title : typed('title', dc.title, 'text')),
            // An id that is a web address is the entry's address, as an RSS guid is.
            ...optional('link', withBase(alternate(entry.links), base, entry.xml?.base) ?? httpOrUndefined(entry.id)),
            ...atomText('summary', entry.summary?.value ? entry.summary : entry.content),
            ...optional('published', firstText(entry.published, dc.published)),
            ...optional('updated', firstText(entry.updated, dc.updated)),
            authors: [...(entry.authors ?? []).map((a) => a.name ?? ''), ...dc.creators].filter(Boolean),
          };
        }),
      };
    }
    case 'rdf': {
      const { feed } = parsed;
      return {
        format: 'rdf', ...optional('title', feed.title), ...optional('link', feed.link),
        entries: (feed.items ?? []).map((item) => {
          const dc = dublinCore(item);
          return {
            ...optional('guid', item.rdf?.about ?? item.link),
            ...titleOf(firstText(item.title, dc.title)),
            ...optional('link', item.link),
            ...typed('summary', item.description ?? item.content?.encoded, 'html'),
            ...optional('published', dc.published),
            ...optional('updated', dc.updated),
            authors: dc.creators,
          };
        }),
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

/** The Dublin Core elements feedparser falls back on: dc:title, dc:creator, and dc:date and DCMI Terms' issued and modified dates. */
interface DublinCore {
  readonly dc?: { readonly titles?: readonly string[]; readonly dates?: readonly string[]; readonly creators?: readonly string[] };
  readonly dcterms?: { readonly issued?: readonly string[]; readonly modified?: readonly string[] };
}

function dublinCore(item: DublinCore): { title?: string; published?: string; updated?: string; creators: readonly string[] } {
  const { dc, dcterms } = item;
  return { title: firstText(dc?.titles?.[0]), published: firstText(dc?.dates?.[0], dcterms?.issued?.[0]), updated: firstText(dcterms?.modified?.[0]), creators: dc?.creators ?? [] };
}

/**
 * A link resolved against the xml:base in scope (XML Base; RFC 4287, section 2), outermost
 * first, as feedparser resolves it; as written where no base is an absolute address.
 */
function withBase(href: string | undefined, ...bases: (string | undefined)[]): string | undefined {
  if (href === undefined) return undefined;
  const base = bases.reduce<string | undefined>((outer, inner) => (inner === undefined ? outer : absoluteUrl(inner, outer ?? inner)), undefined);
  return (base && absoluteUrl(href, base)) ?? href;
}

/** The first value that is text with something in it. */
function firstText(...values: unknown[]): string | undefined {
  return values.find((value): value is string => typeof value === 'string' && value.trim() !== '');
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
