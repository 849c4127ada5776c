/**
 * Configuration: the site, the streams and the limits, in one typed object.
 * `resolveConfig` fills in defaults and reports every bad option at once.
 */
import type { Stream } from './model.ts';
import { NewsConfigError, type Problem } from './problems.ts';
import { isHttpUrl } from './urls.ts';

/** The four streams of the 3millionlives programme. A fifth is added by configuration alone. */
export const defaultStreams: readonly Stream[] = [
  {
    slug: 'industry',
    title: 'Industry',
    description: 'News from the industry partners who make and supply telehealth, telecare and telecoaching.',
  },
  {
    slug: 'pathfinder',
    title: 'Pathfinder sites',
    description: 'Updates and business cases from the local areas rolling out technology-enabled care at scale.',
  },
  {
    slug: 'social-care',
    title: 'Social care',
    description: 'Technology-enabled care in adult social care: telecare, reablement, carers and personal budgets.',
  },
  {
    slug: 'public-health',
    title: 'Public health',
    description: 'Prevention, self-management and telecoaching for healthier lives.',
  },
];

export interface SiteConfig {
  readonly title: string;
  readonly description: string;
  /** The origin the site is served from, e.g. `https://news.3millionlives.co.uk`. */
  readonly origin: string;
  /** The path the site lives under, `/` or e.g. `/news/`. */
  readonly pathPrefix: string;
  /** Origin plus path prefix, ending in `/`: every absolute URL starts with it. */
  readonly baseUrl: string;
  /** BCP 47 language of the site and feeds. */
  readonly language: string;
  /** IANA zone for dates written without an offset, and for dates shown on pages. */
  readonly timeZone: string;
}

export interface FeedConfig {
  /**
   * Items in each subscription feed: those that entered the site last. Earlier ones move to
   * RFC 5005 archive documents once they fill more than one; until then the subscription
   * feed carries them all.
   */
  readonly subscriptionSize: number;
  /** Items per archive document. */
  readonly archivePageSize: number;
  /** Start of each channel's permanent Atom id; the channel's key follows, e.g. `industry`. */
  readonly idPrefix: string;
}

/**
 * WebSub (W3C Recommendation, https://www.w3.org/TR/websub/): the hubs that readers
 * subscribed to a feed hear from as soon as it changes, instead of polling it. Every
 * subscription feed names them (`rel="hub"`, JSON Feed `hubs`), and `npm run ping` tells
 * them which feeds changed. No hubs: WebSub is off, and the feeds name none.
 */
export interface WebSubConfig {
  /** Absolute http(s) URLs of the hubs, e.g. `https://pubsubhubbub.appspot.com/`. */
  readonly hubs: readonly string[];
}

/**
 * Where the CMS at /admin/ signs editors in and commits what they save (docs/editing.md):
 * a GitHub repository, signing in with GitHub through an OAuth endpoint at `baseUrl`
 * (Decap's default is Netlify's, https://api.netlify.com), or Netlify's Git Gateway.
 */
export type CmsBackend =
  | { readonly name: 'github'; readonly repo: string; readonly branch: string; readonly baseUrl?: string }
  | { readonly name: 'git-gateway'; readonly branch: string };

/** The CMS at /admin/; without one, the site has no /admin/. */
export interface CmsConfig {
  readonly backend: CmsBackend;
}

export interface NewsConfig {
  readonly site: SiteConfig;
  /** The authority of default `tag:` ids. It never follows the site's host, so ids survive a move. */
  readonly idAuthority: string;
  readonly streams: readonly Stream[];
  /** Items per index page. */
  readonly pageSize: number;
  /** Longest derived summary, in characters. */
  readonly summaryLength: number;
  /** How far past `now` an item's date may be before it is an error (clocks and time zones differ). */
  readonly futureAllowanceHours: number;
  /** Site-relative URLs under `urlPath` are files in `dir` (a folder inside the content folder), published as they are. */
  readonly files: { readonly urlPath: string; readonly dir: string };
  readonly feeds: FeedConfig;
  readonly websub: WebSubConfig;
  readonly cms?: CmsConfig;
}

