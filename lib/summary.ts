/** The few lines a build prints for people, instead of a line per file written. */
import type { NewsSite } from './build.ts';

/** `written` is every output path of the build (pages, feeds, other files). */
export function formatBuildSummary(site: NewsSite, written: readonly string[]): string {
  const perStream = site.config.streams.map((stream) => `${stream.title} ${site.items.filter((item) => item.homeStream === stream.slug).length}`);
  const drafts = site.draftsLeftOut > 0 ? `; ${site.draftsLeftOut} ${site.draftsLeftOut === 1 ? 'draft' : 'drafts'} left out` : '';
  // Information, not a warning: a merge is one story credited to every source that told it.
  const merged = site.merges.length > 0 ? `; ${site.merges.length} partner ${site.merges.length === 1 ? 'item' : 'items'} merged into another telling the same story` : '';
  const feeds = new Set(site.feedDocuments.map((d) => d.path));
  const pages = written.filter((p) => p.endsWith('.html')).length;
  const feedFiles = written.filter((p) => feeds.has(p)).length;
  const warnings = site.problems.length;
  const { baseUrl, pathPrefix } = site.config.site;
  // Crawlers read robots.txt at the root of the origin only, never under a path prefix.
  const robots = written.includes('/robots.txt') && pathPrefix !== '/'
    ? [`  note: robots.txt is at ${pathPrefix}robots.txt, where crawlers never look: put its lines in ${new URL('/robots.txt', baseUrl).href}`]
    : [];
  return [
    `3ML News: ${site.items.length} items (${perStream.join(', ')})${drafts}${merged}`,
    `  wrote ${pages} pages, ${feedFiles} feed files for ${site.feedChannels.length} feeds, ${written.length - pages - feedFiles} other files`,
    `  ${warnings === 0 ? 'no warnings' : `${warnings} ${warnings === 1 ? 'warning' : 'warnings'} (npm run check lists them all)`}`,
    ...robots,
  ].join('\n');
}
