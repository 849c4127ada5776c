/**
 * What the site search indexes besides the item pages: the partner items, which have no
 * page here (they link to the partner's original) but which readers search for too.
 * `npm run build:search` adds these records to Pagefind's index beside the item pages;
 * the build keeps them in its manifest (site/write.ts), from the same stream as the pages.
 */
import { streamTitle, type NewsConfig } from '../lib/config.ts';
import { dayOf } from '../lib/dates.ts';
import type { NewsItem } from '../lib/model.ts';
import { shownHost } from '../lib/urls.ts';

/** One record as Pagefind's `addCustomRecord` takes it. */
export interface SearchRecord {
  /** The partner's original: the result links there. */
  readonly url: string;
  /** What is searched and quoted: the title, then the summary, as an item page gives them. */
  readonly content: string;
  /** The site's language in lower case, as Pagefind reads it from the pages' `lang`, so that the record joins their index. */
  readonly language: string;
  /** `title`, `date` (the day), `streams` (their titles), `organisation` and `links to` (the partner's host), shown under the result as lists show them. */
  readonly meta: Readonly<Record<string, string>>;
}

/** The host a link post or partner item points to, without `www.`, for "Links to …". */
export function linkOutHost(item: NewsItem): string | undefined {
  return item.link === undefined ? undefined : shownHost(item.link);
}

/** A record for every partner item of the stream. */
export function partnerRecords(items: readonly NewsItem[], config: NewsConfig): SearchRecord[] {
  return items.flatMap((item) => {
    if (item.path !== undefined) return [];
    const title = /[.?!:]$/.test(item.title) ? item.title : `${item.title}.`;
    return [{
      url: item.url,
      content: item.summary === '' ? item.title : `${title} ${item.summary}`,
      language: config.site.language.toLowerCase(),
      meta: {
        title: item.title, date: dayOf(item.date), streams: item.streams.map((slug) => streamTitle(config, slug)).join(' · '),
        ...(item.organisation === undefined ? {} : { organisation: item.organisation }),
        'links to': linkOutHost(item) ?? new URL(item.url).hostname,
      },
    }];
  });
}