/** What a configuration file may give; everything but the site's origin has a default. */
export interface NewsConfigInput {
  readonly site: Partial<Omit<SiteConfig, 'baseUrl'>> & { readonly origin: string };
  readonly idAuthority?: string;
  readonly streams?: readonly Stream[];
  readonly pageSize?: number;
  readonly summaryLength?: number;
  readonly futureAllowanceHours?: number;
  readonly files?: { readonly urlPath: string; readonly dir: string };
  readonly feeds?: Partial<FeedConfig>;
  /** Leave out, or give no hubs, for no WebSub. */
  readonly websub?: Partial<WebSubConfig>;
  /** The backend's branch defaults to `main`. */
  readonly cms?: { readonly backend: DistributiveOmit<CmsBackend, 'branch'> & { readonly branch?: string } };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Identity function that gives a configuration file its types. */
export function defineConfig(input: NewsConfigInput): NewsConfigInput {
  return input;
}

/** A slug as URLs and folder names take it: lower-case letters and digits, words joined by single hyphens. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The partner store's folder beside its sources file unless another is named (lib/partners/store.ts). */
export const defaultStoreFolder = 'partners';

/**
 * Folders of the content folder that are not streams: the partner store and the static
 * files' folder. A stream may not take their names. The site adds its own paths to these
 * (site/outputs.ts).
 */
const contentFolders = [defaultStoreFolder];

/** A scheme (RFC 3986), then characters a URI may hold: Atom ids must be absolute IRIs. */
const absoluteUri = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/u;

/** Fills in defaults and checks every option, throwing one `NewsConfigError` that lists all problems. */
export function resolveConfig(input: NewsConfigInput, file = 'news.config.ts'): NewsConfig {
  const problems: Problem[] = [];
  const problem = (field: string, message: string, hint: string) =>
    problems.push({ severity: 'error', file, field, message, hint });

  const origin = parseOrigin(input.site.origin);
  if (origin === undefined) {
    problem('site.origin', `"${input.site.origin}" is not an http(s) origin`, 'write e.g. https://news.example.org, without a path');
  }
  const pathPrefix = input.site.pathPrefix ?? '/';
  if (!/^\/(?:[A-Za-z0-9._~-]+\/)*$/.test(pathPrefix)) {
    problem('site.pathPrefix', `"${pathPrefix}" is not a path prefix`, 'write "/" or a path that starts and ends with "/", e.g. "/news/"');
  }
  const timeZone = input.site.timeZone ?? 'Europe/London';
  if (!isTimeZone(timeZone)) problem('site.timeZone', `"${timeZone}" is not an IANA time zone`, 'write e.g. Europe/London');
  const language = input.site.language ?? 'en-GB';
  if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(language)) {
    problem('site.language', `"${language}" is not a language tag`, 'write a BCP 47 tag such as en-GB');
  }

  const streams = input.streams ?? defaultStreams;
  const files = input.files ?? { urlPath: '/files/', dir: 'files' };
  const reserved = [...new Set([...contentFolders, firstSegment(files.dir)])].filter(Boolean).sort();
  checkStreams(streams, reserved, problem);

  const positive = (field: string, value: number | undefined, fallback: number): number => {
    const chosen = value ?? fallback;
    if (!Number.isInteger(chosen) || chosen < 1) problem(field, `${chosen} is not a whole number of at least 1`, `set ${field} to e.g. ${fallback}`);
    return chosen;
  };
  const pageSize = positive('pageSize', input.pageSize, 20);
  const summaryLength = positive('summaryLength', input.summaryLength, 200);
  const subscriptionSize = positive('feeds.subscriptionSize', input.feeds?.subscriptionSize, 20);
  const archivePageSize = positive('feeds.archivePageSize', input.feeds?.archivePageSize, 100);
  const idPrefix = input.feeds?.idPrefix;
  if (idPrefix !== undefined && !absoluteUri.test(idPrefix)) {
    problem('feeds.idPrefix', `"${idPrefix}" is not the start of an absolute URI, so the feeds' Atom ids would be invalid`, 'write a scheme and what follows, e.g. "tag:example.org,2011:feeds/" or "https://example.org/feeds/", or leave it out for the default');
  }
  const futureAllowanceHours = input.futureAllowanceHours ?? 36;
  if (!(futureAllowanceHours >= 0)) {
    problem('futureAllowanceHours', `${futureAllowanceHours} is negative`, 'set it to 0 or more hours');
  }
  if (!/^\/(?:[A-Za-z0-9._~-]+\/)+$/.test(files.urlPath)) {
    problem('files.urlPath', `"${files.urlPath}" is not a site path`, 'write a path that starts and ends with "/", e.g. "/files/"');
  }

  const hubs = checkHubs(input.websub?.hubs ?? [], problem);
  const cms = input.cms && { backend: { ...input.cms.backend, branch: input.cms.backend.branch ?? 'main' } };
  if (cms) checkCmsBackend(cms.backend, problem);

