/**
 * The CMS's configuration, /admin/config.yml, made by the build from news.config.ts and
 * the content model (lib/content/front-matter.ts), never written by hand: one collection
 * per configured stream, its files in content/<stream>/<year>/, and one widget per field
 * of the model, in the model's order, required as the model requires. The rules a widget
 * cannot hold (an update not before the date, an image with its description, the id
 * written once) are applied as an item is saved (cms/editor.ts). Typed by Decap's own
 * declarations, so a key Decap does not know fails the type check.
 */
import type { CmsBackend as DecapBackend, CmsCollection, CmsConfig as DecapConfig, CmsField, CmsSlug } from 'decap-cms-core';
import { stringify } from 'yaml';
import type { EditorSettings } from './bundle.ts';
import type { CmsBackend, CmsConfig, NewsConfig } from '../lib/config.ts';
import { attachmentFields, authorFields, emailPattern, knownFields, requiredFields, type KnownField } from '../lib/content/front-matter.ts';
import type { Stream } from '../lib/model.ts';
import { itemPath } from '../lib/urls.ts';

/** What the configuration is made of besides the site's own settings. */
export interface CmsConfigOptions {
  /** The site's `cms` settings. */
  readonly cms: CmsConfig;
  /** The content folder, relative to the repository's root, with `/`. */
  readonly contentDir: string;
  /**
   * decap-server's API (`npm run edit`). Only the dev server's configuration names one:
   * Decap looks for it whenever /admin/ is opened on localhost, and where none answers,
   * that is an error in the browser's console.
   */
  readonly localBackend?: string;
}

/**
 * How Decap makes a file name of a title: ASCII, accents dropped, anything else a hyphen.
 * cms/editor.ts makes the same name for the item's id.
 */
