/**
 * `npm run fetch`: brings partner feeds into the store. Kept apart from the build, so
 * that builds stay offline and deterministic: the build only reads the store.
 */
import { readSourcesConfig } from '../lib/partners/config.ts';
import { fetchPartners, formatFetchSummary, formatSourceReport } from '../lib/partners/fetch.ts';
import { partnerFiles } from '../lib/partners/store.ts';
import { formatReport } from '../lib/problems.ts';
import packageJson from '../package.json' with { type: 'json' };
import { settingsFromEnvironment } from '../pipeline/settings.ts';
import { parseCommand, refuse } from './cli.ts';

const usage = `Usage: npm run fetch [-- --sources FILE] [--store DIR] [--timeout SECONDS] [--concurrency N] [--strict]

Fetches every enabled partner feed in the sources file into the store: the partners/
folder beside the sources file (or DIR), one items file per source and its fetch state
in partners/state/. The sources file is FILE, else the one NEWS_SOURCES_FILE names
(either must exist), else content/sources.yaml (none there means no partner sources).
A failing source keeps its stored items; every source gets one line saying what
happened, and a line per warning. --timeout is per source (default 20), --concurrency
the sources fetched at once (default 4). Exits 1 when the sources file or an option has
errors, and with --strict also when a source failed or is waiting for the time its
partner asked for.`;

const command = {
  name: 'npm run fetch',
  usage,
  options: {
    sources: { type: 'string' },
    store: { type: 'string' },
    timeout: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '4' },
    strict: { type: 'boolean', default: false },
  },
} as const;
const { values } = parseCommand(command);

const optionErrors = [
  ...(/^\d+(\.\d+)?$/.test(values.timeout) && Number(values.timeout) > 0 ? [] : [`--timeout "${values.timeout}" is not a number of seconds above 0 (e.g. --timeout 20)`]),
  ...(/^[1-9]\d*$/.test(values.concurrency) ? [] : [`--concurrency "${values.concurrency}" is not a whole number of sources above 0 (e.g. --concurrency 4)`]),
];
if (optionErrors.length > 0) refuse(command, optionErrors.join('\n'));

const settings = settingsFromEnvironment();
const { config } = settings;
const { sourcesFile, storeDir, required } = partnerFiles(settings.contentDir, { sourcesFile: values.sources ?? settings.sourcesFile, storeDir: values.store });
const { sources, problems } = readSourcesConfig(sourcesFile, sourcesFile, config.streams.map((s) => s.slug), { required });
if (problems.length > 0) console.error(formatReport(sourcesFile, problems));
if (problems.some((p) => p.severity === 'error')) process.exit(1);

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
  concurrency: Number(values.concurrency),
  // On a terminal, each line as its source finishes; in logs, in the order of the file.
  ...(process.stdout.isTTY && { onReport: (report) => console.log(formatSourceReport(report)) }),
});
if (!process.stdout.isTTY) for (const report of reports) console.log(formatSourceReport(report));
console.log(formatFetchSummary(reports));
process.exitCode = values.strict && reports.some((r) => r.outcome === 'failed' || r.outcome === 'waiting') ? 1 : 0;
