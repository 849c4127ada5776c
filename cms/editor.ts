/**
 * What 3ML News adds to Decap CMS at /admin/, run after Decap's own bundle (cms/bundle.ts
 * makes one script of it, so the page has no inline script):
 *  - as an item is saved: empty values left out (Decap writes "" and [], which the model
 *    refuses), the rules of cms/rules.ts, and the permanent id, written once;
 *  - the preview pane: the item as its page shows it (src/item.ts), in the site's stylesheet.
 */
import type { CMS as DecapCms, PreviewTemplateComponentProps } from 'decap-cms-core';
import type { EditorSettings } from './bundle.ts';
import { isHttpUrl, shownHost } from '../lib/urls.ts';
import { decapFileName, itemIdFor, readDay, savingProblems, type DateValue } from './rules.ts';

/** Written in by esbuild from the site's configuration (cms/bundle.ts). */
declare const CMS_SETTINGS: EditorSettings;

/** What the preview pane renders: a React element. */
type Element = NonNullable<ReturnType<PreviewTemplateComponentProps['widgetFor']>>;

/** React's createElement, which Decap's bundle shares as `h`: the preview is written without JSX or a build of its own. */
type CreateElement = (type: string, props?: Record<string, unknown> | null, ...children: unknown[]) => Element;

/** The part of Immutable.js's collections used here: Decap holds an entry's data in them. */
interface Collection {
  readonly size: number;
  get(key: string | number): unknown;
  set(key: string | number, value: unknown): Collection;
  delete(key: string | number): Collection;
  map(mapper: (value: unknown) => unknown): Collection;
  filter(predicate: (value: unknown) => boolean): Collection;
  forEach(action: (value: unknown, key: string | number) => void): number;
  toJS(): unknown;
}

const { CMS, h } = window as unknown as { CMS?: DecapCms; h?: CreateElement };
if (CMS === undefined || h === undefined) throw new Error('3ML News: Decap CMS did not load before the editor script, so the editor cannot start.');
const settings = CMS_SETTINGS;

function isCollection(value: unknown): value is Collection {
  return typeof value === 'object' && value !== null && 'toJS' in value;
}

/** A value as it is to be written; undefined when it says nothing: blank text, an empty list or entry, `draft: false`. */
function keptValue(value: unknown): unknown {
  if (value === undefined || value === null || value === false) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (!isCollection(value)) return value;
  const kept = value.map(keptValue).filter((entry) => entry !== undefined);
  return kept.size === 0 ? undefined : kept;
}

