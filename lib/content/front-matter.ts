/**
 * The content model's field rules, in one place. `checkFrontMatter` goes through every
 * field of one file and collects every problem; it never throws and never stops at
 * the first problem.
 */
import mime from 'mime';
import { parseNewsDate, hoursAfter } from '../dates.ts';
import { isPermanentId } from '../ids.ts';
import type { Author, NewsDate } from '../model.ts';
import type { Problem, Severity } from '../problems.ts';
import { slugify } from '../slug.ts';
import { htmlToText } from '../html-text.ts';
import { collapseSpace, listUnwantedChars, removeUnwantedChars } from '../text.ts';
import { lineOfField, type FieldLines } from '../yaml.ts';
import { isHttpUrl, isSitePath } from '../urls.ts';

/** A field the content model defines. */
export const knownFields = [
  'title', 'date', 'updated', 'streams', 'summary', 'tags', 'authors', 'organisation', 'region',
  'link', 'attachments', 'image', 'imageAlt', 'draft', 'id',
] as const;

export type KnownField = (typeof knownFields)[number];

/** The fields every item must have. */
export const requiredFields = ['title', 'date'] as const satisfies readonly KnownField[];

/** The fields of an author written as a set of fields. */
export const authorFields = ['name', 'email', 'url'] as const;

/** The fields of an attachment. */
export const attachmentFields = ['url', 'title', 'type', 'size'] as const;

