/**
 * `npm run sources`: each partner source's state, from the store (no network), exactly
 * as the site publishes it at /sources/ and /sources.json.
 */
import path from 'node:path';
import { settingsFromEnvironment } from '../pipeline/settings.ts';
import { newsDateAt } from '../lib/dates.ts';
import { readNews } from '../lib/news.ts';
import { neverFetched, type SourceHealth } from '../lib/partners/items.ts';
import { partnerFiles } from '../lib/partners/store.ts';
import { formatReport } from '../lib/problems.ts';
import { openCache } from '../pipeline/builder.ts';
import { parseCommand } from './cli.ts';

const usage = `Usage: npm run sources [-- --sources FILE] [--store DIR] [--json]

Prints each partner source in content/sources.yaml (or FILE, else the file
NEWS_SOURCES_FILE names) with its state in the store beside it (or DIR): last fetch,
last success, HTTP status, items stored, items merged into others telling the same
story (ours included, from content/ or NEWS_CONTENT_DIR), last error; a source is stale
when it has had no successful fetch for a week. --json prints the same as JSON, in the
shape of the site's /sources.json.`;

const { values } = parseCommand({
  name: 'npm run sources',
  usage,
  options: { sources: { type: 'string' }, store: { type: 'string' }, json: { type: 'boolean', default: false } },
});

const settings = settingsFromEnvironment();
const { config } = settings;
const named = { sourcesFile: values.sources ?? settings.sourcesFile, storeDir: values.store };
// Merges with our own items need the local items too: from the build's cache where it is valid, so only changed files are read.
const { cache } = openCache(settings);
const stream = await readNews({ config, rootDir: settings.rootDir, contentDir: settings.contentDir, cache, ...named, now: new Date(), includeDrafts: false });
// Only the partner sources' own problems: `npm run check` reports the rest of the content.
const { sourcesFile, storeDir } = partnerFiles(settings.contentDir, named);
const partnerProblems = stream.problems.filter((p) => path.resolve(p.file) === path.resolve(sourcesFile) || path.resolve(p.file).startsWith(path.resolve(storeDir) + path.sep));
if (partnerProblems.length > 0) console.error(formatReport(sourcesFile, partnerProblems));
const health = stream.partnerSources;
if (values.json) console.log(JSON.stringify({ sources: health }, null, 2));
else console.log(health.length === 0 ? 'No partner sources are configured.' : health.map(describe).join('\n\n'));
process.exitCode = partnerProblems.some((p) => p.severity === 'error') ? 1 : 0;

function describe(source: SourceHealth): string {
  const when = (iso?: string) => (iso ? newsDateAt(Date.parse(iso), config.site.timeZone, config.site.language).display : 'never');
  const how = source.lastOutcome === 'fresh' ? ', not requested (the stored copy was still fresh)' : source.status ? `, HTTP ${source.status}` : '';
  const lines = [
    `${source.name} (${source.stream}${source.enabled ? '' : ', disabled'}${neverFetched(source) ? ', NEVER FETCHED' : source.stale ? ', STALE' : ''})`,
    `  feed          ${source.url}`,
    `  last fetch    ${when(source.lastAttempt)}${how}`,
    `  last success  ${when(source.lastSuccess)}`,
    `  items         ${source.items} stored${source.merged > 0 ? `, ${source.merged} merged into another item telling the same story` : ''}`,
  ];
  if (source.lastError) lines.push(`  last error    ${source.lastError}`);
  if (source.retryAfter) lines.push(`  waiting until ${when(source.retryAfter)} (the partner asked)`);
  return lines.join('\n');
}
