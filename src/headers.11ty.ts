/**
 * /_headers: response headers for static hosts that read this file (Netlify, Cloudflare
 * Pages). Partners' pages read the JSON Feeds, archives included (every feed's next_url
 * leads there), and load the embed script from other origins, so those allow any origin.
 * The README gives the same rules for nginx and Apache; keep the two in step.
 *
 * Both hosts match a rule's path against the whole request path, so under a path prefix
 * every rule carries it. Both read `*` as "anything, / included" (Cloudflare allows one
 * per rule) and `:name` as one path segment, so the feeds' rules use placeholders only.
 */
import type { NewsSite } from '../lib/index.ts';

export const data = { permalink: '/_headers', eleventyExcludeFromCollections: true, eleventyAllowMissingExtension: true };

interface Rule {
  /** Why these paths get these headers, as the file's comment. */
  readonly why: string;
  /** Site paths without the leading `/`. */
  readonly paths: readonly string[];
  readonly headers: readonly string[];
}

const rules: readonly Rule[] = [
  {
    why: 'Every response',
    paths: ['*'],
    headers: ['X-Content-Type-Options: nosniff', 'Referrer-Policy: strict-origin-when-cross-origin'],
  },
  {
    why: 'JSON Feeds, read by the embed on partners\' pages: the subscription feeds and their archives',
    paths: ['feed.json', ':stream/feed.json', 'tags/:tag/feed.json', 'feed/archive/:page/feed.json', ':stream/feed/archive/:page/feed.json', 'tags/:tag/feed/archive/:page/feed.json'],
    headers: ['Access-Control-Allow-Origin: *', 'Content-Type: application/feed+json; charset=utf-8', 'Cache-Control: public, max-age=600'],
  },
  {
    why: 'The embed script, loaded by partners\' pages; fixes within v1 reach them within the hour',
    paths: ['embed/v1/*'],
    headers: ['Access-Control-Allow-Origin: *', 'Cache-Control: public, max-age=3600'],
  },
  {
    why: 'The iframe pages, which any site may frame',
    paths: ['embed/frame/*'],
    headers: ['Content-Security-Policy: frame-ancestors *', 'Cache-Control: public, max-age=600'],
  },
  {
    why: 'Stylesheets and scripts keep their names when they change, so browsers check again after ten minutes',
    paths: ['assets/*'],
    headers: ['Cache-Control: public, max-age=600'],
  },
];

export function render({ news }: { news: NewsSite }): string {
  const prefix = news.config.site.pathPrefix;
  const block = (rule: Rule, path: string) => [`${prefix}${path}`, ...rule.headers.map((header) => `  ${header}`)].join('\n');
  return `${rules.map((rule) => `# ${rule.why}\n${rule.paths.map((path) => block(rule, path)).join('\n\n')}`).join('\n\n')}\n`;
}
