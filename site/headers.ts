/**
 * Response headers, by the header set each route names (site/outputs.ts), written as
 * `_headers` for the hosts that read it (Netlify, Cloudflare Pages) and as examples for
 * nginx and Apache (docs/hosting.md, made by `npm run docs`). All three come from the
 * same rules, so they cannot drift apart.
 *
 * Netlify and Cloudflare match a rule's path against the whole request path, so under
 * a path prefix every rule carries it. Both read `*` as "anything, / included"
 * (Cloudflare allows one per rule) and `:name` as one path segment.
 */
import type { NewsConfig } from '../lib/config.ts';
import { adminPolicy } from '../cms/config.ts';
import { routes, type HeaderSet } from './outputs.ts';

export interface Header {
  readonly name: string;
  readonly value: string;
}

export interface HeaderRule {
  /** Why these paths get these headers, as the rule's comment. */
  readonly why: string;
  /** Site paths with the path prefix, as patterns: `:name` one segment, `*` anything. */
  readonly patterns: readonly string[];
  readonly headers: readonly Header[];
}

const header = (name: string, value: string): Header => ({ name, value });

/** What every response gets. */
const everyResponse = {
  why: 'Every response',
  headers: [header('X-Content-Type-Options', 'nosniff'), header('Referrer-Policy', 'strict-origin-when-cross-origin')],
};

interface HeaderSetRules {
  readonly why: string;
  readonly headers: readonly Header[];
}

const sets: Record<Exclude<HeaderSet, 'admin'>, HeaderSetRules> = {
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
    headers: [header('Content-Security-Policy', 'frame-ancestors *'), header('Cache-Control', 'public, max-age=600')],
  },
  asset: {
    why: 'Stylesheets and scripts keep their names when they change, so browsers check again after ten minutes',
    headers: [header('Cache-Control', 'public, max-age=600')],
  },
};

/** The CMS's page, with a policy of its own (cms/config.ts), when the site has one. */
function adminSet(config: NewsConfig): HeaderSetRules | undefined {
  return config.cms && {
    why: 'The CMS, for editors: Decap needs eval, inline styles and its backend\'s API, which no other page gets; never indexed',
    headers: [header('Content-Security-Policy', adminPolicy(config.cms.backend)), header('X-Robots-Tag', 'noindex')],
  };
}

/** The rules, every response's first, each with the patterns of the routes that name its set. */
export function headerRules(config: NewsConfig): HeaderRule[] {
  const prefix = (pattern: string) => config.site.pathPrefix + pattern.slice(1);
  const patternsOf = (set: HeaderSet) => Object.values(routes).filter((route) => route.headers === set).flatMap((route) => route.patterns(config));
  const all: Partial<Record<HeaderSet, HeaderSetRules>> = { ...sets, admin: adminSet(config) };
  return [
    { ...everyResponse, patterns: [prefix('/*')] },
    ...(Object.keys(all) as HeaderSet[]).flatMap((set) => {
      const rules = all[set];
      return rules ? [{ ...rules, patterns: patternsOf(set).map(prefix) }] : [];
    }),
  ];
}

/** `_headers` for Netlify and Cloudflare Pages. */
export function renderHeadersFile(rules: readonly HeaderRule[]): string {
  const block = (rule: HeaderRule, pattern: string) => [pattern, ...rule.headers.map((h) => `  ${h.name}: ${h.value}`)].join('\n');
  return `${rules.map((rule) => `# ${rule.why}\n${rule.patterns.map((pattern) => block(rule, pattern)).join('\n\n')}`).join('\n\n')}\n`;
}

/** A pattern as a regular expression over the request path. */
function patternRegex(pattern: string): string {
  return pattern.split(/(:[a-z]+|\*)/).map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))).join('');
}

/** The media type a rule sets, for servers that set it apart from the other headers. */
function contentType(rule: HeaderRule): string | undefined {
  return rule.headers.find((h) => h.name === 'Content-Type')?.value;
}

/** nginx: one location per rule. An add_header inside a location replaces the server's own, so each location repeats them. */
export function renderNginx(rules: readonly HeaderRule[]): string {
  const [every, ...others] = rules;
  const add = (h: Header) => `add_header ${h.name} "${h.value}" always;`;
  const base = (every?.headers ?? []).map(add);
  const lines = ['# nginx, in the server block for the site.', ...base];
  for (const rule of others) {
    const type = contentType(rule)?.split(';')[0];
    lines.push(`# ${rule.why}`, `location ~ ^(?:${rule.patterns.map(patternRegex).join('|')})$ {`);
    lines.push(...[...base, ...rule.headers.filter((h) => h.name !== 'Content-Type').map(add)].map((line) => `    ${line}`));
    // nginx sets the media type by extension: within this location, .json files are of this type.
    if (type) lines.push(`    types { ${type} json; }`, '    charset utf-8;', `    charset_types ${type};`);
    lines.push('}');
  }
  return `${lines.join('\n')}\n`;
}

/** Apache (.htaccess or the virtual host; needs mod_headers). */
export function renderApache(rules: readonly HeaderRule[]): string {
  const [every, ...others] = rules;
  const set = (h: Header) => `Header always set ${h.name} "${h.value}"`;
  const lines = ['# Apache (.htaccess or the virtual host; needs mod_headers)', ...(every?.headers ?? []).map(set)];
  for (const rule of others) {
    const type = contentType(rule);
    lines.push(`# ${rule.why}`, `<If "%{REQUEST_URI} =~ m#^(?:${rule.patterns.map(patternRegex).join('|')})$#">`);
    lines.push(...rule.headers.filter((h) => h.name !== 'Content-Type').map((h) => `    ${set(h)}`));
    if (type) lines.push(`    ForceType "${type}"`);
    lines.push('</If>');
  }
  return `${lines.join('\n')}\n`;
}