/** What an author's `email` must look like. */
export const emailPattern = /^[^\s@<>"]+@[^\s@<>".]+(?:\.[^\s@<>".]+)+$/;

const isRequired = (field: KnownField): boolean => (requiredFields as readonly KnownField[]).includes(field);

/** An attachment as written, with its URL still possibly site-relative. */
export interface AttachmentInput {
  readonly url: string;
  readonly title?: string;
  readonly type: string;
  readonly size?: number;
}

/** The checked, typed front matter of one file. */
export interface FrontMatter {
  readonly title: string;
  readonly date: NewsDate;
  /** The publication day in the site's zone, `YYYY-MM-DD`, for default ids. */
  readonly calendarDay: string;
  readonly updated?: NewsDate;
  readonly streams: readonly string[];
  readonly summary?: string;
  readonly tags: readonly string[];
  readonly authors: readonly Author[];
  readonly organisation?: string;
  readonly region?: string;
  readonly link?: string;
  readonly attachments: readonly AttachmentInput[];
  readonly image?: string;
  readonly imageAlt?: string;
  readonly draft: boolean;
  readonly id?: string;
}

/** What the rules need to know beyond the file itself. */
export interface FrontMatterContext {
  readonly file: string;
  /** 1-based line of each dotted field path in the file. */
  readonly lines: FieldLines;
  readonly streams: readonly string[];
  readonly timeZone: string;
  readonly language: string;
  readonly now: Date;
  readonly futureAllowanceHours: number;
  readonly filesUrlPath: string;
  readonly filesDir: string;
  /** Size in bytes of a file under the files folder, or undefined when there is none. */
  readonly fileSize: (relativePath: string) => number | undefined;
}

/**
 * Checks `data` against the content model: the front matter as `parseYaml` reads it with
 * `scalars: 'text'` (so `draft` and attachment sizes are text here, interpreted below), or
 * already typed (booleans and numbers are accepted where the field means one).
 */
export function checkFrontMatter(data: unknown, context: FrontMatterContext): { fields?: FrontMatter; problems: Problem[] } {
  const problems: Problem[] = [];
  const report = (severity: Severity, field: string, message: string, hint?: string) => {
    problems.push({ severity, file: context.file, line: lineOfField(context.lines, field), field, message, ...(hint ? { hint } : {}) });
  };
  if (!isRecord(data)) {
    report('error', 'front matter', 'the front matter is not a set of fields', 'start the file with ---, then one "field: value" per line, then ---');
    return { problems };
  }
  const reader = new FieldReader(data, report);

  for (const key of Object.keys(data)) {
    if ((knownFields as readonly string[]).includes(key)) continue;
    const guess = closest(key, knownFields);
    report('warning', key, `"${key}" is not a field of the content model and is ignored`, guess ? `did you mean "${guess}"?` : `the fields are: ${knownFields.join(', ')}`);
  }

  const title = reader.text('title', { required: isRequired('title'), oneLine: true, plain: true });
  const draft = reader.boolean('draft');
  const date = readDate(reader, 'date', context);
  const updated = readUpdated(reader, date, context);
  // A draft is not published, so it may be dated ahead: that is how an item waits until it is due.
  if (!draft) {
    const latest = hoursAfter(context.now, context.futureAllowanceHours);
    const ahead = `at most ${context.futureAllowanceHours} hours ahead`;
    if (date && date.date.epochMs > latest) {
      report('error', 'date', `${date.text} is in the future`, `items may be dated ${ahead}; correct the date, or mark the item draft: true until it is due`);
    }
    if (updated && updated.date.epochMs > latest) {
      report('error', 'updated', `${updated.text} is in the future`, `an update may be dated ${ahead}; correct it, or mark the item draft: true until it is due`);
    }
  }
  const streams = reader.list('streams').filter((stream, index) => {
    if (context.streams.includes(stream)) return true;
    report('error', `streams.${index}`, `"${stream}" is not a configured stream`, `use one of: ${context.streams.join(', ')}`);
    return false;
  });
  const summary = reader.text('summary', { oneLine: false, plain: true });
  const tags = readTags(reader, data.tags, report).filter((tag, index) => {
    if (slugify(tag) !== '') return true;
    report('error', `tags.${index}`, `"${tag}" has no letters or digits, so it cannot have a page`, 'write the tag with at least one letter or digit');
    return false;
  });
  const authors = readAuthors(reader, data.authors, report);
  const organisation = reader.text('organisation', { oneLine: true, plain: true });
  const region = reader.text('region', { oneLine: true, plain: true });
  const link = reader.url('link', { sitePathAllowed: false });
  const attachments = readAttachments(reader, data.attachments, context, report);
  const image = reader.url('image', { sitePathAllowed: true });
  if (image !== undefined) checkLocalFile(image, 'image', context, report);
  const imageAlt = data.imageAlt === undefined ? undefined : reader.text('imageAlt', { oneLine: true, emptyAllowed: true, plain: true });
  if (image !== undefined && data.imageAlt === undefined) {
    report('error', 'image', 'the image has no imageAlt', 'describe the image in imageAlt, or write imageAlt: "" if it is only decoration');
  }
  if (image === undefined && data.imageAlt !== undefined && data.image === undefined) {
    report('warning', 'imageAlt', 'imageAlt is given but there is no image', 'add image, or remove imageAlt');
  }
  const id = reader.text('id', { oneLine: true });
  if (id !== undefined && !isPermanentId(id)) {
    report('error', 'id', `"${id}" is not an absolute URI that feeds accept as an id`, 'use a tag: URI such as tag:3millionlives.co.uk,2013-03-22:pathfinder/my-item, or leave id out');
  }

  if (problems.some((p) => p.severity === 'error') || title === undefined || date === undefined) return { problems };
  return {
    problems,
    fields: {
      title, date: date.date, calendarDay: date.calendarDay, streams, tags, authors, attachments, draft,
      ...(updated && { updated: updated.date }),
      ...(summary !== undefined && { summary }),
      ...(organisation !== undefined && { organisation }),
      ...(region !== undefined && { region }),
      ...(link !== undefined && { link }),
      ...(image !== undefined && { image }),
      ...(imageAlt !== undefined && { imageAlt }),
      ...(id !== undefined && { id }),
    },
  };
}

interface TextRules {
  readonly required?: boolean;
  readonly oneLine: boolean;
  readonly emptyAllowed?: boolean;
  /** A name or label: HTML markup and entities are read as the text they stand for. */
  readonly plain?: boolean;
}

type Report = (severity: Severity, field: string, message: string, hint?: string) => void;

/** Reads typed values out of a record, reporting each wrong one under its field. */
class FieldReader {
  constructor(
    private readonly data: Record<string, unknown>,
    readonly report: Report,
  ) {}

  /**
   * A top-level text field. A required one written with nothing after it (`title:`) is
   * empty, not missing; an optional one so written is left out, as if it were not there.
   */
  text(field: string, rules: TextRules): string | undefined {
    const value = this.data[field];
    return this.textValue(field, value === null && rules.required ? '' : value, rules);
  }

  /** Any text value, reported under the dotted `field`. */
  textValue(field: string, value: unknown, rules: TextRules): string | undefined {
    if (value === undefined || value === null) {
      if (rules.required) this.report('error', field, 'is missing', `add a line "${field.slice(field.lastIndexOf('.') + 1)}: ..." to the front matter`);
      return undefined;
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      this.report('error', field, `must be text, not ${describe(value)}`, 'write it as one line of text, in quotes if it contains a colon');
      return undefined;
    }
    const raw = String(value);
    // YAML escapes ("\x01", "\uD800") can carry characters no page or feed may hold.
    let text = removeUnwantedChars(raw).trim();
    if (text.length !== raw.trim().length) {
      this.report('warning', field, `contains characters that cannot be published (${listUnwantedChars(raw).join(', ')}); they are left out`, 'remove them from the value');
    }
    if (rules.plain && /[<&]/.test(text)) {
      const plain = htmlToText(text);
      if (plain !== collapseSpace(text)) {
        this.report('warning', field, `"${text}" contains HTML, which a plain-text ${field.replace(/\.\d+/g, '')} cannot carry; it is read as "${plain}"`, `write the plain text: ${plain || '(nothing is left)'}`);
        // A required field left empty is the error below, so the file is never dropped on a warning alone.
        if (plain === '' && !rules.required) return undefined;
        text = plain;
      }
    }
    if (text === '' && !rules.emptyAllowed) {
      this.report('error', field, 'is empty', rules.required ? `write the ${field}` : `write the ${field}, or remove the line`);
      return undefined;
    }
    if (rules.oneLine && /[\r\n]/.test(text)) {
      this.report('error', field, 'runs over more than one line', 'write it on one line');
      return undefined;
    }
    return text;
  }

  list(field: string): string[] {
    const value = this.data[field];
    if (value === undefined || value === null) return [];
    const entries = Array.isArray(value) ? value : [value];
    return entries.flatMap((entry, index) => this.textValue(Array.isArray(value) ? `${field}.${index}` : field, entry, { oneLine: true, plain: true }) ?? []);
  }

  /** A top-level URL field. */
  url(field: string, rules: { sitePathAllowed: boolean }): string | undefined {
    return this.urlValue(field, this.data[field], rules);
  }

  urlValue(field: string, value: unknown, rules: { sitePathAllowed: boolean }): string | undefined {
    const text = this.textValue(field, value, { oneLine: true });
    if (text === undefined) return undefined;
    if (isHttpUrl(text)) return new URL(text).href;
    if (rules.sitePathAllowed && isSitePath(text)) return text;
    const allowed = rules.sitePathAllowed ? 'an absolute http(s) URL or a site path starting with /' : 'an absolute http(s) URL';
    this.report('error', field, `"${text}" is not ${allowed}`, 'write e.g. https://www.example.org/page');
    return undefined;
  }

  /** `true` or `false` (also as YAML's `True`, `TRUE`, ...); nothing else, not even `yes`, which YAML 1.1 read as true. */
  boolean(field: string): boolean {
    const value = this.data[field];
    if (value === undefined || value === null || typeof value === 'boolean') return value === true;
    if (typeof value === 'string' && /^(?:true|True|TRUE|false|False|FALSE)$/.test(value)) return value.toLowerCase() === 'true';
    this.report('error', field, `must be true or false, not ${JSON.stringify(value)}`, `write ${field}: true, or remove the line`);
    return false;
  }
}

/** A date field as written, read. */
interface DateField {
  readonly text: string;
  readonly date: NewsDate;
  /** The day in the site's zone, `YYYY-MM-DD`. */
  readonly calendarDay: string;
}

function readDate(reader: FieldReader, field: 'date' | 'updated', context: FrontMatterContext): DateField | undefined {
  const text = reader.text(field, { required: isRequired(field), oneLine: true });
  if (text === undefined) return undefined;
  const reading = parseNewsDate(text, context.timeZone, context.language);
  if (reading.ok) return { text, date: reading.date, calendarDay: reading.calendarDay };
  reader.report('error', field, reading.reason, 'write YYYY-MM-DD, or a date-time such as 2013-03-22T10:30 (Europe/London) or 2013-03-22T10:30:00Z');
  return undefined;
}

/**
 * `updated`, when it is an update: without a time, on the publication day itself, it says
 * nothing `date` does not, so it is no update. Never earlier than `date`.
 */
function readUpdated(reader: FieldReader, date: DateField | undefined, context: FrontMatterContext): DateField | undefined {
  const updated = readDate(reader, 'updated', context);
  if (updated === undefined || date === undefined) return updated;
  if (!updated.date.hasTime && updated.calendarDay === date.calendarDay) return undefined;
  if (updated.date.epochMs >= date.date.epochMs) return updated;
  const [written, publication] = [updated.text, date.text];
  if (date.date.hasTime || updated.calendarDay !== date.calendarDay) {
    reader.report('error', 'updated', `${written} is earlier than date ${publication}`, 'set updated to the date or later, or remove it');
  } else {
    // A date without a time stands for noon of that day (see parseNewsDate), so an update that morning comes before it.
    reader.report('error', 'updated', `${written} is earlier than date ${publication}, which without a time stands for 12:00 that day (${context.timeZone})`, `write the date with its time, e.g. ${publication}T09:00, or set updated to 12:00 or later`);
  }
  return undefined;
}

/**
 * Tags: a list, or one tag. `tags: telecare, carers` is one line of YAML, so one tag with a
 * comma in it: what its author meant is two tags, and they are read as two, with a warning
 * saying so. In a list, a tag with a comma was written so on purpose: it is kept, with a
 * warning in case it was not.
 */
function readTags(reader: FieldReader, value: unknown, report: Report): string[] {
  const listForm = 'write them as a list: tags: [telecare, carers], or one per line starting with "- "';
  if (typeof value === 'string' && value.includes(',')) {
    const meant = value.split(',').map((tag) => tag.trim()).filter((tag) => tag !== '');
    report('warning', 'tags', `"${value.trim()}" is one line, so it is read as ${meant.length} tags: ${meant.map((tag) => `"${tag}"`).join(', ')}`, listForm);
    return meant.flatMap((tag) => reader.textValue('tags', tag, { oneLine: true, plain: true }) ?? []);
  }
  const tags = reader.list('tags');
  if (Array.isArray(value)) {
    tags.forEach((tag, index) => {
      if (tag.includes(',')) report('warning', `tags.${index}`, `"${tag}" is one tag with a comma in it`, `if you meant several tags, ${listForm}`);
    });
  }
  return tags;
}

/** A name, one `{ name, email, url }`, or a list of either. */
function readAuthors(reader: FieldReader, value: unknown, report: Report): Author[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((entry, index) => readAuthor(reader, `authors.${index}`, entry, report));
  return readAuthor(reader, 'authors', value, report);
}

function readAuthor(reader: FieldReader, field: string, entry: unknown, report: Report): Author[] {
  if (!isRecord(entry)) {
    const name = reader.textValue(field, entry, { oneLine: true, plain: true });
    return name === undefined ? [] : [{ name }];
  }
  for (const key of Object.keys(entry)) {
    if (!(authorFields as readonly string[]).includes(key)) report('warning', `${field}.${key}`, `"${key}" is not a field of an author and is ignored`, `an author has ${listed(authorFields)}`);
  }
  const name = reader.textValue(`${field}.name`, entry.name, { required: true, oneLine: true, plain: true });
  const email = reader.textValue(`${field}.email`, entry.email, { oneLine: true });
  if (email !== undefined && !emailPattern.test(email)) {
    report('error', `${field}.email`, `"${email}" is not an e-mail address`, 'write it as name@example.org, or remove it');
  }
  const url = reader.urlValue(`${field}.url`, entry.url, { sitePathAllowed: false });
  if (name === undefined) return [];
  return [{ name, ...(email !== undefined && { email }), ...(url !== undefined && { url }) }];
}

function readAttachments(reader: FieldReader, value: unknown, context: FrontMatterContext, report: Report): AttachmentInput[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    report('error', 'attachments', `must be a list, not ${describe(value)}`, 'write each attachment as a list item: "- url: /files/plan.pdf"');
    return [];
  }
  return value.flatMap((entry, index): AttachmentInput[] => {
    const field = `attachments.${index}`;
    if (!isRecord(entry)) {
      report('error', field, `an attachment must have fields, not ${describe(entry)}`, 'write "- url: /files/plan.pdf" with optional title, type and size');
      return [];
    }
    for (const key of Object.keys(entry)) {
      if (!(attachmentFields as readonly string[]).includes(key)) report('warning', `${field}.${key}`, `"${key}" is not a field of an attachment and is ignored`, `an attachment has ${listed(attachmentFields)}`);
    }
    const url = reader.urlValue(`${field}.url`, entry.url, { sitePathAllowed: true });
    if (entry.url === undefined) report('error', `${field}.url`, 'the attachment has no url', 'add url: with the file\'s address');
    const title = reader.textValue(`${field}.title`, entry.title, { oneLine: true, plain: true });
    const declaredType = reader.textValue(`${field}.type`, entry.type, { oneLine: true });
    if (declaredType !== undefined && !/^[\w.+-]+\/[\w.+-]+$/.test(declaredType)) {
      report('error', `${field}.type`, `"${declaredType}" is not a media type`, 'write e.g. application/pdf, or leave type out to have it worked out from the file name');
    }
    const declaredSize = readSize(entry.size);
    if (declaredSize === null) {
      report('error', `${field}.size`, `${JSON.stringify(entry.size)} is not a size in bytes`, 'write a whole number of bytes, or leave size out for files under /files/');
    }
    if (url === undefined) return [];
    const actualSize = checkLocalFile(url, `${field}.url`, context, report);
    const size = declaredSize ?? actualSize;
    if (typeof declaredSize === 'number' && actualSize !== undefined && declaredSize !== actualSize) {
      report('warning', `${field}.size`, `${declaredSize} bytes is not the file's size, ${actualSize} bytes`, `write size: ${actualSize}, or leave size out`);
    }
    const type = declaredType ?? mime.getType(new URL(url, 'https://x.invalid').pathname) ?? 'application/octet-stream';
    return [{ url, type, ...(title !== undefined && { title }), ...(size !== undefined && { size }) }];
  });
}

/** A size in bytes written as digits (or given as a whole number); undefined when absent, null when it is no size. */
function readSize(value: unknown): number | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && /^[0-9]+$/.test(value)) return Number(value);
  return Number.isInteger(value) && (value as number) >= 0 ? (value as number) : null;
}

/** For a URL under the files path, the file's size; reports a file that is not there. */
function checkLocalFile(url: string, field: string, context: FrontMatterContext, report: Report): number | undefined {
  if (!url.startsWith(context.filesUrlPath)) return undefined;
  const relative = decodeURIComponent(url.slice(context.filesUrlPath.length).split(/[?#]/)[0] ?? '');
  const size = context.fileSize(relative);
  if (size === undefined) report('error', field, `"${url}" names no file: ${context.filesDir}/${relative} does not exist`, `add the file to ${context.filesDir}/, or correct the URL`);
  return size;
}



/** `name, email and url`. */
function listed(names: readonly string[]): string {
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'a set of fields';
  return JSON.stringify(value);
}

/** The known field nearest to a misspelt one, when it is close enough to be a typo. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
