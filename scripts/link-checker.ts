/**
 * Checks every reference in a built static site the way a browser or crawler resolves it,
 * then maps it to a file in the site's folder: in pages (links, images and their srcset
 * candidates, scripts, stylesheets, frames, forms, media, social-card meta tags), in
 * sitemaps (every <loc>) and in stylesheets (url() and @import). Each HTML file is parsed
 * once and its ids kept, so a fragment check is a set lookup and a site of tens of
 * thousands of pages takes seconds.
 *
 * Given the files a build declared (its manifest, site/write.ts), it also holds the folder
 * to them: a file the build did not declare (left over from an earlier build, say) is a
 * problem, and so is a link to one, or a declared file that is missing.
 *
 * A broken reference is a problem of the project's one shape (lib/problems.ts): `file` is
 * the page, stylesheet or sitemap it is in (relative to the site folder), `field` the URL
 * as written (for srcset, the one candidate), `message` what is wrong.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import postcss from 'postcss';
import { NewsError, type Problem } from '../lib/problems.ts';

/** What `checkLinks` found. */
export interface LinkReport {
  /** HTML files read. */
  readonly pages: number;
  /** Sitemaps read: files named `sitemap*.xml`. */
  readonly sitemaps: number;
  /** CSS files read. */
  readonly stylesheets: number;
  /** Every reference found, checked or not. */
  readonly references: number;
  /** References left unchecked because they leave the site: other origins, and mailto:, tel: and data: URLs. */
  readonly external: number;
  /** Sorted by file, then URL. */
  readonly problems: readonly Problem[];
}

/** Where the site is and where it is served. */
export interface LinkCheckOptions {
  /** The built site's folder, e.g. `_site`. */
  readonly siteDir: string;
  /** The absolute URL the folder is served at, ending in `/`, e.g. `https://www.example.org/news/`. */
  readonly baseUrl: string;
  /** The files the build declared, relative to the folder; absent: whatever is there. */
  readonly declared?: ReadonlySet<string>;
  /** Files there that the build did not declare but keeps (another step's output), with `declared`. */
  readonly kept?: (file: string) => boolean;
}

/** Bad options: a site folder that is not there, or a base URL that is not one. */
export class LinkCheckError extends NewsError {}

/** The attributes that hold a URL, by element; a `srcset` holds a list of them. */
const urlAttributes: Readonly<Record<string, readonly string[]>> = {
  a: ['href'], area: ['href'], link: ['href'], script: ['src'], img: ['src', 'srcset'], source: ['src', 'srcset'],
  iframe: ['src'], form: ['action'], video: ['src'], audio: ['src'],
};

/** `<meta property|name=… content=URL>` tags that crawlers fetch when the page is shared. */
const metaUrls = new Set(['og:image', 'og:url', 'twitter:image']);

interface ParsedPage {
  readonly baseHref: string | undefined;
  readonly ids: ReadonlySet<string>;
  readonly references: readonly string[];
}

interface Site {
  readonly base: URL;
  readonly files: ReadonlySet<string>;
  readonly pages: ReadonlyMap<string, ParsedPage>;
}

type Outcome = { readonly kind: 'fine' } | { readonly kind: 'external' } | { readonly kind: 'broken'; readonly reason: string };
type Target = { readonly file: string } | Extract<Outcome, { kind: 'broken' }>;

const fine: Outcome = { kind: 'fine' };
const broken = (reason: string) => ({ kind: 'broken', reason }) as const;

const isSitemap = (file: string) => /(^|\/)sitemap[^/]*\.xml$/.test(file);

