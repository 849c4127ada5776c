/**
 * Paged listings with their paths, computed once here so that page templates only
 * render: `/`, `/page/2/`, … or `/pathfinder/`, `/pathfinder/page/2/`, …
 */
import type { NewsItem } from './model.ts';
import { paginate } from './select.ts';

export interface ListingPage {
  /** Site path of this page. */
  readonly path: string;
  /** 1-based. */
  readonly pageNumber: number;
  readonly pageCount: number;
  readonly items: readonly NewsItem[];
  readonly previousPath?: string;
  readonly nextPath?: string;
}

/** Pages of `size` items under `basePath` (which ends in `/`); page 1 is `basePath` itself. */
export function listingPages(items: readonly NewsItem[], basePath: string, size: number): ListingPage[] {
  const chunks = paginate(items, size);
  const pathOf = (index: number) => (index === 0 ? basePath : `${basePath}page/${index + 1}/`);
  return chunks.map((chunk, index) => ({
    path: pathOf(index),
    pageNumber: index + 1,
    pageCount: chunks.length,
    items: chunk,
    ...(index > 0 && { previousPath: pathOf(index - 1) }),
    ...(index < chunks.length - 1 && { nextPath: pathOf(index + 1) }),
  }));
}
