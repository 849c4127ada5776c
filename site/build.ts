/**
 * The site made of a stream: its sections, feeds and pages, as the one list of outputs
 * (site/outputs.ts) that every writer, list of paths and check reads.
 */
import path from 'node:path';
import { editorSettings } from '../cms/config.ts';
import { decapFolder, isDecapFileShipped } from '../cms/decap.ts';
import type { NewsConfig } from '../lib/config.ts';
import { channelDocuments, formatFiles, type FeedChannel, type FeedDocument } from '../lib/feeds/spec.ts';
import type { NewsItem } from '../lib/model.ts';
import type { NewsStream } from '../lib/news.ts';
import { NewsConfigError } from '../lib/problems.ts';
import { groupByStream, groupByTag, groupByYear, lastChanged } from '../lib/select.ts';
import { headerRules } from './headers.ts';
import { checkStreamSlugs, feedRoutes, routes, type AnyOutput, type CopyData } from './outputs.ts';
import { archiveLinks, countByYearAndStream, itemPages, listingPages, yearPages, type FeedAboutData } from './pages.ts';
import { embedFramePath, feedAboutPath, paths, sectionPath, sitePath } from './paths.ts';
import { findRelated } from './related.ts';
import { partnerRecords, type SearchRecord } from './search.ts';
import { buildSections, feedLinks, sectionChannel, sectionInfo, type FeedLinks, type Section } from './sections.ts';
import { listFiles } from './write.ts';

export interface SiteOptions {
  /** The project root: the site's own files (src/assets/) and the content folder are found from it. */
  readonly rootDir: string;
  /** The content folder, relative to the root; its static files are published too. */
  readonly contentDir: string;
  /** decap-server's API, for the CMS of `npm run edit`'s dev server; never in a build to publish. */
  readonly localBackend?: string;
}

/** The site: the stream it was made from and every output, with the search records. */
export interface Site {
  readonly config: NewsConfig;
  readonly stream: NewsStream;
  readonly channels: readonly FeedChannel[];
  /** Every feed document of every channel (also in `outputs`). */
  readonly documents: readonly FeedDocument[];
  readonly outputs: readonly AnyOutput[];
  /** The partner items, for the search index. */
  readonly searchRecords: readonly SearchRecord[];
}

/** How many items a framed list shows on a partner's page. */
const framedItems = 10;
/** How many of a feed's newest items its about page lists. */
const aboutItems = 10;

