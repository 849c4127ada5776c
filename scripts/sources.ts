/** `npm run sources`: each partner source's state, from the store (no network). */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatReport, readPartnerItems, readSourcesConfig, resolveConfig, type SourceHealth } from '../lib/index.ts';
import newsConfig from '../news.config.ts';

const usage = `Usage: npm run sources [-- --sources FILE] [--store DIR] [--json]

Prints each partner source in content/sources.yaml (or FILE) with its state in the
store: last fetch, last success, HTTP status, items stored, last error. --json
prints the same as JSON (the site publishes it at /sources.json).`;

const { values } = parseArgs({
  options: {
    sources: { type: 'string', default: 'content/sources.yaml' },
    store: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const config = resolveConfig(newsConfig);
const configured = readSourcesConfig(values.sources, values.sources, config.streams.map((s) => s.slug));
const { health, problems } = readPartnerItems(configured.sources, values.store ?? path.join(path.dirname(values.sources), 'partners'), config);
const all = [...configured.problems, ...problems];
if (all.length > 0) console.error(formatReport(values.sources, all));
if (values.json) console.log(JSON.stringify(health, null, 2));
else console.log(health.length === 0 ? 'No partner sources are configured.' : health.map(describe).join('\n\n'));
process.exitCode = all.some((p) => p.severity === 'error') ? 1 : 0;

function describe(source: SourceHealth): string {
  const when = (iso?: string) => (iso ? iso.replace('T', ' ').replace(/:\d{2}(\.\d+)?Z$/, ' UTC') : 'never');
  const lines = [
    `${source.name} (${source.stream}${source.enabled ? '' : ', disabled'}${source.stale ? ', STALE' : ''})`,
    `  feed          ${source.url}`,
    `  last fetch    ${when(source.lastAttempt)}${source.status ? `, HTTP ${source.status}` : ''}`,
    `  last success  ${when(source.lastSuccess)}`,
    `  items         ${source.items} stored`,
  ];
  if (source.lastError) lines.push(`  last error    ${source.lastError}`);
  if (source.retryAfter) lines.push(`  waiting until ${when(source.retryAfter)} (the partner asked)`);
  return lines.join('\n');
}
