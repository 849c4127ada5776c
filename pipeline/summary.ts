/** The few lines a build prints for people, instead of a line per file written. */
import type { NewsStream } from '../lib/news.ts';
import { plural } from '../lib/text.ts';
import type { Site } from '../site/build.ts';
import type { PreparedBuild } from './builder.ts';
import { routes } from '../site/outputs.ts';
import { paths, sitePath } from '../site/paths.ts';


/** The stream in one line: items per stream, drafts left out, partner items merged. */
export function describeStream(stream: NewsStream): string {
  const perStream = stream.config.streams.map((s) => `${s.title} ${stream.items.filter((item) => item.homeStream === s.slug).length}`);
  const drafts = stream.draftsLeftOut > 0 ? `; ${plural(stream.draftsLeftOut, 'draft')} left out` : '';
  // Information, not a warning: a merge is one story credited to every source that told it.
  const merged = stream.merges.length > 0 ? `; ${plural(stream.merges.length, 'partner item')} merged into another telling the same story` : '';
  return `3ML News: ${plural(stream.items.length, 'item')} (${perStream.join(', ')})${drafts}${merged}`;
}

export function formatBuildSummary(site: Site, build: PreparedBuild): string {
  const { config, stream } = site;
  const count = (kind: 'page' | 'feed' | 'file') => site.outputs.filter((o) => routes[o.route].kind === kind).length;
  const written = build.plan.changed.length;
  const warnings = stream.problems.length;
  const { baseUrl, pathPrefix } = config.site;
  // Crawlers read robots.txt at the root of the origin only, never under a path prefix.
  const robots = pathPrefix !== '/' ? [`  note: robots.txt is at ${sitePath(config, paths.robots)}, where crawlers never look: put its lines in ${new URL(paths.robots, baseUrl).href}`] : [];
  return [
    describeStream(stream),
    `  ${plural(count('page'), 'page')}, ${plural(count('feed'), 'feed file')} for ${plural(site.channels.length, 'feed')}, ${plural(count('file'), 'other file')}: ${written} written, ${build.plan.unchanged} unchanged${build.plan.stale.length > 0 ? `, ${plural(build.plan.stale.length, 'stale file')} removed` : ''}`,
    `  ${warnings === 0 ? 'no warnings' : `${plural(warnings, 'warning')} (npm run check lists them all)`}`,
    ...robots,
  ].join('\n');
}