  if (problems.length > 0) throw new NewsConfigError(problems);
  const idAuthority = input.idAuthority ?? new URL(`${origin}/`).hostname;
  const site: SiteConfig = {
    title: input.site.title ?? '3ML News',
    description: input.site.description ?? '',
    origin: origin ?? '',
    pathPrefix,
    baseUrl: `${origin}${pathPrefix}`,
    language,
    timeZone,
  };
  return {
    site,
    idAuthority,
    streams,
    pageSize,
    summaryLength,
    futureAllowanceHours,
    files,
    feeds: { subscriptionSize, archivePageSize, idPrefix: idPrefix ?? `tag:${idAuthority},2011:feeds/` },
    websub: { hubs },
    ...(cms && { cms }),
  };
}

/**
 * A WebSub hub's address as feeds and pings give it (the URL's own spelling, e.g. with
 * the `/` after the host), or undefined when it is not an absolute http(s) URL.
 */
export function parseHubUrl(text: string): string | undefined {
  return isHttpUrl(text) ? new URL(text).href : undefined;
}

/** Why a hub's address would not do, as a message and a hint, for the configuration and for `npm run ping -- --hub`. */
export function hubUrlProblem(text: string): { message: string; hint: string } {
  return {
    message: `"${text}" is not an http(s) URL, so no hub could be told that a feed changed`,
    hint: 'write the hub\'s address, e.g. https://pubsubhubbub.appspot.com/',
  };
}

function checkHubs(hubs: readonly string[], problem: (field: string, message: string, hint: string) => void): string[] {
  const parsed: string[] = [];
  hubs.forEach((text, index) => {
    const hub = parseHubUrl(text);
    if (hub === undefined) {
      const { message, hint } = hubUrlProblem(text);
      problem(`websub.hubs.${index}`, message, `${hint}, or leave websub out to switch WebSub off`);
    } else if (parsed.includes(hub)) {
      problem(`websub.hubs.${index}`, `"${text}" is named twice`, 'name each hub once');
    } else {
      parsed.push(hub);
    }
  });
  return parsed;
}

function checkCmsBackend(backend: CmsBackend, problem: (field: string, message: string, hint: string) => void): void {
  if (backend.name !== 'github' && backend.name !== 'git-gateway') {
    problem('cms.backend.name', `"${String((backend as { name: unknown }).name)}" is not a backend the CMS is set up for`, 'write "github", or "git-gateway" on Netlify');
    return;
  }
  if (!/^[^\s/]+$/.test(backend.branch)) problem('cms.backend.branch', `"${backend.branch}" is not a branch name`, 'write the branch the site is published from, e.g. "main"');
  if (backend.name !== 'github') return;
  if (!/^[\w.-]+\/[\w.-]+$/.test(backend.repo)) problem('cms.backend.repo', `"${backend.repo}" is not a GitHub repository`, 'write it as owner/name, e.g. "3millionlives/3ml-news"');
  if (backend.baseUrl !== undefined && parseOrigin(backend.baseUrl) === undefined) {
    problem('cms.backend.baseUrl', `"${backend.baseUrl}" is not an http(s) origin`, 'write the OAuth endpoint\'s origin, e.g. https://api.netlify.com, or leave it out for that one');
  }
}

function checkStreams(streams: readonly Stream[], reserved: readonly string[], problem: (field: string, message: string, hint: string) => void): void {
  if (streams.length === 0) problem('streams', 'no streams are configured', 'list at least one stream, or leave streams out for the four defaults');
  const seen = new Set<string>();
  streams.forEach((stream, index) => {
    if (!slugPattern.test(stream.slug)) {
      problem(`streams.${index}.slug`, `"${stream.slug}" is not a slug`, 'use lower-case letters, digits and single hyphens, e.g. "mental-health"');
    } else if (reserved.includes(stream.slug)) {
      problem(`streams.${index}.slug`, `"${stream.slug}" is a folder of the content folder that holds no news, so the stream's items would be mixed with it`, `choose another slug; these are taken: ${reserved.join(', ')}`);
    }
    if (seen.has(stream.slug)) problem(`streams.${index}.slug`, `"${stream.slug}" is configured twice`, 'give each stream its own slug');
    seen.add(stream.slug);
    if (stream.title.trim() === '') problem(`streams.${index}.title`, 'the title is empty', 'give the stream a title readers will see');
  });
}

/** `files` of `/files/` or `files/pdf`. */
function firstSegment(path: string): string {
  return path.split('/').find((segment) => segment !== '') ?? '';
}

function parseOrigin(text: string): string | undefined {
  try {
    const url = new URL(text);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || (url.pathname !== '/' && url.pathname !== '')) return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The shown title of a stream, by slug. */
export function streamTitle(config: NewsConfig, slug: string): string {
  return config.streams.find((stream) => stream.slug === slug)?.title ?? slug;
}
