/**
 * The normalised news model: what every source turns into and every output reads.
 * Plain, readonly data (no classes, no functions) so a stream of tens of thousands
 * of items can be held, cached as JSON and handed to any renderer.
 */

/** A stream of news, configured (never hard-coded): see `defaultStreams`. */
export interface Stream {
  /** URL segment and folder name under `content/`, e.g. `social-care`. */
  readonly slug: string;
  /** Human title, e.g. `Social care`. */
  readonly title: string;
  /** One or two sentences for stream pages and feed descriptions. */
  readonly description: string;
}

/** A person credited on an item. */
export interface Author {
  readonly name: string;
  readonly email?: string;
  /** Absolute http(s) URL. */
  readonly url?: string;
}

/** A file that belongs to an item, e.g. a PDF business case. */
export interface Attachment {
  /** Absolute http(s) URL (site-relative URLs are resolved against the site URL). */
  readonly url: string;
  readonly title?: string;
  /** MIME type, e.g. `application/pdf`. */
  readonly type: string;
  /** Size in bytes, when known. */
  readonly size?: number;
}

/** A lead image with its text alternative (empty for a decorative image). */
export interface Image {
  readonly url: string;
  readonly alt: string;
  /** Pixel size, when the image is one of the site's own files. */
  readonly width?: number;
  readonly height?: number;
}

/** A tag: compared case-insensitively through its slug. */
export interface Tag {
  /** The spelling shown to readers. */
  readonly name: string;
  /** URL segment; two spellings with the same slug are the same tag. */
  readonly slug: string;
}

/** A point in time, ready for feeds (UTC) and for pages (the site's time zone). */
export interface NewsDate {
  /** RFC 3339 in UTC with `Z`, e.g. `2013-03-22T12:00:00Z`. */
  readonly iso: string;
  readonly epochMs: number;
  /** Reader-facing form in the site's zone and language, e.g. `22 March 2013`. */
  readonly display: string;
  /** False when the source gave only a calendar date. */
  readonly hasTime: boolean;
}

/** A local Markdown file. */
export interface MarkdownSource {
  readonly kind: 'markdown';
  /** Path relative to the project root, e.g. `content/pathfinder/2013/worcester-business-case.md`. */
  readonly file: string;
}

/** A partner feed listed in the sources configuration. */
export interface FeedSource {
  readonly kind: 'feed';
  /** The partner source's name, e.g. `Acme Telecare news`. */
  readonly name: string;
  /** The feed's URL. */
  readonly url: string;
  readonly organisation: string;
  readonly homepage: string;
}

/** Where an item came from. */
export type Source = MarkdownSource | FeedSource;

/** One normalised news item. */
export interface NewsItem {
  /** Permanent id (an absolute URI), the same in every feed and format. */
  readonly id: string;
  readonly title: string;
  /** URL segment made from the file name (local) or the title (partner). */
  readonly slug: string;
  /** Site-relative path of our page, e.g. `/pathfinder/2013/worcester-business-case/`; absent for partner items. */
  readonly path?: string;
  /** Absolute URL a reader should open: our page for local items, the original for partner items. */
  readonly url: string;
  /** Canonical URL elsewhere when the item is a link post or comes from a partner. */
  readonly link?: string;
  readonly date: NewsDate;
  /** Last substantive change, never earlier than `date`. */
  readonly updated?: NewsDate;
  /**
   * When the item entered the site, where that is later than `date`: a partner item first
   * seen after it was published. Absent: the item entered at its date (every local item).
   * Feed documents are ordered by it, so news of any date reaches subscribers.
   */
  readonly entered?: NewsDate;
  /** The stream the item belongs to first (its folder, or its partner source's stream). */
  readonly homeStream: string;
  /** Every stream the item appears in, home stream first, no repeats. */
  readonly streams: readonly string[];
  /** Plain text. */
  readonly summary: string;
  /** Sanitised HTML with absolute URLs, safe for pages, feeds and partner sites. */
  readonly contentHtml: string;
  readonly tags: readonly Tag[];
  readonly authors: readonly Author[];
  readonly organisation?: string;
  readonly region?: string;
  readonly attachments: readonly Attachment[];
  readonly image?: Image;
  readonly draft: boolean;
  /** Every source that carried this item (more than one after deduplication). */
  readonly sources: readonly Source[];
}