/** Reads every HTML, sitemap and CSS file under `siteDir` and checks each reference in it; see `LinkReport`. */
export function checkLinks(options: LinkCheckOptions): LinkReport {
  const base = parseBaseUrl(options.baseUrl);
  const present = readSiteFiles(options.siteDir);
  const problems: Problem[] = [];
  const report = (file: string, url: string, reason: string) => problems.push({ severity: 'error', file, field: url, message: reason });
  const { declared, kept = () => false } = options;
  const files = declared === undefined ? present : present.filter((file) => declared.has(file) || kept(file));
  if (declared !== undefined) {
    const there = new Set(present);
    for (const file of present) if (!declared.has(file) && !kept(file)) report(file, 'file', 'is not an output of the site as built: a file left over from an earlier build or put there by hand');
    for (const file of declared) if (!there.has(file)) report(file, 'file', 'is an output of the site as built, but the file is missing');
  }
  const read = (file: string) => readFileSync(path.join(options.siteDir, file), 'utf8');
  const pages = new Map<string, ParsedPage>();
  for (const file of files) {
    if (file.endsWith('.html')) pages.set(file, parsePage(read(file)));
  }
  const site: Site = { base, files: new Set(files), pages };
  let references = 0;
  let external = 0;
  const check = (file: string, fileBase: URL, url: string, outcome = checkReference(site, fileBase, url)) => {
    references += 1;
    if (outcome.kind === 'external') external += 1;
    else if (outcome.kind === 'broken') report(file, url, outcome.reason);
  };
  for (const [file, page] of pages) {
    const pageBase = resolvePageBase(base, file, page.baseHref);
    for (const url of page.references) check(file, pageBase, url);
  }
  const sitemaps = files.filter(isSitemap);
  for (const file of sitemaps) {
    for (const url of parseSitemap(read(file))) check(file, base, url, checkSitemapEntry(site, url));
  }
  const stylesheets = files.filter((file) => file.endsWith('.css'));
  for (const file of stylesheets) {
    const parsed = parseStylesheet(read(file));
    if ('reason' in parsed) report(file, 'file', parsed.reason);
    else for (const url of parsed.references) check(file, fileUrl(base, file), url);
  }
  problems.sort((a, b) => compare(a.file, b.file) || compare(a.field, b.field));
  return { pages: pages.size, sitemaps: sitemaps.length, stylesheets: stylesheets.length, references, external, problems };
}

function parseBaseUrl(baseUrl: string): URL {
  const url = parseUrl(baseUrl);
  if (url === undefined || !['http:', 'https:'].includes(url.protocol) || !url.pathname.endsWith('/') || url.search !== '' || url.hash !== '') {
    throw new LinkCheckError(`The base URL "${baseUrl}" is not an absolute http(s) URL ending in "/": give the address the site is served at, e.g. https://www.example.org/news/`);
  }
  return url;
}

/** Every file under `siteDir`, as `/`-separated paths relative to it. */
function readSiteFiles(siteDir: string): string[] {
  if (!existsSync(siteDir) || !statSync(siteDir).isDirectory()) {
    throw new LinkCheckError(`There is no folder ${siteDir} to check: build the site first (npm run build), or give the folder it was built into.`);
  }
  const files: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(siteDir, relative), { withFileTypes: true })) {
      const name = relative + entry.name;
      const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && statSync(path.join(siteDir, name)).isDirectory());
      if (isFolder) walk(`${name}/`);
      else files.push(name);
    }
  };
  walk('');
  return files;
}

/** One pass over the markup with htmlparser2's callbacks (no DOM), collecting URLs and fragment targets. */
function parsePage(html: string): ParsedPage {
  const ids = new Set<string>();
  const references: string[] = [];
  let baseHref: string | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (attributes.id) ids.add(attributes.id);
      if (name === 'a' && attributes.name) ids.add(attributes.name);
      // Only the first <base href> counts: https://html.spec.whatwg.org/multipage/semantics.html#the-base-element
      if (name === 'base' && baseHref === undefined) baseHref = attributes.href;
      for (const attribute of urlAttributes[name] ?? []) {
        const value = attributes[attribute];
        if (value === undefined) continue;
        if (attribute === 'srcset') references.push(...parseSrcset(value));
        else references.push(value);
      }
      const property = attributes.property ?? attributes.name ?? '';
      if (name === 'meta' && metaUrls.has(property) && attributes.content !== undefined) references.push(attributes.content);
    },
  });
  parser.end(html);
  return { baseHref, ids, references };
}

/**
 * The candidate URLs of a srcset: a URL runs to the next white space, so it may hold
 * commas (data: URLs do); trailing commas end the candidate; a descriptor runs to the
 * next comma outside parentheses. https://html.spec.whatwg.org/multipage/images.html#parsing-a-srcset-attribute
 */
function parseSrcset(value: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value[i] ?? '')) i += 1;
    const start = i;
    while (i < value.length && !/\s/.test(value[i] ?? '')) i += 1;
    const url = value.slice(start, i);
    if (url.endsWith(',')) {
      urls.push(url.replace(/,+$/, ''));
      continue;
    }
    let depth = 0;
    for (; i < value.length && (value[i] !== ',' || depth > 0); i += 1) {
      if (value[i] === '(') depth += 1;
      else if (value[i] === ')') depth -= 1;
    }
    if (url !== '') urls.push(url);
  }
  return urls;
}

/** The `<loc>` of every entry of a sitemap (or sitemap index): https://www.sitemaps.org/protocol.html */
function parseSitemap(xml: string): string[] {
  const locations: string[] = [];
  let inLoc = false;
  let text = '';
  const parser = new Parser({
    onopentag(name) {
      inLoc = name === 'loc';
      text = '';
    },
    ontext(data) {
      if (inLoc) text += data;
    },
    onclosetag(name) {
      if (name === 'loc') locations.push(text.trim());
      inLoc = false;
    },
  }, { xmlMode: true, decodeEntities: true });
  parser.end(xml);
  return locations;
}

