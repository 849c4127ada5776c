/**
 * Response headers, by the header set each route names (site/outputs.ts), written as
 * `_headers` for the hosts that read it (Netlify, Cloudflare Pages) and as examples for
 * nginx and Apache (docs/hosting.md, made by `npm run docs`). All three come from the
 * same rules, so they cannot drift apart.
 *
 * Netlify and Cloudflare match a rule's path against the whole request path, so under
 * a path prefix every rule carries it. Both read `*` as "anything, / included"
 * (Cloudflare allows one per rule) and `:name` as one path segment. They send the headers
 * of every rule that matches, and browsers enforce every policy they are sent, so no page
 * may match rules with different Content-Security-Policies: a pattern that starts with
 * `/:stream` would match every folder of the site (`/search/`, `/embed/frame/industry/`,
 * a CMS's `/admin/`), so it is written once per stream instead.
 */
import type { NewsConfig } from '../lib/config.ts';
import { feedFormats } from '../lib/feeds/spec.ts';
import { feedPatterns, patternSource, routes, type HeaderSet, type PageHeaderSet } from './outputs.ts';
import { sitePath } from './paths.ts';
import { adminPolicy, contentSecurityPolicies, permissionsPolicy, renderPolicy } from './policy.ts';

export interface Header {
  readonly name: string;
  /**
   * The value; for a header that names the response's own address, the value given the
   * request's path as each server writes it: the rule's pattern in `_headers` (Cloudflare
   * Pages fills in its `:name` placeholders), `$uri` for nginx, `%{REQUEST_URI}` for Apache.
   */
  readonly value: string | ((requestPath: string) => string);
}

export interface HeaderRule {
  /** Why these paths get these headers, as the rule's comment. */
  readonly why: string;
  /** Site paths with the path prefix, as patterns: `:name` one segment, `*` anything. */
  readonly patterns: readonly string[];
  readonly headers: readonly Header[];
}

const header = (name: string, value: Header['value']): Header => ({ name, value });

/** What every response gets. */
const everyResponse = {
  why: 'Every response',
  headers: [header('X-Content-Type-Options', 'nosniff'), header('Referrer-Policy', 'strict-origin-when-cross-origin')],
};

/** A page's policies. */
const pageHeaders = (set: PageHeaderSet): Header[] => [
  header('Content-Security-Policy', renderPolicy(contentSecurityPolicies[set])),
  header('Permissions-Policy', permissionsPolicy),
];

interface HeaderSetRules {
  readonly why: string;
  readonly headers: readonly Header[];
}

const sets: Record<Exclude<HeaderSet, 'admin'>, HeaderSetRules> = {
  page: {
    why: 'Pages: their own scripts and stylesheets only, nothing inline (each page carries the same policy in a <meta> element too)',
    headers: pageHeaders('page'),
  },
  'search-page': {
    why: 'The search page, whose index is searched by WebAssembly',
    headers: pageHeaders('search-page'),
  },
  'json-feed': {
    why: 'JSON Feeds, read by the embed on partners\' pages: the subscription feeds and their archives',
    headers: [header('Access-Control-Allow-Origin', '*'), header('Content-Type', 'application/feed+json; charset=utf-8'), header('Cache-Control', 'public, max-age=600')],
  },
  'embed-script': {
    why: 'The embed script, loaded by partners\' pages; fixes within v1 reach them within the hour',
    headers: [header('Access-Control-Allow-Origin', '*'), header('Cache-Control', 'public, max-age=3600')],
  },
  'embed-frame': {
    why: 'The iframe pages, which any site may frame',
    headers: [...pageHeaders('embed-frame'), header('Cache-Control', 'public, max-age=600')],
  },
  asset: {
    why: 'Stylesheets and scripts keep their names when they change, so browsers check again after ten minutes',
    headers: [header('Cache-Control', 'public, max-age=600')],
  },
};

/** The CMS's page, with a policy of its own (site/policy.ts), when the site has one. */
function adminSet(config: NewsConfig): HeaderSetRules | undefined {
  return config.cms && {
    why: 'The CMS, for editors: Decap needs eval, inline styles and its backend\'s API, which no other page gets; never indexed',
    headers: [header('Content-Security-Policy', renderPolicy(adminPolicy(config.cms.backend))), header('Permissions-Policy', permissionsPolicy), header('X-Robots-Tag', 'noindex')],
  };
}

/**
 * The rules, every response's first, each with the patterns of the routes that name its set;
 * then WebSub's, when a hub is configured. A pattern under `/:stream/` is written once per
 * stream (see above), and every pattern carries the path prefix.
 */
export function headerRules(config: NewsConfig): HeaderRule[] {
  const prefix = (pattern: string) => sitePath(config, pattern);
  const sitePatterns = (pattern: string) => (pattern.startsWith('/:stream/') ? config.streams.map((stream) => `/${stream.slug}${pattern.slice('/:stream'.length)}`) : [pattern]).map(prefix);
  const patternsOf = (set: HeaderSet) => Object.values(routes).filter((route) => route.headers === set).flatMap((route) => route.patterns(config)).flatMap(sitePatterns);
  const all: Partial<Record<HeaderSet, HeaderSetRules>> = { ...sets, admin: adminSet(config) };
  return [
    { ...everyResponse, patterns: [prefix('/*')] },
    ...(Object.keys(all) as HeaderSet[]).flatMap((set) => {
      const rules = all[set];
      return rules ? [{ ...rules, patterns: patternsOf(set) }] : [];
    }),
    ...webSubRules(config, sitePatterns),
  ];
}

