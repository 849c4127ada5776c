/**
 * /sources/: the partner feeds gathered into the stream and how each is doing, so that
 * editors and partners can see which feeds are stale. /sources.json holds the same.
 */
import { renderPage } from '../layouts/base.ts';
import { html, type SafeHtml } from '../layouts/html.ts';
import { sitePath } from '../layouts/links.ts';
import { streamTitle, type NewsConfig } from '../lib/config.ts';
import { newsDateAt } from '../lib/dates.ts';
import { neverFetched, type SourceHealth } from '../lib/partners/items.ts';
import type { SourcesData } from '../site/pages.ts';
import { paths, sectionPath } from '../site/paths.ts';
import type { RenderContext } from './context.ts';

export function renderSources(data: SourcesData, _path: string, { config }: RenderContext): string {
  const { sources } = data;
  return renderPage({
    config,
    route: 'sources',
    title: 'Partner sources',
    description: `The partner feeds ${config.site.title} gathers, and when each was last fetched.`,
    path: paths.sources,
    feeds: data.feeds,
    main: html`<h1>Partner sources</h1>
<p class="lead">Besides its own items, ${config.site.title} gathers news from partners' feeds. Each item links to the partner's original. ${describeSources(sources)}</p>
${sources.map((source) => renderSource(config, source))}
<p>The same information is available as <a href="${sitePath(config, paths.sourcesJson)}">JSON</a>.</p>`,
  });
}

function describeSources(sources: readonly SourceHealth[]): string {
  if (sources.length === 0) return 'No partner feeds are configured.';
  const never = sources.filter(neverFetched).length;
  const stale = sources.filter((s) => s.stale && !neverFetched(s)).length;
  const has = (n: number) => `${n} ${n === 1 ? 'has' : 'have'}`;
  return [
    `${sources.length} partner ${sources.length === 1 ? 'feed is' : 'feeds are'} configured`,
    ...(never > 0 ? [`${has(never)} never been fetched`] : []),
    ...(stale > 0 ? [`${has(stale)} had no successful fetch in the past week`] : []),
  ].join('; ') + '.';
}

function renderSource(config: NewsConfig, source: SourceHealth): SafeHtml {
  const { timeZone, language } = config.site;
  const when = (iso?: string) => (iso ? html`<time datetime="${iso}">${newsDateAt(Date.parse(iso), timeZone, language).display}</time>` : html`never`);
  return html`<section class="source" aria-labelledby="source-${source.slug}">
<h2 id="source-${source.slug}">${source.name}</h2>
<p class="meta">${neverFetched(source) ? html`<strong class="status status-stale">Never fetched</strong>` : source.stale ? html`<strong class="status status-stale">Stale</strong>` : source.enabled ? html`<strong class="status">Up to date</strong>` : html`<strong class="status">Paused</strong>`} · ${source.organisation} · in <a href="${sitePath(config, sectionPath({ kind: 'stream', slug: source.stream }))}">${streamTitle(config, source.stream)}</a></p>
<dl class="details">
<dt>Feed</dt><dd><a href="${source.url}">${source.url}</a></dd>
<dt>Website</dt><dd><a href="${source.homepage}">${source.homepage}</a></dd>
<dt>Last fetched</dt><dd>${when(source.lastAttempt)}${source.lastOutcome === 'fresh' ? html` (not requested: the stored copy was still fresh)` : source.status !== undefined && html` (HTTP ${source.status})`}</dd>
<dt>Last success</dt><dd>${when(source.lastSuccess)}</dd>
<dt>Items</dt><dd>${source.items}${source.merged > 0 && html`, of which ${source.merged} ${source.merged === 1 ? 'tells' : 'tell'} the same story as another item and ${source.merged === 1 ? 'is' : 'are'} shown once, crediting both`}</dd>
${source.lastError && html`<dt>Last problem</dt><dd>${source.lastError}</dd>`}
${source.retryAfter && html`<dt>Waiting until</dt><dd>${when(source.retryAfter)}, as the partner asked</dd>`}
</dl>
</section>`;
}
