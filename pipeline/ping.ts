/**
 * `npm run ping`: tells each WebSub hub which subscription feeds of the built site changed
 * since it was last told (lib/websub.ts speaks to the hub). The feeds are every channel's
 * RSS, Atom and JSON Feed subscription documents, as the build into the folder declared
 * them (its manifest, site/write.ts), each hashed as it is in the folder. Archives are
 * never announced: subscribers follow the subscription documents. The hub fetches the
 * live feed on hearing of it, so a ping belongs after the built site is published.
 *
 * What each hub was told, each feed's URL and the SHA-256 of its content then, is kept
 * in a small state file beside the partner store's (content/partners/state/websub.json),
 * per hub, so that trying another hub (`--hub`) leaves what the configured one was told
 * as it was. That folder is not in git: the publishing job keeps it in its cache between runs
 * (.github/workflows/), and if it is lost the next ping tells the hubs of every feed
 * again, which does no harm.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { partnerFiles, replaceFile } from '../lib/partners/store.ts';
import { NewsError } from '../lib/problems.ts';
import { plural } from '../lib/text.ts';
import { siteUrl } from '../lib/urls.ts';
import type { HubReport } from '../lib/websub.ts';
import { feedRoutes, isSubscriptionFeedPath } from '../site/outputs.ts';
import { manifestFile, outputFile, readManifest } from '../site/write.ts';

/** There is no site built into the folder, or files its build wrote are missing from it. */
export class NoBuiltFeeds extends NewsError {}

/**
 * Where the state is kept unless another file is named: beside the shipped partner store's
 * state, the folder the publishing job keeps between runs, whichever sources file is read.
 */
export function defaultPingStateFile(contentDir: string): string {
  return path.join(partnerFiles(contentDir).storeDir, 'state', 'websub.json');
}

/** What each hub was last told: by hub, each feed's URL and the SHA-256 of its content then. */
export type PingState = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** What `pingHubs` needs: the built site, where the state is, the hubs and how to tell one. */
export interface PingOptions {
  readonly siteDir: string;
  /** Where the build kept its manifest (NEWS_CACHE_DIR). */
  readonly cacheDir: string;
  /** The site's address, ending in `/`: each feed's URL starts with it. */
  readonly baseUrl: string;
  readonly stateFile: string;
  readonly hubs: readonly string[];
  /** Tells one hub of the feeds that changed (lib/websub.ts `publishToHub`). */
  readonly publish: (hub: string, feedUrls: readonly string[]) => Promise<HubReport>;
}

/** What a ping did. */
export interface PingResult {
  /** The subscription feeds of the site. */
  readonly feeds: number;
  /** Per hub, in the order given: how many feeds had changed for it, and what it made of them. */
  readonly hubs: readonly { readonly changed: number; readonly report: HubReport }[];
  /** Why the state file could not be read, so that every feed was sent again. */
  readonly stateProblem?: string;
}

/** Tells each hub of the feeds that changed since it was last told, and keeps what each accepted. */
export async function pingHubs(options: PingOptions): Promise<PingResult> {
  const feeds = readSubscriptionFeeds(options.siteDir, options.cacheDir, options.baseUrl);
  const { state, problem } = readPingState(options.stateFile);
  const next: Record<string, Readonly<Record<string, string>>> = { ...state };
  const hubs: PingResult['hubs'][number][] = [];
  for (const hub of options.hubs) {
    const told = state[hub] ?? {};
    const changed = feeds.filter((feed) => told[feed.url] !== feed.hash);
    const report = changed.length === 0 ? { hub, accepted: [], missed: [], requests: 0 } : await options.publish(hub, changed.map((feed) => feed.url));
    hubs.push({ changed: changed.length, report });
    // Feeds gone from the site (a tag no item has any more) are forgotten.
    const accepted = new Set(report.accepted);
    next[hub] = Object.fromEntries(feeds.flatMap((feed) => {
      const hash = accepted.has(feed.url) ? feed.hash : told[feed.url];
      return hash === undefined ? [] : [[feed.url, hash]];
    }));
  }
  if (JSON.stringify(next) !== JSON.stringify(state)) replaceFile(options.stateFile, `${JSON.stringify(next, null, 2)}\n`);
  return { feeds: feeds.length, hubs, ...(problem && { stateProblem: problem }) };
}

/** Every subscription feed the build into `siteDir` declared, with its URL and the hash of its file. */
function readSubscriptionFeeds(siteDir: string, cacheDir: string, baseUrl: string): { url: string; hash: string }[] {
  const manifest = readManifest(manifestFile(cacheDir, siteDir));
  if (manifest === undefined) throw new NoBuiltFeeds(`there is no site built into ${siteDir}/ (no record of a build into it in ${cacheDir}/outputs/)`);
  const feedRoute = new Set<string>(Object.values(feedRoutes));
  const paths = Object.entries(manifest.outputs).filter(([sitePath, entry]) => feedRoute.has(entry.route) && isSubscriptionFeedPath(sitePath)).map(([sitePath]) => sitePath);
  const missing: string[] = [];
  const feeds = paths.flatMap((sitePath) => {
    const file = path.join(siteDir, outputFile(sitePath));
    try {
      return [{ url: siteUrl(baseUrl, sitePath), hash: createHash('sha256').update(readFileSync(file)).digest('hex') }];
    } catch {
      missing.push(file);
      return [];
    }
  });
  if (missing.length > 0) throw new NoBuiltFeeds(`${missing.length} of the ${paths.length} subscription feeds its build wrote into ${siteDir}/ cannot be read: ${missing.join(', ')}`);
  return feeds;
}

/** The state as the last ping left it; a file that cannot be read counts as none, with the reason. */
function readPingState(file: string): { state: PingState; problem?: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: {} };
    return { state: {}, problem: `${file} cannot be read (${(error as Error).message})` };
  }
  try {
    const data: unknown = JSON.parse(text);
    if (!isRecord(data) || !Object.values(data).every((told) => isRecord(told) && Object.values(told).every((hash) => typeof hash === 'string'))) {
      throw new Error('it is not an object of hubs, each an object of feed URLs and hashes');
    }
    return { state: data as PingState };
  } catch (error) {
    return { state: {}, problem: `${file} is not a ping's state (${(error as Error).message})` };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One line for a hub: what it accepted, or why not. */
export function formatHubLine({ changed, report }: PingResult['hubs'][number], feeds: number): string {
  if (changed === 0) return `${report.hub}: nothing to send, none of the ${plural(feeds, 'subscription feed')} changed since it was last told`;
  if (report.failure === undefined) return `${report.hub}: accepted ${plural(changed, 'changed feed')} (${plural(report.requests, 'request')})`;
  const what = report.failure.kind === 'refused' ? 'refused' : 'could not be reached';
  return `${report.hub}: ${what}: ${report.failure.reason}; it accepted ${report.accepted.length} of ${plural(changed, 'changed feed')}, the next ping sends it the rest`;
}

/** The last line: how many feeds, and what the hubs made of them. */
export function formatPingSummary(result: PingResult, siteDir: string): string {
  const failed = result.hubs.filter((hub) => hub.report.failure !== undefined).length;
  const idle = result.hubs.filter((hub) => hub.changed === 0).length;
  const accepted = result.hubs.length - failed - idle;
  return `Checked ${plural(result.feeds, 'subscription feed')} in ${siteDir}/ for ${plural(result.hubs.length, 'hub')}: ${accepted} accepted what changed, ${idle} had nothing to hear, ${failed} failed.`;
}