/** The body is the Markdown as typed; every other field without what says nothing. */
function withoutEmpty(data: Collection): Collection {
  let cleaned = data;
  data.forEach((value, key) => {
    if (key === 'body') return;
    const kept = keptValue(value);
    cleaned = kept === undefined ? cleaned.delete(key) : cleaned.set(key, kept);
  });
  return cleaned;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const dateValue = (value: unknown): DateValue | undefined => (typeof value === 'string' || value instanceof Date ? value : undefined);

CMS.registerEventListener({
  name: 'preSave',
  handler: ({ entry }) => {
    const isNew = entry.get('newRecord') === true;
    // Decap 3.16: after "Publish and duplicate" on a new item, the form at …/new can hold the item
    // just saved rather than its copy, and saving it would write over that item's file.
    if (!isNew && /\/new$/.test(window.location.hash)) {
      throw new Error('This copy is not a new item yet: reload the page, open the saved item, then choose "Publish and duplicate" again.');
    }
    let data = withoutEmpty(entry.get('data') as Collection);
    const title = text(data.get('title'));
    const date = dateValue(data.get('date'));
    const fields = { title, date, updated: dateValue(data.get('updated')), image: text(data.get('image')), imageAlt: text(data.get('imageAlt')), draft: data.get('draft') === true };
    const problems = savingProblems(fields, settings, isNew, new Date());
    if (problems.length > 0) throw new Error(problems.join(' '));
    // Written once: a saved item keeps its id whatever becomes of its title; a copy gets its own.
    if ((isNew || data.get('id') === undefined) && title !== undefined && date !== undefined) {
      const fileName = isNew ? decapFileName(title, settings.fileSlug) : String(entry.get('slug')).split('/').pop() ?? '';
      const id = itemIdFor(settings, String(entry.get('collection')), fileName, date);
      if (id !== undefined) data = data.set('id', id);
    }
    return data;
  },
});

/** A date as pages show it: "7 December 2026". */
function formatDay(value: unknown): string {
  const date = dateValue(value);
  const read = date === undefined ? undefined : readDay(date, settings.timeZone);
  if (read === undefined) return String(value ?? '');
  return new Intl.DateTimeFormat(settings.language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${read.day}T12:00:00Z`));
}

/** A list field as plain values; a single value (as a hand-written `authors: A. Name`) as a list of one. */
function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return isCollection(value) ? (value.toJS() as unknown[]) : [value];
}

const nameOf = (author: unknown) => (typeof author === 'object' && author !== null ? text((author as { name?: unknown }).name) : text(author));

/** The item page's article (src/item.ts, layouts/base.ts) with what the form holds now. */
function ItemPreview({ entry, getAsset, widgetFor }: PreviewTemplateComponentProps): Element {
  const el = h as CreateElement;
  const field = (name: string): unknown => entry.getIn(['data', name]);
  const home = String(entry.get('collection'));
  const streams = [home, ...listOf(field('streams')).map(String).filter((slug) => slug !== home)].map((slug) => settings.streams[slug] ?? slug);
  const authors = listOf(field('authors')).map(nameOf).filter((name) => name !== undefined);
  const tags = listOf(field('tags')).map(String);
  const details: [string, string | undefined][] = [
    [streams.length > 1 ? 'Streams' : 'Stream', streams.join(', ')],
    ['Organisation', text(field('organisation'))],
    ['Region', text(field('region'))],
    [authors.length > 1 ? 'Authors' : 'Author', authors.join(', ') || undefined],
    ['Tags', tags.join(', ') || undefined],
  ];
  const image = text(field('image'));
  const link = text(field('link'));
  const attachments = listOf(field('attachments')).flatMap((a) => {
    const url = text((a as { url?: unknown }).url);
    return url === undefined ? [] : [{ url, title: text((a as { title?: unknown }).title) ?? url.split('/').pop() ?? url }];
  });
  const asset = (url: string) => String(getAsset(url));
  const meta = [
    'Published ', el('time', { key: 'd' }, formatDay(field('date'))),
    field('updated') ? [', updated ', el('time', { key: 'u' }, formatDay(field('updated')))] : null,
    field('draft') === true ? ` (a draft: left out of the published site)` : null,
  ];
  return el('div', null,
    el('header', { className: 'site-header' }, el('div', { className: 'width' }, el('span', { className: 'site-name' }, settings.siteTitle))),
    el('div', { className: 'width main-wrap' }, el('main', { id: 'main' }, el('article', { className: 'item' },
      el('header', { className: 'item-header' }, el('h1', null, text(field('title')) ?? ''), el('p', { className: 'meta' }, ...meta)),
      el('dl', { className: 'details' }, details.flatMap(([term, value]) => (value ? [el('dt', { key: `${term}t` }, term), el('dd', { key: `${term}d` }, value)] : []))),
      image && el('p', { className: 'lead-image' }, el('img', { src: asset(image), alt: text(field('imageAlt')) ?? '' })),
      link && el('p', { className: 'link-post' }, 'This item is a link to news published elsewhere. ', el('a', { href: link }, `Read it on ${isHttpUrl(link) ? shownHost(link) : link}\u00a0↗`)),
      el('div', { className: 'item-body' }, widgetFor('body')),
      attachments.length > 0 && [
        el('h2', { id: 'attachments', key: 'h' }, 'Attachments'),
        el('ul', { className: 'attachments', key: 'l' }, attachments.map((a, index) => el('li', { key: index }, el('a', { href: asset(a.url) }, a.title)))),
      ],
    ))));
}

CMS.registerPreviewStyle(settings.stylesheet);
for (const stream of Object.keys(settings.streams)) CMS.registerPreviewTemplate(stream, ItemPreview);
