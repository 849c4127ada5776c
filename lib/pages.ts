/**
 * Paged listings with their paths, computed once here so that page templates only
 * render: `/`, `/page/2/`, … or `/pathfinder/`, `/pathfinder/page/2/`, …
 */
import type { NewsItem } from './model.ts';
import type { Section } from './sections.ts';
import { paginate } from './select.ts';

export interface ListingPage {
  readonly section: Section;
  /** Site path of this page. */
  readonly path: string;
  /** 1-based. */
  readonly pageNumber: number;
  readonly pageCount: number;
  readonly items: readonly NewsItem[];
  readonly previousPath?: string;
  readonly nextPath?: string;
}

/** A section's items in pages of `size`; page 1 is the section's own path, page 2 is `<path>page/2/`. */
export function listingPages(section: Section, size: number): ListingPage[] {
  const chunks = paginate(section.items, size);
  const pathOf = (index: number) => (index === 0 ? section.path : `${section.path}page/${index + 1}/`);
  return chunks.map((chunk, index) => ({
    section,
    path: pathOf(index),
    pageNumber: index + 1,
    pageCount: chunks.length,
    items: chunk,
    ...(index > 0 && { previousPath: pathOf(index - 1) }),
    ...(index < chunks.length - 1 && { nextPath: pathOf(index + 1) }),
  }));
}