/** A sitemap entry must be an absolute URL of the site itself (crawlers ignore any other). */
function checkSitemapEntry(site: Site, written: string): Outcome {
  const url = parseUrl(written);
  if (url === undefined) return broken('not an absolute URL (a sitemap lists full addresses)');
  if (url.origin !== site.base.origin) return broken(`not on the site's origin ${site.base.origin} (a sitemap lists only its own site's pages)`);
  return checkReference(site, site.base, written);
}

/** The url() and @import references of a stylesheet, or why it could not be read as CSS. */
function parseStylesheet(css: string): { readonly references: readonly string[] } | { readonly reason: string } {
  let root: postcss.Root;
  try {
    root = postcss.parse(css);
  } catch (error) {
    const { reason, line } = error as postcss.CssSyntaxError;
    return { reason: `not readable as CSS: ${reason ?? String(error)}${line === undefined ? '' : ` at line ${line}`}` };
  }
  const references: string[] = [];
  // Comments are not in the tree; strings that only look like url() are rare enough to ignore.
  const urls = (value: string) => [...value.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/gi)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  root.walkDecls((declaration) => {
    references.push(...urls(declaration.value));
  });
  root.walkAtRules('import', (rule) => {
    const quoted = /^\s*(?:"([^"]*)"|'([^']*)')/.exec(rule.params);
    references.push(...(quoted ? [quoted[1] ?? quoted[2] ?? ''] : urls(rule.params).slice(0, 1)));
  });
  return { references };
}

/** The URL a file of the site is served at. */
function fileUrl(base: URL, file: string): URL {
  return new URL(file.split('/').map(encodeURIComponent).join('/'), base);
}

/** The URL relative references on a page resolve against: its `<base href>`, or the page's own URL. */
function resolvePageBase(base: URL, file: string, baseHref: string | undefined): URL {
  const folderPage = file === 'index.html' || file.endsWith('/index.html');
  const pageUrl = fileUrl(base, folderPage ? file.slice(0, -'index.html'.length) : file);
  // A <base href> that does not parse is ignored, as browsers ignore it.
  return (baseHref !== undefined && parseUrl(baseHref, pageUrl)) || pageUrl;
}

function checkReference(site: Site, pageBase: URL, written: string): Outcome {
  const url = parseUrl(written, pageBase);
  if (url === undefined) return broken('not a valid URL');
  if (url.protocol === 'javascript:') return broken('a javascript: URL (link to a page, or use a button)');
  // mailto:, tel: and data: URLs have an opaque origin, so they are "other origins" too.
  if (url.origin !== site.base.origin) return { kind: 'external' };
  const target = findTarget(site, url.pathname);
  return 'file' in target ? checkFragment(site, target.file, url.hash) : target;
}

/** The file a same-origin path is served from, as a static host would pick it. */
function findTarget(site: Site, pathname: string): Target {
  const prefix = site.base.pathname;
  const isRoot = `${pathname}/` === prefix;
  if (!isRoot && !pathname.startsWith(prefix)) return broken(`outside the site's path prefix ${prefix}`);
  const relative = decodePath(isRoot ? '' : pathname.slice(prefix.length));
  if (relative === undefined) return broken('malformed percent-encoding in the path');
  if (pathname.endsWith('/')) {
    const file = `${relative}index.html`;
    return site.files.has(file) ? { file } : broken(`no file ${file}`);
  }
  if (site.files.has(relative)) return { file: relative };
  const index = relative === '' ? 'index.html' : `${relative}/index.html`;
  if (site.files.has(index)) return broken(`links to a folder without the trailing slash (add the / to reach ${index})`);
  return broken(`no file ${relative || index}`);
}

function checkFragment(site: Site, file: string, hash: string): Outcome {
  const page = site.pages.get(file);
  // An empty fragment, or one into a file that is not HTML (a PDF's #page=2), is not ours to check.
  if (hash === '' || page === undefined) return fine;
  const fragment = hash.slice(1);
  const decoded = decodePath(fragment) ?? fragment;
  // "#top" scrolls to the top when no element has that id: https://html.spec.whatwg.org/multipage/browsing-the-web.html#select-the-indicated-part
  if (page.ids.has(fragment) || page.ids.has(decoded) || decoded.toLowerCase() === 'top') return fine;
  return broken(`no element with id "${decoded}" in ${file}`);
}

/** `new URL`, or undefined where it would throw: one parse, where `URL.canParse` first would make two. */
function parseUrl(text: string, base?: URL): URL | undefined {
  try {
    return new URL(text, base);
  } catch {
    return undefined;
  }
}

function decodePath(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
