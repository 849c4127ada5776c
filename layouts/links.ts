/** Links inside the site carry the path prefix, so the site works under a sub-path such as /news/. */
import type { NewsSite } from '../lib/index.ts';

/** `/pathfinder/` → `/news/pathfinder/` when the site lives under `/news/`. */
export function sitePath(site: NewsSite, path: string): string {
  return site.config.site.pathPrefix + path.replace(/^\//, '');
}
