/**
 * Every path the site publishes at, made here and nowhere else. Called with placeholders
 * (`section({ kind: 'stream', slug: ':stream' })` is `/:stream/`), the same functions give
 * the path patterns that `_headers`, the server examples and the reserved stream slugs are
 * derived from (site/outputs.ts), so a path and its pattern never disagree.
 */
import { itemPath } from '../lib/urls.ts';
import type { NewsConfig } from '../lib/config.ts';

export type SectionKind = 'all' | 'stream' | 'tag';

/** Which section: the integrated stream, a stream or a tag, by its slug (or a `:placeholder`). */
export type SectionRef = { readonly kind: 'all' } | { readonly kind: 'stream' | 'tag'; readonly slug: string };

/** A section's first page: `/`, `/social-care/`, `/tags/telehealth/`. */
export function sectionPath(ref: SectionRef): string {
  if (ref.kind === 'all') return '/';
  return ref.kind === 'stream' ? `/${ref.slug}/` : `/tags/${ref.slug}/`;
}

/** Page `page` (1-based) of a section's listing: the section's own path, then `<path>page/2/`. */
export function listingPath(section: string, page: number | string): string {
  return page === 1 ? section : `${section}page/${page}/`;
}

/** A section's page about its feeds (how to subscribe, latest items, archives): `/industry/feed/`. */
export function feedAboutPath(section: string): string {
  return `${section}feed/`;
}

/** The folder whose numbered folders hold a section's feed archives: `/industry/feed/archive/`. */
export function feedArchiveFolder(section: string): string {
  return `${feedAboutPath(section)}archive/`;
}

/** The framed list of a section's latest items, for partners' iframes: `/embed/frame/industry/`. */
export function embedFramePath(section: string): string {
  return `/embed/frame${section}`;
}

/** One year of the archive: `/archive/2013/`. */
export function yearPath(year: number | string): string {
  return `/archive/${year}/`;
}

/** A local item's page (the library decides it: lib/content/normalise.ts). */
export { itemPath };

/** The site's fixed paths. */
export const paths = {
  home: '/',
  tags: '/tags/',
  archive: '/archive/',
  feeds: '/feeds/',
  opml: '/feeds.opml',
  about: '/about/',
  search: '/search/',
  sources: '/sources/',
  sourcesJson: '/sources.json',
  embed: '/embed/',
  embedScript: '/embed/v1/news.js',
  notFound: '/404.html',
  sitemap: '/sitemap.xml',
  robots: '/robots.txt',
  headers: '/_headers',
  /** The site's stylesheets, scripts and icon (src/assets/), published as they are. */
  assets: '/assets/',
  stylesheet: '/assets/site.css',
  searchStylesheet: '/assets/search.css',
  embedFrameStylesheet: '/assets/embed-frame.css',
  searchScript: '/assets/search.js',
  icon: '/assets/icon.svg',
  copyScript: '/assets/copy.js',
  embedBuilderScript: '/assets/embed-builder.js',
  tableScrollScript: '/assets/table-scroll.js',
  /** The search index, written by `npm run build:search`. */
  pagefind: '/pagefind/',
  /** The CMS, for editors (docs/editing.md): its page, its configuration, our additions to it, and Decap's bundle. */
  admin: '/admin/',
  adminConfig: '/admin/config.yml',
  adminScript: '/admin/editor.js',
  decap: '/admin/decap/',
} as const;

/** `/pathfinder/` → `/news/pathfinder/` when the site lives under `/news/`: what pages link to. */
export function sitePath(config: NewsConfig, path: string): string {
  return config.site.pathPrefix + path.replace(/^\//, '');
}
