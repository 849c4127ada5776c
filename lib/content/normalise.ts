/**
 * Local Markdown files into `NewsItem`s: ids, slugs, paths, rendered and sanitised
 * bodies with absolute URLs, derived summaries, tags and cross-posts.
 */
import type { NewsConfig } from '../config.ts';
import { shiftNewsDate, yearIn } from '../dates.ts';
import { defaultItemId, stableHash } from '../ids.ts';
import type { Dimensions } from './files.ts';
import { hasRawHtml, renderTokens, type MarkdownIt } from './render.ts';
import type { Image, NewsDate, NewsItem, Tag } from '../model.ts';
import type { Problem } from '../problems.ts';
import { leadText } from '../html-text.ts';
import { sanitiseBody } from '../sanitise.ts';
import { slugify } from '../slug.ts';
import { cutAtWord } from '../text.ts';
import type { MarkdownFile } from './markdown.ts';
import { absoluteUrl, isSitePath, itemPath, siteUrl } from '../urls.ts';

export interface NormaliseContext {
  readonly config: NewsConfig;
  readonly markdown: MarkdownIt;
  /** Pixel size of an image at an absolute URL, when it is one of the site's own files. */
  readonly dimensionsOf: (url: string) => Dimensions | undefined;
}

/** One checked Markdown file as a `NewsItem`, plus any problem found while rendering it. */
export function normaliseMarkdownFile(source: MarkdownFile, context: NormaliseContext): { item?: NewsItem; problems: Problem[] } {
  const { config, markdown } = context;
  const { fields } = source;
  const slug = slugify(source.name);
  if (slug === '') {
    return { problems: [{ severity: 'error', file: source.file, line: 1, field: 'file name', message: `"${source.file.slice(source.file.lastIndexOf('/') + 1)}" has no letters or digits to make a URL from`, hint: 'rename the file, e.g. worcester-business-case.md' }] };
  }
  const id = fields.id ?? defaultItemId(config.idAuthority, fields.calendarDay, source.stream, slug);
  // The checks leave `updated` out when it is no update, and never let it be earlier than the date.
  const date = spreadDay(fields.date, id, context, fields.updated);
  const updated = fields.updated && spreadDay(fields.updated, `${id}#updated`, context);
  const path = itemPath(source.stream, String(yearIn(date, config.site.timeZone)), slug);
  const url = siteUrl(config.site.baseUrl, path);

  const env = { resolve: (href: string) => resolveBodyUrl(href, url, config), dimensionsOf: context.dimensionsOf };
  const tokens = markdown.parse(source.body, env);
  const rendered = renderTokens(markdown, tokens, env);
  const contentHtml = hasRawHtml(tokens) ? sanitiseBody(rendered, env.resolve, env.dimensionsOf) : rendered;
  // From the body as published: what raw HTML the sanitiser removes never reaches a summary.
  const summary = fields.summary ?? cutAtWord(leadText(contentHtml), config.summaryLength);
  const problems: Problem[] = [];
  if (summary === '') {
    problems.push(contentHtml.trim() === ''
      ? { severity: 'warning', file: source.file, line: source.bodyLine, field: 'body', message: 'the item has no body and no summary, so readers see only its title', hint: 'write a paragraph below the front matter, or add a summary' }
      : { severity: 'warning', file: source.file, line: source.bodyLine, field: 'body', message: 'the body has no text to make a summary of, so lists show only the title', hint: 'start the body with a paragraph, or add a summary' });
  }

  const item: NewsItem = {
    id, title: fields.title, slug, path, url, date,
    ...(updated && { updated }),
    homeStream: source.stream,
    streams: [...new Set([source.stream, ...fields.streams])],
    summary,
    contentHtml,
    // Spelled as in this file; the spelling shown is chosen across all files (see local.ts).
    tags: uniqueTags(fields.tags),
    authors: fields.authors,
    ...(fields.organisation !== undefined && { organisation: fields.organisation }),
    ...(fields.region !== undefined && { region: fields.region }),
    ...(fields.link !== undefined && { link: fields.link }),
    attachments: fields.attachments.map((a) => ({ ...a, url: absolute(a.url, config) })),
    ...(fields.image !== undefined && { image: leadImage(absolute(fields.image, config), fields.imageAlt ?? '', context) }),
    draft: fields.draft,
    sources: [{ kind: 'markdown', file: source.file }],
  };
  return { item, problems };
}

/**
 * The shown spelling of each tag: of the spellings most used when case is ignored, the
 * most used one, ties going to the one that sorts first, so the choice does not depend
 * on the order files are read in.
 */
