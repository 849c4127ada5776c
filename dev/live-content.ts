/**
 * Content edits on the dev server (`npm start`, `--watch`), applied in well under two
 * seconds at ten thousand items. A full Eleventy rebuild renders every page again; here
 * only the changed Markdown files are read again (the library's cache), and only the
 * pages and feed files whose data changed are rendered and written, by the same
 * templates Eleventy uses. Template, layout and library edits still go through
 * Eleventy's own rebuild.
 */
import { readdirSync, watch, type FSWatcher } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createFeedRenderer, type NewsSite } from '../lib/index.ts';

/** What an 11ty.ts template module exports, as far as pages go. */
interface TemplateModule {
  readonly data?: {
    readonly pagination?: { readonly data: string; readonly alias: string };
    readonly permalink: string | ((data: Record<string, unknown>) => string);
  };
  readonly render: (data: Record<string, unknown>) => string;
}

/** The templates in `srcDir`, loaded once. */
export async function loadTemplates(srcDir: string): Promise<TemplateModule[]> {
  const files = readdirSync(srcDir).filter((name) => name.endsWith('.11ty.ts')).sort();
  return Promise.all(files.map(async (name) => (await import(pathToFileURL(path.join(srcDir, name)).href)) as TemplateModule));
}

/** Watches a content folder; `onChange` runs once per burst of changes. */
export function watchContent(contentDir: string, onChange: () => void): FSWatcher {
  let timer: NodeJS.Timeout | undefined;
  return watch(contentDir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, 30);
  });
}

/**
 * Renders and writes every output of `next` whose data differs from `previous`: pages
 * through the templates (pages with no pagination always, they are few), feed files
 * through the library. Returns the site paths written.
 */
export async function writeChanges(previous: NewsSite, next: NewsSite, templates: readonly TemplateModule[], outputDir: string, stylesheetPath: string): Promise<string[]> {
  const same = sameness(previous, next);
  const outputs: { path: string; content: () => string | Buffer }[] = [];
  for (const template of templates) {
    const { data } = template;
    if (data === undefined) continue;
    const permalink = (values: Record<string, unknown>) => (typeof data.permalink === 'function' ? data.permalink(values) : data.permalink);
    if (data.pagination === undefined) {
      outputs.push({ path: permalink({ news: next }), content: () => template.render({ news: next }) });
      continue;
    }
    const { alias } = data.pagination;
    const key = data.pagination.data.replace(/^news\./, '');
    const entries = (site: NewsSite) => (site as unknown as Record<string, readonly unknown[]>)[key] ?? [];
    const before = new Map(entries(previous).map((entry) => [permalink({ news: previous, [alias]: entry }), entry]));
    for (const entry of entries(next)) {
      const values = { news: next, [alias]: entry };
      const at = permalink(values);
      if (!same(before.get(at), entry)) outputs.push({ path: at, content: () => template.render(values) });
    }
  }
  const feeds = createFeedRenderer({ config: next.config, siteUpdated: next.updated, stylesheetPath });
  const feedsBefore = new Map(previous.feedDocuments.map((doc) => [doc.path, doc]));
  // A document with no items is dated by the whole site's latest change.
  const siteDateMoved = previous.updated?.iso !== next.updated?.iso;
  for (const doc of next.feedDocuments) {
    if (!same(feedsBefore.get(doc.path), doc) || (siteDateMoved && doc.items.length === 0)) outputs.push({ path: doc.path, content: () => feeds.bytes(doc) });
  }

  await Promise.all(outputs.map(async (output) => {
    const file = path.join(outputDir, output.path.endsWith('/') ? `${output.path}index.html` : output.path);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, output.content());
  }));
  return outputs.map((o) => o.path);
}

/**
 * A comparison of values from two builds: items by identity (an item read from an
 * unchanged file is the very same object), everything else by structure, each pair of
 * objects compared once. A section or feed channel inside another value (a listing's
 * section, a feed document's channel) is compared without its lists of items (`items`,
 * and a channel's `inEntryOrder`): those pages show only its name and links, so a change
 * to one of its items is not a change to them.
 */
function sameness(previous: NewsSite, next: NewsSite): (a: unknown, b: unknown) => boolean {
  const items = new Set<unknown>([...previous.items, ...next.items]);
  const known = new Map<object, Map<object, boolean>>();
  const same = (a: unknown, b: unknown, nested = false): boolean => {
    if (a === b) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (items.has(a) || items.has(b)) return false;
    const memo = known.get(a)?.get(b);
    if (memo !== undefined && !nested) return memo;
    let result: boolean;
    if (Array.isArray(a) || Array.isArray(b)) {
      result = Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((value, i) => same(value, b[i], true));
    } else {
      const inCollection = nested && isCollection(a);
      const isItemList = (value: unknown) => Array.isArray(value) && value.length > 0 && items.has(value[0]);
      const keys = Object.keys(a).filter((key) => !(inCollection && isItemList((a as Record<string, unknown>)[key])));
      result = Object.keys(b).length === Object.keys(a).length && keys.every((key) => same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], true));
    }
    if (!nested) {
      if (!known.has(a)) known.set(a, new Map());
      known.get(a)?.set(b, result);
    }
    return result;
  };
  return (a, b) => same(a, b);
}

/** A section or a feed channel: a named list of items. */
function isCollection(value: object): boolean {
  return 'key' in value && 'kind' in value && 'items' in value;
}
