/**
 * The renderer of every output Eleventy writes, by route: the one place that turns an
 * output's data into its file. Eleventy's one template over the outputs table calls it
 * (eleventy.config.ts), and so does the dev server for an edit (dev/server.ts).
 */
import type { AnyOutput, Output, RouteName } from '../site/outputs.ts';
import { routes } from '../site/outputs.ts';
import { renderAbout } from './about.ts';
import { renderAdminConfig, renderAdminPage, renderAdminScript } from './admin.ts';
import { renderArchive } from './archive.ts';
import type { RenderContext } from './context.ts';
import { renderEmbedFrame } from './embed-frame.ts';
import { renderEmbed } from './embed.ts';
import { renderFeedAbout } from './feed-about.ts';
import { renderFeedsPage } from './feeds-page.ts';
import { renderEmbedScript, renderHeaders, renderOpmlFile, renderRobots, renderSitemap, renderSourcesJson } from './files.ts';
import { renderItem } from './item.ts';
import { renderListing } from './listing.ts';
import { renderNotFound } from './not-found.ts';
import { renderSearch } from './search.ts';
import { renderSources } from './sources.ts';
import { renderTags } from './tags.ts';
import { renderYear } from './year.ts';

export type { RenderContext };

/** The routes whose files Eleventy writes. */
export type PageRoute = Exclude<RouteName, 'feedRss' | 'feedAtom' | 'feedJson' | 'asset' | 'file' | 'decap'>;

/** Any output Eleventy writes, its data typed by its route. */
export type PageOutput = { [R in PageRoute]: Output<R> }[PageRoute];

type Renderer<R extends PageRoute> = (data: Output<R>['data'], path: string, context: RenderContext) => string;

const renderers: { readonly [R in PageRoute]: Renderer<R> } = {
  listing: renderListing,
  item: renderItem,
  tags: renderTags,
  archive: renderArchive,
  year: renderYear,
  feeds: renderFeedsPage,
  feedAbout: renderFeedAbout,
  about: renderAbout,
  search: renderSearch,
  sources: renderSources,
  embed: renderEmbed,
  embedFrame: renderEmbedFrame,
  notFound: renderNotFound,
  sitemap: renderSitemap,
  robots: renderRobots,
  headers: renderHeaders,
  opml: renderOpmlFile,
  sourcesJson: renderSourcesJson,
  embedScript: renderEmbedScript,
  admin: renderAdminPage,
  adminConfig: renderAdminConfig,
  adminScript: renderAdminScript,
};

/** Whether Eleventy writes an output (pages and small files), rather than the feed writer or a copy. */
export function isPageOutput(output: AnyOutput): output is PageOutput {
  return routes[output.route].writer === 'eleventy';
}

export function renderOutput(output: PageOutput, context: RenderContext): string {
  return (renderers[output.route] as Renderer<typeof output.route>)(output.data as never, output.path, context);
}
