/**
 * `npm run ping`: tells the WebSub hubs of news.config.ts (or --hub) which subscription
 * feeds of the built site changed since they were last told (pipeline/ping.ts).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { hubUrlProblem, parseHubUrl } from '../lib/config.ts';
import { publishToHub } from '../lib/websub.ts';
import { defaultPingStateFile, formatHubLine, formatPingSummary, NoBuiltFeeds, pingHubs } from '../pipeline/ping.ts';
import { settingsFromEnvironment } from '../pipeline/settings.ts';
import packageJson from '../package.json' with { type: 'json' };
import { parseCommand, refuse } from './cli.ts';

const command = {
  name: 'npm run ping',
  usage: `Usage: npm run ping [-- --site DIR] [--hub URL ...] [--state FILE]

Tells each WebSub hub named in news.config.ts (websub.hubs) which subscription feeds
of the site built into _site/ (or DIR) changed since it was last told: every RSS,
Atom and JSON Feed subscription feed of the integrated stream, each stream and each
tag, not the archives. The hub then fetches the live feeds and sends them on to their
subscribers, so run it after the built site is published.

  --site DIR     the built site (default: _site), built here with npm run build
  --hub URL      a hub to tell instead of the configured ones (repeat for more)
  --state FILE   what each hub was told, read and written
                 (default: content/partners/state/websub.json)

Prints a line per hub and a summary. Exits 0 when every hub accepted (or there was
nothing to send), 1 when a hub refused or could not be reached after a few tries, 2
when there is no built site to announce.`,
  options: {
    site: { type: 'string', default: '_site' },
    hub: { type: 'string', multiple: true },
    state: { type: 'string' },
  },
} as const;

const { values } = parseCommand(command);
const settings = settingsFromEnvironment();
const given = values.hub ?? [];
const wrong = given.filter((hub) => parseHubUrl(hub) === undefined);
if (wrong.length > 0) {
  refuse(command, wrong.map((hub) => {
    const { message, hint } = hubUrlProblem(hub);
    return `--hub ${message} (${hint})`;
  }).join('\n'));
}
const hubs = given.length > 0 ? [...new Set(given.flatMap((hub) => parseHubUrl(hub) ?? []))] : settings.config.websub.hubs;
if (hubs.length === 0) {
  console.log(`${command.name}: WebSub is off, news.config.ts names no hub (websub.hubs); nothing to send.`);
  process.exit(0);
}

const userAgent = `3ML-News/${packageJson.version} (WebSub publisher; +${settings.config.site.baseUrl}about/)`;
const siteDir = values.site.replace(/(?<=.)\/+$/, '');
try {
  const result = await pingHubs({
    siteDir,
    cacheDir: settings.cacheDir,
    baseUrl: settings.config.site.baseUrl,
    stateFile: values.state ?? defaultPingStateFile(settings.contentDir),
    hubs,
    publish: (hub, feedUrls) => publishToHub(hub, feedUrls, { fetch, sleep, now: () => new Date(), userAgent }),
  });
  if (result.stateProblem !== undefined) console.error(`${command.name}: ${result.stateProblem}; every feed is sent again, and the file written afresh.`);
  for (const hub of result.hubs) console.log(formatHubLine(hub, result.feeds));
  console.log(formatPingSummary(result, siteDir));
  process.exitCode = result.hubs.some((hub) => hub.report.failure !== undefined) ? 1 : 0;
} catch (error) {
  if (!(error instanceof NoBuiltFeeds)) throw error;
  console.error(`${command.name}: ${error.message}: build it first with npm run build (or name the folder it was built into with --site, and its cache with NEWS_CACHE_DIR).`);
  process.exitCode = 2;
}