export function buildSite(stream: NewsStream, options: SiteOptions): Site {
  const { config, items } = stream;
  const slugProblems = checkStreamSlugs(config);
  if (slugProblems.length > 0) throw new NewsConfigError(slugProblems);
  const streams = groupByStream(items, config.streams);
  const tags = groupByTag(items);
  const years = groupByYear(items, config.site.timeZone);
  const sections = buildSections(config, items, streams, tags);
  const channels = sections.map((section) => sectionChannel(section, config.site.title));
  const links = new Map(channels.map((channel) => [channel.key, feedLinks(channel)]));
  const linksOf = (key: string) => links.get(key) as FeedLinks;
  const all = linksOf('all');
  const allOnly = [all];
  const withAll = (key: string) => (key === 'all' ? allOnly : [linksOf(key), all]);
  // Each section's documents, in the sections' order (as the channels are).
  const ownDocuments = channels.map((channel) => channelDocuments(channel, config.feeds));
  const documents = ownDocuments.flat();
  const linksOfKind = (kind: Section['kind']) => sections.filter((section) => section.kind === kind).map((section) => linksOf(section.key));
  const feedGroups = { streams: linksOfKind('stream'), tags: linksOfKind('tag') };

  const outputs: AnyOutput[] = [];
  for (const [index, section] of sections.entries()) {
    const info = sectionInfo(section);
    for (const listing of listingPages(section, info, config.pageSize, withAll(section.key))) outputs.push({ route: 'listing', ...listing });
    const own = ownDocuments[index] ?? [];
    const about: FeedAboutData = {
      section: info, channel: linksOf(section.key), latest: section.items.slice(0, aboutItems), feeds: withAll(section.key),
      archives: archiveLinks(own, (document) => formatFiles[document.format].name), subscriptionSize: config.feeds.subscriptionSize,
    };
    outputs.push({ route: 'feedAbout', path: feedAboutPath(section.path), data: about });
    outputs.push({ route: 'embedFrame', path: embedFramePath(section.path), data: { section: info, items: section.items.slice(0, framedItems) } });
  }
  const related = findRelated(items, streams, tags);
  for (const page of itemPages(items, streams, related, (item) => withAll(item.homeStream))) outputs.push({ route: 'item', ...page });
  for (const page of yearPages(years, allOnly)) outputs.push({ route: 'year', ...page });
  const streamSlugs = config.streams.map((s) => s.slug);
  outputs.push(
    { route: 'tags', path: paths.tags, data: { tags: tags.map((t) => ({ name: t.tag.name, path: sectionPath({ kind: 'tag', slug: t.tag.slug }), count: t.items.length })), feeds: allOnly } },
    { route: 'archive', path: paths.archive, data: { total: items.length, years: countByYearAndStream(years, streamSlugs), feeds: allOnly } },
    { route: 'feeds', path: paths.feeds, data: { all, ...feedGroups, feeds: allOnly } },
    { route: 'about', path: paths.about, data: { feeds: allOnly } },
    { route: 'search', path: paths.search, data: { feeds: allOnly } },
    { route: 'sources', path: paths.sources, data: { sources: stream.partnerSources, feeds: allOnly } },
    { route: 'embed', path: paths.embed, data: { sections: sections.map(sectionInfo), feeds: allOnly } },
    { route: 'notFound', path: paths.notFound, data: { feeds: allOnly } },
    { route: 'robots', path: paths.robots, data: {} },
    { route: 'opml', path: paths.opml, data: { groups: [{ channels: allOnly }, { title: 'Streams', channels: feedGroups.streams }, { title: 'Tags', channels: feedGroups.tags }], ...(stream.updated && { updated: stream.updated }) } },
    { route: 'sourcesJson', path: paths.sourcesJson, data: { sources: stream.partnerSources } },
    { route: 'embedScript', path: paths.embedScript, data: { timeZone: config.site.timeZone, language: config.site.language, maxItems: config.feeds.subscriptionSize } },
    { route: 'headers', path: paths.headers, data: { rules: headerRules(config) } },
  );
  for (const document of documents) {
    const data = { document, ...(document.items.length === 0 && stream.updated && { siteUpdated: stream.updated }) };
    outputs.push({ route: feedRoutes[document.format], path: document.path, data });
  }
  for (const [route, folder, urlPath] of [['asset', 'src/assets', paths.assets], ['file', path.join(options.contentDir, config.files.dir), config.files.urlPath]] as const) {
    for (const copy of listCopies(path.resolve(options.rootDir, folder))) outputs.push({ route, path: `${urlPath}${copy.relative}`, data: copy.data });
  }
  if (config.cms) {
    // Decap and decap-server name files from the repository's root, the project's.
    const contentDir = path.relative(options.rootDir, path.resolve(options.rootDir, options.contentDir)).split(path.sep).join('/');
    outputs.push(
      { route: 'admin', path: paths.admin, data: {} },
      { route: 'adminConfig', path: paths.adminConfig, data: { cms: config.cms, contentDir, ...(options.localBackend && { localBackend: options.localBackend }) } },
      { route: 'adminScript', path: paths.adminScript, data: editorSettings(config, sitePath(config, paths.stylesheet)) },
    );
    for (const copy of listCopies(decapFolder).filter((copy) => isDecapFileShipped(copy.relative))) outputs.push({ route: 'decap', path: `${paths.decap}${copy.relative}`, data: copy.data });
  }
  outputs.push({ route: 'sitemap', path: paths.sitemap, data: { entries: sitemapEntries(outputs) } });
  return { config, stream, channels, documents, outputs, searchRecords: partnerRecords(items, config) };
}

/** Every output the sitemap lists, item pages with their last change. */
function sitemapEntries(outputs: readonly AnyOutput[]): { path: string; lastmod?: string }[] {
  return outputs.flatMap((output) => {
    if (!routes[output.route].sitemap) return [];
    return [output.route === 'item' ? { path: output.path, lastmod: lastChanged(output.data.item as NewsItem).iso } : { path: output.path }];
  });
}

/** The files of a folder to publish as they are, with the site path below the folder's URL. */
function listCopies(dir: string): { relative: string; data: CopyData }[] {
  return [...listFiles(dir)]
    .map(([relative, stats]) => ({ relative, data: { source: path.join(dir, relative), size: stats.size, mtimeMs: stats.mtimeMs } }))
    .sort((a, b) => (a.relative < b.relative ? -1 : 1));
}
