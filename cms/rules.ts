/**
 * The content model's rules that Decap's widgets cannot hold, applied as an item is saved
 * in the CMS (cms/editor.ts), so that what it writes passes `npm run check`: an update not
 * before the publication date, a lead image with its description, nothing dated ahead but
 * a draft, and the permanent id, made as `npm run new` makes it. Plain values in and out,
 * so the fast tests hold them without a browser.
 */
import type { CmsSlug } from 'decap-cms-core';
import { sanitizeSlug } from 'decap-cms-core/dist/esm/lib/urlHelper.js';
import { defaultItemId } from '../lib/ids.ts';
import { slugify } from '../lib/slug.ts';
import type { EditorSettings } from './bundle.ts';

/**
 * The file name Decap gives a new item of this title: its `prepareSlug` (in
 * decap-cms-core src/lib/formatters.ts, whose module brings half of Decap with it), then
 * its own `sanitizeSlug` by the collection's rules. Without Decap's `-1` when an item of
 * the stream and year has the name already.
 */
export function decapFileName(title: string, rules: CmsSlug): string {
  const prepared = title.trim().toLocaleLowerCase().replace(/'/g, '').replace(/\./g, '-');
  return sanitizeSlug(prepared, rules);
}

/** `date` or `updated` as the CMS holds it: text as written, or a Date where the YAML had a timestamp with an offset. */
export type DateValue = string | Date;

const dateForm = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** A date's day in the site's zone, `YYYY-MM-DD`, and whether it has a time; undefined when it is no date. */
export function readDay(value: DateValue, timeZone: string): { day: string; hasTime: boolean } | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : { day: dayIn(value, timeZone), hasTime: true };
  const match = dateForm.exec(value.trim());
  if (!match?.[1]) return undefined;
  // Without an offset, a time is the site's own (lib/dates.ts): the day is as written.
  if (!match[3]) return { day: match[1], hasTime: match[2] !== undefined };
  const instant = new Date(value.trim());
  return Number.isNaN(instant.getTime()) ? undefined : { day: dayIn(instant, timeZone), hasTime: true };
}

function dayIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The id written into a new item (or one that has none): the default the build would give it, from its file name. */
export function itemIdFor(settings: Pick<EditorSettings, 'idAuthority' | 'timeZone'>, stream: string, fileName: string, date: DateValue): string | undefined {
  const read = readDay(date, settings.timeZone);
  return read && defaultItemId(settings.idAuthority, read.day, stream, slugify(fileName));
}

/** What an item holds that the rules look at. */
export interface SavedFields {
  readonly title?: string;
  readonly date?: DateValue;
  readonly updated?: DateValue;
  readonly image?: string;
  readonly imageAlt?: string;
  readonly draft?: boolean;
}

/**
 * Why an item cannot be saved as it is, for the editor, in the form's words; none when it
 * can. `isNew`: its file is to be named after its title now.
 */
export function savingProblems(fields: SavedFields, settings: EditorSettings, isNew: boolean, now: Date): string[] {
  const { labels } = settings;
  const problems: string[] = [];
  if (isNew && fields.title !== undefined && decapFileName(fields.title, settings.fileSlug) === '') {
    problems.push(`The item's file is named after its title, so "${labels.title}" needs a letter or a digit from A to Z or 0 to 9.`);
  }
  const date = fields.date === undefined ? undefined : readDay(fields.date, settings.timeZone);
  const updated = fields.updated === undefined ? undefined : readDay(fields.updated, settings.timeZone);
  // Day by day: an update later on the same day is for `npm run check` to judge, with the times.
  if (date && updated && updated.day < date.day) {
    problems.push(`"${labels.updated}" (${updated.day}) is before the "${labels.date}" (${date.day}): set it to that day or later, or clear it.`);
  }
  if (fields.image !== undefined && fields.imageAlt === undefined) {
    problems.push(`Describe the lead image in "${labels.imageAlt}", for people who cannot see it.`);
  }
  if (!fields.draft) {
    for (const [field, read] of [['date', date], ['updated', updated]] as const) {
      if (read && read.day > latestDay(settings, read.hasTime, now)) {
        problems.push(`"${labels[field]}" (${read.day}) is too far ahead to publish now: turn on "${labels.draft}" until the day comes.`);
      }
    }
  }
  return problems;
}

/**
 * The last day an item that is not a draft may be dated, with the clock at `now`. A day
 * written without a time stands for a minute of its noon hour (lib/dates.ts), one with a
 * time for as late as that day runs: so it is the day the allowance reaches, less 13
 * hours, or 24. It refuses what `npm run check` would, and at times a few hours more.
 */
function latestDay(settings: EditorSettings, hasTime: boolean, now: Date): string {
  const hours = settings.futureAllowanceHours - (hasTime ? 24 : 13);
  return dayIn(new Date(now.getTime() + hours * 3_600_000), settings.timeZone);
}
