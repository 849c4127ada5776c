/**
 * A fingerprint of each output's declared inputs, so that a build writes only what
 * changed, and the dev server only what an edit changed: outputs are compared by the
 * value of what they are made from, never by which objects hold it.
 *
 * An item counts by its revision, a hash of its whole value, its body by a digest of it:
 * the thread that read an item's file hashes its body then (pipeline/parallel.ts), so a thread
 * without the body can still fingerprint what shows the item. A feed channel inside a
 * document counts by its names and places, not by the items it holds (the document's own
 * items are counted). Items are frozen (lib/news.ts), so an item's revision, once worked
 * out, is kept with it for as long as the item lives.
 */
import { hash } from 'node:crypto';
import type { FeedChannel } from '../lib/feeds/spec.ts';
import type { NewsItem } from '../lib/model.ts';
import type { AnyOutput } from './outputs.ts';

const revisions = new WeakMap<NewsItem, string>();

/** The digest of an item's body, by item id, where the thread that read it worked it out. */
export type BodyDigests = ReadonlyMap<string, string>;

/** A digest of a body. */
export function bodyDigest(contentHtml: string): string {
  return hash('sha1', contentHtml, 'base64url');
}

/** A hash of everything an item holds, its body by `digests` when it has the item's. */
export function itemRevision(item: NewsItem, digests?: BodyDigests): string {
  let revision = revisions.get(item);
  if (revision === undefined) {
    const body = digests?.get(item.id) ?? bodyDigest(item.contentHtml);
    revision = hash('sha1', JSON.stringify({ ...item, contentHtml: body }), 'base64url');
    revisions.set(item, revision);
  }
  return revision;
}

/** Whether an object of a site's data is an item: what fingerprints and substitutions (site/substitute.ts) go by. */
export function isItem(value: object): value is NewsItem {
  return 'id' in value && 'contentHtml' in value && 'sources' in value;
}

/** Whether an object of a site's data is a feed channel, which holds all its items though a document shows only its own. */
export function isChannel(value: object): value is FeedChannel {
  return 'inEntryOrder' in value;
}

/**
 * What an object stands for in a fingerprint: an item by its revision, a channel by its
 * names and places (not its items), anything else by a hash of its own fields, each
 * object in them by what it stands for. An object shared by many outputs (a section, the
 * feeds' links) is so worked out once, whichever output reaches it first.
 */
const standsFor = new WeakMap<object, string>();

function summaryOf(value: object, digests: BodyDigests | undefined): string {
  let summary = standsFor.get(value);
  if (summary === undefined) {
    if (isItem(value)) summary = `item:${itemRevision(value, digests)}`;
    else if (isChannel(value)) summary = JSON.stringify({ key: value.key, title: value.title, description: value.description, homePath: value.homePath, aboutPath: value.aboutPath });
    else summary = hash('sha1', JSON.stringify(value, (key, field: unknown) => (key !== '' && typeof field === 'object' && field !== null ? summaryOf(field, digests) : field)), 'base64url');
    standsFor.set(value, summary);
  }
  return summary;
}

/** The fingerprint of one output: its route, its path and its data. */
export function fingerprint(output: AnyOutput, digests?: BodyDigests): string {
  return hash('sha1', `${output.route}\0${output.path}\0${summaryOf(output.data, digests)}`, 'base64url');
}
