/** Links inside the site carry the path prefix, so the site works under a sub-path such as /news/. */
import { sitePathOf, toSitePaths, type NewsSite } from '../lib/index.ts';

/** `/pathfinder/` → `/news/pathfinder/` when the site lives under `/news/`. */
export function sitePath(site: NewsSite, path: string): string {
  return site.config.site.pathPrefix + path.replace(/^\//, '');
}

/** An absolute URL of the site as a path with the prefix (see `toSitePaths`); other URLs unchanged. */
export function localUrl(site: NewsSite, url: string): string {
  return sitePathOf(url, site.config.site.baseUrl, site.config.site.pathPrefix);
}

/** Body HTML with the site's own URLs as paths, for pages. */
export function localHtml(site: NewsSite, html: string): string {
  return toSitePaths(html, site.config.site.baseUrl, site.config.site.pathPrefix);
}
