/**
 * `npm run fetch`: brings partner feeds into the store. Kept apart from the build, so
 * that builds stay offline and deterministic: the build only reads the store.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fetchPartners, formatReport, formatSourceReport, readSourcesConfig, resolveConfig } from '../lib/index.ts';
import newsConfig from '../news.config.ts';
import packageJson from '../package.json' with { type: 'json' };

const usage = `Usage: npm run fetch [-- --sources FILE] [--store DIR] [--timeout SECONDS] [--concurrency N] [--strict]

Fetches every enabled partner feed in content/sources.yaml (or FILE) into the store,
one JSON file per source in the partners/ folder beside the sources file (or DIR).
A failing source keeps its stored items; every source gets one line saying what
happened. Exits 1 when the sources file has errors, and with --strict also when a
source failed.`;

const { values } = parseArgs({
  options: {
    sources: { type: 'string', default: 'content/sources.yaml' },
    store: { type: 'string' },
    timeout: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '4' },
    strict: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const config = resolveConfig(newsConfig);
const { sources, problems } = readSourcesConfig(values.sources, values.sources, config.streams.map((s) => s.slug));
if (problems.length > 0) console.error(formatReport(values.sources, problems));
if (problems.some((p) => p.severity === 'error')) process.exit(1);

const storeDir = values.store ?? path.join(path.dirname(values.sources), 'partners');
if (process.stdout.isTTY) console.log(`Fetching ${sources.length} partner ${sources.length === 1 ? 'feed' : 'feeds'} into ${storeDir}/ …`);
const reports = await fetchPartners({
  sources,
  storeDir,
  config,
  now: new Date(),
  fetch,
  limits: {
    timeoutMs: Number(values.timeout) * 1000,
    maxBytes: 5 * 1024 * 1024,
    maxRedirects: 5,
    userAgent: `3ML-News/${packageJson.version} (feed fetcher; +${config.site.baseUrl}about/)`,
  },
  concurrency: Math.max(1, Number(values.concurrency) || 1),
  // On a terminal, each line as its source finishes; in logs, in the order of the file.
  ...(process.stdout.isTTY && { onReport: (report) => console.log(formatSourceReport(report)) }),
});
if (!process.stdout.isTTY) for (const report of reports) console.log(formatSourceReport(report));
const failed = reports.filter((r) => r.outcome === 'failed').length;
console.log(`${reports.length - failed} of ${reports.length} sources fine, ${failed} failed.`);
process.exitCode = values.strict && failed > 0 ? 1 : 0;