export function chooseTagNames(spellings: Iterable<string>): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const spelling of spellings) {
    const slug = slugify(spelling);
    const forSlug = counts.get(slug) ?? new Map<string, number>();
    forSlug.set(spelling, (forSlug.get(spelling) ?? 0) + 1);
    counts.set(slug, forSlug);
  }
  const names = new Map<string, string>();
  for (const [slug, forSlug] of counts) {
    const ignoringCase = new Map<string, number>();
    for (const [spelling, count] of forSlug) ignoringCase.set(spelling.toLowerCase(), (ignoringCase.get(spelling.toLowerCase()) ?? 0) + count);
    const uses = (spelling: string) => ignoringCase.get(spelling.toLowerCase()) ?? 0;
    const [best] = [...forSlug].sort(([a, m], [b, n]) => uses(b) - uses(a) || n - m || (a < b ? -1 : a > b ? 1 : 0));
    if (best) names.set(slug, best[0]);
  }
  return names;
}

/** One tag as written in one file. */
export interface TagUse {
  readonly spelling: string;
  /** Project-relative path. */
  readonly file: string;
  /** Its position in the file's tags. */
  readonly index: number;
}

/**
 * Spellings that differ in more than case but make one slug (`C++` and `C#` both make
 * `c`) are merged into one tag. Each such clash is one warning, however many files use
 * the spellings: it names each spelling with how many files use it and a few of them, and
 * is reported at the first use of a spelling other than the one shown (`locate` gives the
 * field and line of a use).
 */
export function findTagClashes(uses: readonly TagUse[], names: ReadonlyMap<string, string>, locate: (use: TagUse) => { field: string; line?: number }): Problem[] {
  const bySlug = new Map<string, Map<string, TagUse[]>>();
  for (const use of uses) {
    const slug = slugify(use.spelling);
    const spellings = bySlug.get(slug) ?? new Map<string, TagUse[]>();
    const key = use.spelling.toLowerCase();
    const group = spellings.get(key);
    if (group) group.push(use);
    else spellings.set(key, [use]);
    bySlug.set(slug, spellings);
  }
  const problems: Problem[] = [];
  for (const [slug, spellings] of bySlug) {
    if (spellings.size < 2) continue;
    const shown = names.get(slug) ?? '';
    const groups = [...spellings.values()].map((group) => [...group].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.index - b.index)));
    const shownKey = shown.toLowerCase();
    const others = groups.filter((group) => group[0]?.spelling.toLowerCase() !== shownKey).sort((a, b) => ((a[0]?.file ?? '') < (b[0]?.file ?? '') ? -1 : 1));
    const kept = groups.find((group) => group[0]?.spelling.toLowerCase() === shownKey) ?? [];
    const first = others[0]?.[0];
    if (first === undefined) continue;
    problems.push({
      severity: 'warning', file: first.file, ...locate(first),
      message: `${others.map(describeSpelling).join(' and ')} ${others.length === 1 ? 'makes' : 'make'} the same slug, "${slug}", as ${describeSpelling(kept)}, so they are one tag, shown as "${shown}"`,
      hint: 'if they are one tag, spell it one way everywhere; if not, tell them apart with letters or digits, e.g. "C sharp"',
    });
  }
  return problems;
}

/** `"C#" (in content/a.md)`, `"C++" (in 12 files: content/a.md, content/b.md, content/c.md, …)`. */
function describeSpelling(uses: readonly TagUse[]): string {
  const files = [...new Set(uses.map((use) => use.file))];
  const some = files.length <= 3 ? files.join(', ') : `${files.slice(0, 3).join(', ')}, …`;
  return `"${uses[0]?.spelling}" (in ${files.length === 1 ? some : `${files.length} files: ${some}`})`;
}

function uniqueTags(spellings: readonly string[]): Tag[] {
  const bySlug = new Map<string, Tag>();
  for (const spelling of spellings) {
    const slug = slugify(spelling);
    if (!bySlug.has(slug)) bySlug.set(slug, { slug, name: spelling });
  }
  return [...bySlug.values()];
}

/**
 * Date-only values get a stable spread inside the noon hour (see `parseNewsDate`). The
 * spread stops at `notAfter`, an update written with its time that same noon hour, so
 * that the update is never before the publication it updates.
 */
function spreadDay(date: NewsDate, key: string, context: NormaliseContext, notAfter?: NewsDate): NewsDate {
  if (date.hasTime) return date;
  const { timeZone, language } = context.config.site;
  const room = notAfter === undefined ? 3600 : Math.floor((notAfter.epochMs - date.epochMs) / 1000);
  return shiftNewsDate(date, Math.min(stableHash(key) % 3600, room), timeZone, language);
}

function leadImage(url: string, alt: string, context: NormaliseContext): Image {
  const dimensions = context.dimensionsOf(url);
  return { url, alt, ...(dimensions && { width: dimensions.width, height: dimensions.height }) };
}

/** A body URL made absolute: `/files/x` is site-relative (under the path prefix), `x` is relative to the item's page. */
function resolveBodyUrl(href: string, pageUrl: string, config: NewsConfig): string | undefined {
  const trimmed = href.trim();
  return isSitePath(trimmed) ? siteUrl(config.site.baseUrl, trimmed) : absoluteUrl(trimmed, pageUrl);
}

function absolute(url: string, config: NewsConfig): string {
  return url.startsWith('/') ? siteUrl(config.site.baseUrl, url) : url;
}