export const fileSlug: CmsSlug = { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' };

/** A widget, as a field of the model gets it: its name and whether it is required are the model's, its label is `fieldLabels`'. */
type Widget = CmsField extends infer F ? (F extends unknown ? Omit<F, 'name' | 'required' | 'label'> : never) : never;

/** An absolute http(s) URL, as far as a pattern can say; `npm run check` holds the rest (lib/urls.ts). */
const httpUrl: [string, string] = ['^https?://[^\\s/]+\\S*$', 'A full web address, starting with https://'];

/**
 * An attachment's type and size are worked out from its file under /files/: the form
 * leaves them out, and Decap keeps them where an item has them.
 */
const attachmentFieldsShown = ['url', 'title'] as const satisfies readonly (typeof attachmentFields)[number][];

const day = { widget: 'datetime', date_format: 'YYYY-MM-DD', time_format: false } as const;

/** What editors see each field of the model called; the rules applied on saving (cms/rules.ts) name fields so too. */
export const fieldLabels: { readonly [F in KnownField]: string } = {
  title: 'Title',
  date: 'Publication date',
  updated: 'Last substantive change',
  streams: 'Also in streams',
  summary: 'Summary',
  tags: 'Tags',
  authors: 'Authors',
  organisation: 'Organisation',
  region: 'Region',
  link: 'Link to the original',
  attachments: 'Attachments',
  image: 'Lead image',
  imageAlt: 'Image description',
  draft: 'Draft',
  id: 'Permanent id',
};

/** The widget of each field of the model; `streams` is the one that differs by collection. */
function widgets(config: NewsConfig, home: Stream): { readonly [F in KnownField]: Widget } {
  const others = config.streams.filter((stream) => stream.slug !== home.slug);
  return {
    title: { widget: 'string', hint: 'One line of plain text.' },
    // A new item is dated today, as `npm run new` dates it.
    date: { ...day, default: '{{now}}' },
    updated: { ...day, hint: 'Only for a change that matters to readers; never before the publication date.' },
    streams: {
      widget: 'select', multiple: true, options: others.map((stream) => ({ label: stream.title, value: stream.slug })),
      hint: `It is always in ${home.title}, where it is filed.`,
    },
    summary: { widget: 'text', hint: 'Plain text. Leave it empty to use the first paragraph.' },
    tags: { widget: 'list', hint: 'Separate tags with commas.' },
    authors: {
      label_singular: 'author', widget: 'list', summary: '{{fields.name}}',
      fields: fieldsOf(authorFields, {
        name: { widget: 'string' },
        email: { widget: 'string', pattern: [emailPattern.source, 'An e-mail address, such as name@example.org'] },
        url: { widget: 'string', pattern: httpUrl },
      }, { name: 'Name', email: 'E-mail', url: 'Web page' }, ['name']),
    },
    organisation: { widget: 'string', hint: 'Who the news comes from.' },
    region: { widget: 'string', hint: 'Where it happens, e.g. the pathfinder site.' },
    link: { widget: 'string', pattern: httpUrl, hint: 'Makes the item a link post to news published elsewhere.' },
    attachments: {
      label_singular: 'attachment', widget: 'list', summary: '{{fields.title}} {{fields.url}}',
      fields: fieldsOf(attachmentFieldsShown, {
        url: { widget: 'file', choose_url: false },
        title: { widget: 'string', hint: 'What readers see as the link; the file name when empty.' },
      }, { url: 'File', title: 'Title' }, ['url']),
    },
    image: { widget: 'image', choose_url: false },
    imageAlt: { widget: 'string', hint: 'Required with a lead image: what it shows, for people who cannot see it.' },
    // A new item starts as a draft, as `npm run new` writes it: nothing unfinished is published.
    draft: { widget: 'boolean', default: true, hint: 'A draft is kept out of the published site and shown only in previews. Turn it off to publish the item.' },
    // Written once, as the item is first saved (cms/editor.ts), and never shown.
    id: { widget: 'hidden' },
  };
}

/** The widgets of a set of fields, in the set's order, labelled, and required where named. */
function fieldsOf<N extends string>(names: readonly N[], widgets: { readonly [K in N]: Widget }, labels: { readonly [K in N]: string }, required: readonly N[]): CmsField[] {
  return names.map((name) => ({ name, label: labels[name], ...widgets[name], required: required.includes(name) }) as CmsField);
}

function collection(config: NewsConfig, stream: Stream, options: CmsConfigOptions): CmsCollection {
  const all = widgets(config, stream);
  const fields = fieldsOf(knownFields, all, fieldLabels, requiredFields)
    .filter((field) => field.name !== 'streams' || config.streams.length > 1);
  return {
    name: stream.slug,
    label: stream.title,
    label_singular: `${stream.title} item`,
    description: stream.description,
    folder: `${options.contentDir}/${stream.slug}`,
    // Under the year, as `npm run new` files them; `year` is the publication date's.
    path: '{{year}}/{{slug}}',
    slug: '{{slug}}',
    extension: 'md',
    format: 'yaml-frontmatter',
    create: true,
    summary: '{{title}} ({{fields.date}})',
    sortable_fields: [{ field: 'date', default_sort: 'desc' }, 'title'],
    view_filters: [{ label: 'Drafts', field: 'draft', pattern: true }],
    // With `path`, Decap would put uploads beside the item; they belong in the files folder (docs/content.md).
    ...mediaFolders(config, options, '/'),
    preview_path: itemPath(stream.slug, '{{year}}', '{{filename}}').slice(1),
    preview_path_date_field: 'date',
    // Decap's preview of the body runs DOMPurify (sanitize_preview defaults to true); the site's sanitiser decides what is published.
    fields: [...fields, { name: 'body', label: 'Text', widget: 'markdown', required: true }],
  };
}

/** Where uploads go (relative to the repository's root, `/` first for a collection's) and the site path items link them by. */
function mediaFolders(config: NewsConfig, options: CmsConfigOptions, root: '' | '/') {
  return { media_folder: `${root}${options.contentDir}/${config.files.dir}`, public_folder: config.files.urlPath.replace(/\/$/, '') };
}

function backend(backend: CmsBackend): DecapBackend {
  return backend.name === 'github'
    ? { name: 'github', repo: backend.repo, branch: backend.branch, ...(backend.baseUrl && { base_url: backend.baseUrl }) }
    : { name: 'git-gateway', branch: backend.branch };
}

/** The configuration of the CMS. */
export function cmsConfig(config: NewsConfig, options: CmsConfigOptions): DecapConfig {
  return {
    backend: backend(options.cms.backend),
    ...(options.localBackend && { local_backend: { url: options.localBackend } }),
    site_url: config.site.baseUrl,
    display_url: config.site.baseUrl,
    ...mediaFolders(config, options, ''),
    slug: fileSlug,
    collections: config.streams.map((stream) => collection(config, stream, options)),
  };
}

/** What the editor script (cms/editor.ts) needs to know of the site; `stylesheet` is the site path of its stylesheet. */
export function editorSettings(config: NewsConfig, stylesheet: string): EditorSettings {
  return {
    idAuthority: config.idAuthority,
    timeZone: config.site.timeZone,
    language: config.site.language,
    futureAllowanceHours: config.futureAllowanceHours,
    siteTitle: config.site.title,
    streams: Object.fromEntries(config.streams.map((stream) => [stream.slug, stream.title])),
    stylesheet,
    fileSlug,
    labels: fieldLabels,
  };
}

/** /admin/config.yml. */
export function renderCmsConfig(config: NewsConfig, options: CmsConfigOptions): string {
  // No anchors and aliases for the fields the collections share: each collection reads whole.
  const yaml = stringify(cmsConfig(config, options), { lineWidth: 0, aliasDuplicateObjects: false });
  return `# Made by the build from news.config.ts and the content model (cms/config.ts): edits here are lost.\n${yaml}`;
}
