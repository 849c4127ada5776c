/**
 * What every format says about one item, worked out once, so an item has the same id,
 * title, link, dates and categories in RSS, Atom and JSON Feed, in every feed it is in.
 */
import { streamTitle, type NewsConfig } from '../config.ts';
import type { Attachment, Author, FeedSource, NewsDate, NewsItem } from '../model.ts';
import { lastChanged } from '../select.ts';
import { siteUrl } from '../urls.ts';
import { htmlAttrOfText, htmlOfText } from './xml.ts';

export interface FeedCategory {
  /** The slug. */
  readonly term: string;
  /** The shown name. */
  readonly label: string;
  /** The taxonomy: scheme + term is the category's page. */
  readonly scheme: string;
}

export interface FeedEntry {
  readonly id: string;
  readonly title: string;
  /** Where a reader goes: our page, a link post's target, or a partner's original. */
  readonly link: string;
  /** Our own page when `link` points elsewhere (link posts). */
  readonly pageUrl?: string;
  /** True when `id` is itself the item's permanent URL (RSS `isPermaLink`). */
  readonly idIsLink: boolean;
  readonly published: NewsDate;
  readonly updated: NewsDate;
  readonly wasUpdated: boolean;
  readonly summary: string;
  /** Body HTML for feeds: lead image, body, attachments (or, in archives, the summary); absolute URLs throughout. */
  readonly contentHtml: string;
  /** False in archive documents, which carry the summary and link only. */
  readonly full: boolean;
  readonly authors: readonly Author[];
  readonly streams: readonly FeedCategory[];
  readonly tags: readonly FeedCategory[];
  readonly attachments: readonly Attachment[];
  readonly image?: NewsItem['image'];
  readonly organisation?: string;
  readonly region?: string;
  /**
   * The partner feed the item comes from, when it is a partner's (RSS `<source>`, Atom
   * `source`); not for our own items that a partner also published (dedupe credits the
   * partner among the sources, but the item is ours).
   */
  readonly partner?: FeedSource;
  readonly item: NewsItem;
}

/**
 * `full` entries carry the whole body (subscription documents); the others the summary
 * and a link to the item (archive documents), which keeps the full history small enough
 * to publish for tens of thousands of items.
 */
export function feedEntry(item: NewsItem, config: NewsConfig, full = true): FeedEntry {
  const base = config.site.baseUrl;
  const origin = item.sources[0];
  const link = item.link ?? item.url;
  const pageUrl = item.path !== undefined && link !== item.url ? item.url : undefined;
  return {
    id: item.id,
    title: item.title,
    link,
    ...(pageUrl && { pageUrl }),
    idIsLink: item.id === link,
    published: item.date,
    updated: lastChanged(item),
    wasUpdated: item.updated !== undefined,
    summary: item.summary,
    contentHtml: full ? feedContentHtml(item) : summaryHtml(item, config),
    full,
    authors: item.authors,
    streams: item.streams.map((slug) => ({ term: slug, label: streamTitle(config, slug), scheme: base })),
    tags: item.tags.map((tag) => ({ term: tag.slug, label: tag.name, scheme: siteUrl(base, '/tags/') })),
    attachments: item.attachments,
    ...(item.image && { image: item.image }),
    ...(item.organisation !== undefined && { organisation: item.organisation }),
    ...(item.region !== undefined && { region: item.region }),
    ...(origin?.kind === 'feed' && { partner: origin }),
    item,
  };
}

/** The summary and a link to the whole item, for archive documents. */
function summaryHtml(item: NewsItem, config: NewsConfig): string {
  if (item.path === undefined) return item.contentHtml;
  return `<p>${htmlOfText(item.summary || item.title)}</p>\n<p><a href="${htmlAttrOfText(item.url)}">Read the whole item on ${htmlOfText(config.site.title)}</a></p>`;
}

/** The body as feeds carry it: never empty, with the lead image and attachments that pages show around it. */
function feedContentHtml(item: NewsItem): string {
  const parts: string[] = [];
  if (item.image) parts.push(`<p><img src="${htmlAttrOfText(item.image.url)}" alt="${htmlAttrOfText(item.image.alt)}"></p>`);
  parts.push(item.contentHtml.trim() !== '' ? item.contentHtml : `<p>${htmlOfText(item.summary || item.title)}</p>`);
  if (item.attachments.length > 0) {
    const links = item.attachments.map((a) => `<li><a href="${htmlAttrOfText(a.url)}">${htmlOfText(a.title ?? a.url)}</a></li>`);
    parts.push(`<p>Attachments:</p><ul>${links.join('')}</ul>`);
  }
  if (item.link !== undefined && item.path !== undefined) {
    parts.push(`<p><a href="${htmlAttrOfText(item.link)}">Read it at ${htmlOfText(new URL(item.link).hostname)}</a></p>`);
  }
  return parts.join('\n');
}
