/**
 * The store is input: people merge, hand-edit and restore its files. Every read checks
 * each stored item by the rules the fetch wrote it by (`entries.ts`: dates, links,
 * plain-text titles and names, the summary allowlist), so that a damaged item is
 * reported with its file, key and field, and is never published nor crashes a build.
 * The fetch's state is checked by its shape: a damaged field is left out, as the next
 * fetch writes it afresh.
 */
import path from 'node:path';
import type { Problem } from '../problems.ts';
import { checkPartnerDate, cleanSummary, plainText, resolveLink } from './entries.ts';
import { maxFreshnessMs, maxRetryAfterMs } from './http.ts';
import type { SourceState, StoredItem } from './store.ts';

export interface StoreCheckOptions {
  /** The moment the store is read at: a date further ahead than the fetch allows is damage. Without it, no date is too far ahead. */
  readonly now?: Date;
  readonly futureAllowanceHours?: number;
  /** The ids of items already read, with where they are: given for every file read together, an id repeated across files is found too. */
  readonly ids?: Map<string, { readonly file: string; readonly index: number }>;
}

/** The checks for reading all of a store's files together at `now`: an id is compared across the files too. */
export function storeChecks(now: Date, futureAllowanceHours: number): StoreCheckOptions {
  return { now, futureAllowanceHours, ids: new Map() };
}

const itemFields = ['key', 'id', 'title', 'link', 'published', 'publishedFrom', 'updated', 'firstSeen', 'authors', 'summaryHtml'];
const repairHint = 'correct the field or delete the item, or restore the file from git (npm run fetch writes it); until then the item is not published and its source not fetched';

