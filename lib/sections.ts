/**
 * The sections of the site: the integrated stream, each stream and each tag. Each has
 * a page (paged) and a feed channel; both are made from the section, so they agree.
 */
import type { NewsConfig } from './config.ts';
import type { NewsItem } from './model.ts';
import type { StreamView, TagView } from './select.ts';

export interface Section {
  /** `all`, a stream slug, or `tags/<slug>`: unique, and part of the feed's permanent id. */
  readonly key: string;
  readonly kind: 'all' | 'stream' | 'tag';
  /** The name shown on the page, e.g. `Social care`, `Telehealth`. */
  readonly name: string;
  readonly description: string;
  /** Site path of the section's first page, e.g. `/social-care/` or `/tags/telehealth/`. */
  readonly path: string;
  /** Newest first. */
  readonly items: readonly NewsItem[];
}

/** The integrated stream first, then streams in configuration order, then tags by name. */
export function buildSections(config: NewsConfig, items: readonly NewsItem[], streams: readonly StreamView[], tags: readonly TagView[]): Section[] {
  return [
    { key: 'all', kind: 'all', name: 'All news', description: config.site.description, path: '/', items },
    ...streams.map((s): Section => ({ key: s.stream.slug, kind: 'stream', name: s.stream.title, description: s.stream.description, path: `/${s.stream.slug}/`, items: s.items })),
    ...tags.map((t): Section => ({
      key: `tags/${t.tag.slug}`, kind: 'tag', name: t.tag.name,
      description: `News tagged “${t.tag.name}” from ${config.site.title}.`, path: `/tags/${t.tag.slug}/`, items: t.items,
    })),
  ];
}
