/**
 * /search/partner-items.json: the partner items as Pagefind records, for `npm run build:search`.
 * Partner items have no page here to index (they link to the partner's original), but
 * readers search for them too; the search script adds these records to the index beside
 * the item pages. Built with the pages, from the same stream, so the two never disagree.
 */
import type { NewsSite } from '../lib/index.ts';
import { linkOutHost } from '../layouts/item-list.ts';

export const data = { permalink: '/search/partner-items.json', eleventyExcludeFromCollections: true };

/** One record as Pagefind's `addCustomRecord` takes it. */
export interface SearchRecord {
  /** The partner's original: the result links there. */
  readonly url: string;
  /** What is searched and quoted: the title, then the summary, as an item page gives them. */
  readonly content: string;
  /** The site's language in lower case, as Pagefind reads it from the pages' `lang`, so that the record joins their index. */
  readonly language: string;
  /** `title`, and `links to` (the partner's host), shown under the result as lists show "Links to …". */
  readonly meta: Readonly<Record<string, string>>;
}

export function render({ news }: { news: NewsSite }): string {
  const records: SearchRecord[] = news.items.flatMap((item) => {
    if (item.path !== undefined) return [];
    const title = /[.?!:]$/.test(item.title) ? item.title : `${item.title}.`;
    return [{
      url: item.url,
      content: item.summary === '' ? item.title : `${title} ${item.summary}`,
      language: news.config.site.language.toLowerCase(),
      meta: { title: item.title, 'links to': linkOutHost(item) ?? new URL(item.url).hostname },
    }];
  });
  return `${JSON.stringify(records, null, 1)}\n`;
}