/**
 * WebSub discovery over HTTP (W3C WebSub §4): each subscription feed's hubs and its own
 * absolute address in one `Link` header, which only this rule gives (Cloudflare Pages
 * joins a header that two matching rules give). Archives never change, so they have none.
 */
function webSubRules(config: NewsConfig, sitePatterns: (pattern: string) => string[]): HeaderRule[] {
  const { hubs } = config.websub;
  if (hubs.length === 0) return [];
  const hubLinks = hubs.map((hub) => `<${hub}>; rel="hub"`).join(', ');
  return [{
    why: 'Subscription feeds name their WebSub hubs and their own address; archives never change, so they have none',
    patterns: feedFormats.flatMap((format) => feedPatterns(format).subscription).flatMap(sitePatterns),
    headers: [header('Link', (requestPath) => `${hubLinks}, <${config.site.origin}${requestPath}>; rel="self"`)],
  }];
}

/** A header's value for a request whose path a server writes as `requestPath`. */
export function headerValue(h: Header, requestPath: string): string {
  return typeof h.value === 'string' ? h.value : h.value(requestPath);
}

/** `_headers` for Netlify and Cloudflare Pages. */
export function renderHeadersFile(rules: readonly HeaderRule[]): string {
  const block = (rule: HeaderRule, pattern: string) => [pattern, ...rule.headers.map((h) => `  ${h.name}: ${headerValue(h, pattern)}`)].join('\n');
  return `${rules.map((rule) => `# ${rule.why}\n${rule.patterns.map((pattern) => block(rule, pattern)).join('\n\n')}`).join('\n\n')}\n`;
}

/**
 * A pattern as a regular expression over the request path, for nginx and Apache. A folder's
 * path matches its index.html too: they serve a folder by an internal redirect to that
 * file, which is matched against the locations again.
 */
function serverPatternSource(pattern: string): string {
  const source = patternSource(pattern);
  return pattern.endsWith('/') ? `${source}(?:index\\.html)?` : source;
}

/** The media type a rule sets, for servers that set it apart from the other headers. */
function contentType(rule: HeaderRule): string | undefined {
  const found = rule.headers.find((h) => h.name === 'Content-Type');
  return found && headerValue(found, '');
}

/**
 * nginx: a location for the paths each set of rules names. nginx answers a request from
 * the first location that matches it, so the paths several rules name (the subscription
 * JSON Feeds: CORS and WebSub) get one location with all their headers. An add_header
 * inside a location replaces the server's own, so each location repeats them.
 */
export function renderNginx(rules: readonly HeaderRule[]): string {
  const [every, ...others] = rules;
  // nginx reads \" as a quote inside a quoted string, and fills in $uri, the request's path.
  const add = (h: Header) => `add_header ${h.name} "${headerValue(h, '$uri').replaceAll('"', '\\"')}" always;`;
  const base = (every?.headers ?? []).map(add);
  const lines = ['# nginx, in the server block for the site.', ...base];
  for (const location of nginxLocations(others)) {
    const type = location.rules.map(contentType).find((found) => found !== undefined)?.split(';')[0];
    const headers = location.rules.flatMap((rule) => rule.headers).filter((h) => h.name !== 'Content-Type');
    lines.push(...location.rules.map((rule) => `# ${rule.why}`), `location ~ ^(?:${location.patterns.map(serverPatternSource).join('|')})$ {`);
    lines.push(...[...base, ...headers.map(add)].map((line) => `    ${line}`));
    // nginx sets the media type by extension: within this location, .json files are of this type.
    if (type) lines.push(`    types { ${type} json; }`, '    charset utf-8;', `    charset_types ${type};`);
    lines.push('}');
  }
  return `${lines.join('\n')}\n`;
}

/** The rules' patterns, grouped by the rules that name them, in the order they are first named. */
function nginxLocations(rules: readonly HeaderRule[]): { rules: readonly HeaderRule[]; patterns: string[] }[] {
  const namedBy = new Map<string, HeaderRule[]>();
  for (const rule of rules) for (const pattern of rule.patterns) namedBy.set(pattern, [...(namedBy.get(pattern) ?? []), rule]);
  const locations = new Map<string, { rules: readonly HeaderRule[]; patterns: string[] }>();
  for (const [pattern, named] of namedBy) {
    const key = named.map((rule) => rules.indexOf(rule)).join(' ');
    const location = locations.get(key) ?? { rules: named, patterns: [] };
    location.patterns.push(pattern);
    locations.set(key, location);
  }
  return [...locations.values()];
}

/** Apache (.htaccess or the virtual host; needs mod_headers). */
export function renderApache(rules: readonly HeaderRule[]): string {
  const [every, ...others] = rules;
  // A value made of the request's path is an expression (mod_headers' expr=, Apache 2.4.10 on), in which %{REQUEST_URI} is the path.
  const value = (h: Header) => (typeof h.value === 'string' ? h.value : `expr=${h.value('%{REQUEST_URI}')}`).replaceAll('"', '\\"');
  const set = (h: Header) => `Header always set ${h.name} "${value(h)}"`;
  const lines = ['# Apache (.htaccess or the virtual host; needs mod_headers)', ...(every?.headers ?? []).map(set)];
  for (const rule of others) {
    const type = contentType(rule);
    lines.push(`# ${rule.why}`, `<If "%{REQUEST_URI} =~ m#^(?:${rule.patterns.map(serverPatternSource).join('|')})$#">`);
    lines.push(...rule.headers.filter((h) => h.name !== 'Content-Type').map((h) => `    ${set(h)}`));
    if (type) lines.push(`    ForceType "${type}"`);
    lines.push('</If>');
  }
  return `${lines.join('\n')}\n`;
}
