/**
 * The sections of the site: the integrated stream, each stream and each tag. Each has
 * paged listings and a feed channel; both are made from the section, so they agree.
 */
import type { NewsConfig } from '../lib/config.ts';
import { feedChannel, feedPath, feedFormats, formatFiles, type FeedChannel, type FeedFormat } from '../lib/feeds/spec.ts';
import type { NewsItem } from '../lib/model.ts';
import type { StreamView, TagView } from '../lib/select.ts';
import { feedAboutPath, feedArchiveFolder, sectionPath, type SectionKind } from './paths.ts';

/** What pages say about a section, without its items. */
export interface SectionInfo {
  /** `all`, a stream slug, or `tags/<slug>`: unique, and part of the feed's permanent id. */
  readonly key: string;
  readonly kind: SectionKind;
  /** The name shown on the page, e.g. `Social care`, `Telehealth`. */
  readonly name: string;
  readonly description: string;
  /** Site path of the section's first page, e.g. `/social-care/` or `/tags/telehealth/`. */
  readonly path: string;
}

export interface Section extends SectionInfo {
  /** Newest first. */
  readonly items: readonly NewsItem[];
}

/** The integrated stream first, then streams in configuration order, then tags by name. */
export function buildSections(config: NewsConfig, items: readonly NewsItem[], streams: readonly StreamView[], tags: readonly TagView[]): Section[] {
  return [
    { key: 'all', kind: 'all', name: 'All news', description: config.site.description, path: sectionPath({ kind: 'all' }), items },
    ...streams.map((s): Section => ({
      key: s.stream.slug, kind: 'stream', name: s.stream.title, description: s.stream.description,
      path: sectionPath({ kind: 'stream', slug: s.stream.slug }), items: s.items,
    })),
    ...tags.map((t): Section => ({
      key: `tags/${t.tag.slug}`, kind: 'tag', name: t.tag.name, description: `News tagged “${t.tag.name}” from ${config.site.title}.`,
      path: sectionPath({ kind: 'tag', slug: t.tag.slug }), items: t.items,
    })),
  ];
}

/** A section without its items, for pages that only name it or link to it. */
export function sectionInfo(section: Section): SectionInfo {
  return { key: section.key, kind: section.kind, name: section.name, description: section.description, path: section.path };
}

/** A section's feed: titled after the site, its files beside the section's page, its archives and about page below it. */
export function sectionChannel(section: Section, siteTitle: string): FeedChannel {
  return feedChannel({
    key: section.key,
    title: section.kind === 'all' ? siteTitle : `${siteTitle}: ${section.name}`,
    description: section.description,
    homePath: section.path,
    folder: section.path,
    archiveFolder: feedArchiveFolder(section.path),
    aboutPath: feedAboutPath(section.path),
    items: section.items,
  });
}

/** What a page needs to link to a channel's feeds (autodiscovery, the feed pages): no items. */
export interface FeedLinks {
  readonly key: string;
  readonly title: string;
  readonly description: string;
  /** The page the feed mirrors. */
  readonly homePath: string;
  /** The page about the feed. */
  readonly aboutPath: string;
  /** Where its subscription documents and archives are. */
  readonly folder: string;
  readonly archiveFolder: string;
  /** Each format's subscription document. */
  readonly files: readonly { readonly format: FeedFormat; readonly name: string; readonly mediaType: string; readonly path: string }[];
}

export function feedLinks(channel: FeedChannel): FeedLinks {
  return {
    key: channel.key, title: channel.title, description: channel.description, homePath: channel.homePath, aboutPath: channel.aboutPath,
    folder: channel.folder, archiveFolder: channel.archiveFolder,
    files: feedFormats.map((format) => ({ format, name: formatFiles[format].name, mediaType: formatFiles[format].mediaType, path: feedPath(channel, format) })),
  };
}