/** The sound items of an items file, and a problem for each damaged item (left out), each repeated key or id, and each unknown field. */
export function checkStoredItems(file: string, items: readonly unknown[], options: StoreCheckOptions = {}): { items: StoredItem[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const kept: StoredItem[] = [];
  const keys = new Map<string, { file: string; index: number }>();
  const ids = options.ids ?? new Map<string, { file: string; index: number }>();
  items.forEach((raw, index) => {
    const { item, problems: found } = checkStoredItem(file, raw, index, options);
    problems.push(...found);
    if (item === undefined) return;
    const repeated = ([['key', keys], ['id', ids]] as const).find(([field, seen]) => seen.has(item[field]));
    if (repeated !== undefined) {
      const [field, seen] = repeated;
      const earlier = seen.get(item[field]);
      const where = earlier === undefined || earlier.file === file ? '' : ` in ${path.basename(earlier.file)}`;
      problems.push({ severity: 'error', file, field: `items.${index}.${field}`, message: `item "${item.key}": its ${field} "${item[field]}" is also that of item ${(earlier?.index ?? 0) + 1}${where}`, hint: repairHint });
      return;
    }
    keys.set(item.key, { file, index });
    ids.set(item.id, { file, index });
    kept.push(item);
  });
  return { items: kept, problems };
}

function checkStoredItem(file: string, raw: unknown, index: number, options: StoreCheckOptions): { item?: StoredItem; problems: Problem[] } {
  if (!isRecord(raw)) return { problems: [{ severity: 'error', file, field: `items.${index}`, message: `item ${index + 1} is ${JSON.stringify(raw)}, not an item with its fields`, hint: repairHint }] };
  const key = typeof raw.key === 'string' && raw.key.trim() !== '' ? raw.key : undefined;
  const problems: Problem[] = Object.keys(raw).filter((name) => !itemFields.includes(name)).map((name) => ({
    severity: 'warning', file, field: `items.${index}.${name}`, message: `item ${key === undefined ? index + 1 : `"${key}"`}: "${name}" is not a field of a stored item and is ignored`, hint: `the fields are: ${itemFields.join(', ')}`,
  }));
  const fail = (field: string, message: string): undefined => {
    problems.push({ severity: 'error', file, field: `items.${index}.${field}`, message: `item ${key === undefined ? index + 1 : `"${key}"`}: ${message}`, hint: repairHint });
    return undefined;
  };
  const text = (field: string) => (typeof raw[field] === 'string' ? (raw[field] as string) : undefined);
  const date = (field: string, required: boolean) => {
    const value = text(field);
    if (raw[field] !== undefined && value === undefined) return fail(field, `its ${field} date ${JSON.stringify(raw[field])} is not text`);
    if (value === undefined) return required ? fail(field, `has no ${field} date`) : undefined;
    const ahead = options.now && { now: options.now, hours: options.futureAllowanceHours ?? 0, of: 'the time the store was read' };
    const reading = checkPartnerDate(value, ahead);
    return reading.problem === undefined ? iso(reading.at) : fail(field, `its ${field} date "${value}" cannot be used (${reading.problem})`);
  };
  if (key === undefined) fail('key', 'has no key (the partner\'s id for the entry)');
  const id = text('id');
  // RFC 4151 in outline; the fetch writes tag:<authority>,<day>:partners/<source>/<hash>.
  if (id === undefined || !/^tag:[^\s,:]+,\d{4}(?:-\d{2}){0,2}:\S+$/.test(id)) fail('id', id === undefined ? 'has no id' : `its id "${id}" is not a tag: URI`);
  const title = checkPlain(text('title'), 'title', fail);
  const link = resolveLink(text('link'), text('link') ?? '') ?? fail('link', text('link') === undefined ? 'has no link' : `its link "${text('link')}" is not an absolute http(s) address`);
  const summaryHtml = text('summaryHtml') ?? fail('summaryHtml', 'has no summaryHtml (write "" for none)');
  if (summaryHtml !== undefined && !isAllowedSummary(summaryHtml, link ?? '')) {
    const quoted = summaryHtml.length > 80 ? `${summaryHtml.slice(0, 79)}…` : summaryHtml;
    fail('summaryHtml', `its summary "${quoted}" holds HTML the summary allowlist does not allow (it allows paragraphs, emphasis, lists, quotations and http(s) links, in at most 400 characters)`);
  }
  const [published, updated, firstSeen] = [date('published', true), date('updated', false), date('firstSeen', true)];
  const publishedFrom = raw.publishedFrom === 'feed' || raw.publishedFrom === 'first-seen' ? raw.publishedFrom : fail('publishedFrom', `its publishedFrom is ${JSON.stringify(raw.publishedFrom)}, not "feed" or "first-seen"`);
  const authors = Array.isArray(raw.authors) ? raw.authors.map((name: unknown, n: number) => checkPlain(typeof name === 'string' ? name : undefined, `authors.${n}`, fail)) : fail('authors', 'has no authors list (write [] for none)');
  if (problems.some((p) => p.severity === 'error')) return { problems };
  return {
    item: {
      key: key as string, id: id as string, title: title as string, link: link as string, summaryHtml: summaryHtml as string, published: published as string,
      publishedFrom: publishedFrom as StoredItem['publishedFrom'], ...(updated !== undefined && { updated }), authors: authors as string[], firstSeen: firstSeen as string,
    },
    problems,
  };
}

/**
 * Verdicts already reached, by link and summary: every build and every dev-server rebuild
 * reads the whole store again, and sanitising thousands of unchanged summaries each time
 * would cost most of a second.
 */
const summaryVerdicts = new Map<string, boolean>();

/** Whether a stored summary is what the fetch's sanitiser makes of it: nothing it would remove or change. */
function isAllowedSummary(summaryHtml: string, link: string): boolean {
  const key = `${link}\0${summaryHtml}`;
  let allowed = summaryVerdicts.get(key);
  if (allowed === undefined) {
    allowed = cleanSummary({ value: summaryHtml, type: 'html' }, (href) => resolveLink(href, link)) === summaryHtml;
    if (summaryVerdicts.size < 100_000) summaryVerdicts.set(key, allowed);
  }
  return allowed;
}

/** A title or a name as the fetch keeps them: plain text on one line, nothing that reads as HTML. */
function checkPlain(value: string | undefined, field: string, fail: (field: string, message: string) => undefined): string | undefined {
  const plain = value === undefined ? '' : plainText({ value, type: 'text' });
  const what = field === 'title' ? 'its title' : 'its author';
  if (plain === '') return fail(field, value === undefined ? `has no ${field === 'title' ? 'title' : 'author name here'}` : `${what} is empty`);
  return plain === value ? value : fail(field, `${what} "${value}" is not plain text on one line; as plain text it reads "${plain}"`);
}

/** Why a field's value cannot be used, or undefined when it can; `now` is the moment of the read, when known. */
type StateRule = (value: unknown, now?: number) => string | undefined;

const time = (aheadMs = Infinity): StateRule => (value, now) => {
  const at = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(at)) return 'is not a time';
  return now !== undefined && at > now + aheadMs ? 'is further ahead than a fetch ever waits' : undefined;
};
const headerValue: StateRule = (value) => (typeof value === 'string' && /^[\t\x20-\x7e\x80-\xff]*$/.test(value) ? undefined : 'is not a header value');
const stateRules: Record<keyof SourceState, StateRule> = {
  lastAttempt: time(),
  lastOutcome: (value) => (['updated', 'not-modified', 'fresh', 'failed'].includes(value as string) ? undefined : 'is not updated, not-modified, fresh or failed'),
  lastSuccess: time(),
  status: (value) => (Number.isInteger(value) && (value as number) >= 100 && (value as number) <= 599 ? undefined : 'is not an HTTP status'),
  lastError: (value) => (typeof value === 'string' ? undefined : 'is not text'),
  retryAfter: time(maxRetryAfterMs),
  itemsInFeed: (value) => (Number.isInteger(value) && (value as number) >= 0 ? undefined : 'is not a count'),
  cache: (value) => (isRecord(value) ? undefined : 'is not the cache\'s validators'),
};
const cacheRules: Record<string, StateRule> = { etag: headerValue, lastModified: headerValue, cacheControl: headerValue, expires: headerValue, freshUntil: time(maxFreshnessMs) };

/** The fetch's state with each field of the wrong shape, or unknown, left out and reported. */
export function checkSourceState(file: string, data: Record<string, unknown>, options: StoreCheckOptions = {}): { state: SourceState; problems: Problem[] } {
  const problems: Problem[] = [];
  const keep = (fields: Record<string, unknown>, rules: Record<string, StateRule>, prefix: string): Record<string, unknown> => {
    const kept: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(fields)) {
      const rule = rules[name];
      const why = rule === undefined ? 'is not a field of the fetch\'s state' : rule(value, options.now?.getTime());
      if (why === undefined) kept[name] = name === 'cache' && prefix === '' ? keep(value as Record<string, unknown>, cacheRules, 'cache.') : value;
      else problems.push({ severity: 'warning', file, field: `${prefix}${name}`, message: `${JSON.stringify(value)} ${why}, so it is ignored`, hint: 'the next fetch of the source writes it afresh' });
    }
    return kept;
  };
  return { state: keep(data, stateRules, '') as SourceState, problems };
}

function iso(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('.000Z', 'Z');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
