/**
 * Dates as the content model writes them: an ISO 8601 date, or a date-time with or
 * without an offset, where no offset means the site's zone (Europe/London).
 * The only module that imports luxon.
 */
import { DateTime } from 'luxon';
import type { NewsDate } from './model.ts';

/** A date read from text, or why it could not be read. */
export type DateReading =
  | { readonly ok: true; readonly date: NewsDate; readonly calendarDay: string }
  | { readonly ok: false; readonly reason: string };

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
const dateTime = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Reads `text` as the content model allows. A date without a time is placed at noon
 * in `zone` plus `spreadSeconds` (under an hour): noon keeps the same calendar day for
 * readers from UTC-11 to UTC+11, and the spread keeps same-day items apart, because
 * feed validators flag two entries with one timestamp.
 */
export function parseNewsDate(text: string, zone: string, language: string, spreadSeconds = 0): DateReading {
  const trimmed = text.trim();
  if (dateOnly.test(trimmed)) {
    const day = DateTime.fromISO(trimmed, { zone });
    if (!day.isValid) return { ok: false, reason: explain(trimmed, day) };
    const placed = day.set({ hour: 12 }).plus({ seconds: spreadSeconds % 3600 });
    return { ok: true, date: toNewsDate(placed, zone, language, false), calendarDay: trimmed };
  }
  if (!dateTime.test(trimmed)) {
    return { ok: false, reason: `"${trimmed}" is not an ISO 8601 date or date-time` };
  }
  const moment = DateTime.fromISO(trimmed.replace(' ', 'T'), { zone, setZone: false });
  if (!moment.isValid) return { ok: false, reason: explain(trimmed, moment) };
  return { ok: true, date: toNewsDate(moment, zone, language, true), calendarDay: moment.setZone(zone).toISODate() ?? trimmed.slice(0, 10) };
}

/** The same instant `seconds` later, for keeping timestamps apart. */
export function shiftNewsDate(date: NewsDate, seconds: number, zone: string, language: string): NewsDate {
  return toNewsDate(DateTime.fromMillis(date.epochMs + seconds * 1000, { zone }), zone, language, date.hasTime);
}

/** The calendar year of an instant in `zone`. */
export function yearIn(date: NewsDate, zone: string): number {
  return DateTime.fromMillis(date.epochMs, { zone }).year;
}

/** An instant `hours` after `now`, for the future-date allowance. */
export function hoursAfter(now: Date, hours: number): number {
  return now.getTime() + hours * 3_600_000;
}

function toNewsDate(exact: DateTime, zone: string, language: string, hasTime: boolean): NewsDate {
  // Feeds write whole seconds, so instants are kept to whole seconds for comparing them too.
  const moment = exact.startOf('second');
  const local = moment.setZone(zone).setLocale(language);
  const day = local.toFormat('d LLLL yyyy');
  return {
    iso: moment.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'"),
    epochMs: moment.toMillis(),
    display: hasTime ? `${day}, ${local.toFormat('HH:mm')}` : day,
    hasTime,
  };
}

/** Says which part of a well-formed but impossible date is wrong, in words. */
function explain(text: string, moment: DateTime): string {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = (text.match(/\d+/g) ?? []).map(Number);
  let detail = moment.invalidExplanation ?? 'it is not a real date';
  if (month < 1 || month > 12) detail = `there is no month ${month}`;
  else if (day < 1 || day > (DateTime.local(year, month).daysInMonth ?? 31)) detail = `${DateTime.local(year, month).toFormat('LLLL yyyy')} has no day ${day}`;
  else if (hour > 23 || minute > 59 || second > 59) detail = 'the time is out of range';
  return `"${text}" is not a real date: ${detail}`;
}

/** US and military zone names that RFC 822 dates in the wild still use. */
const zoneOffsets: Record<string, string> = {
  UT: '+0000', UTC: '+0000', GMT: '+0000', Z: '+0000', BST: '+0100',
  EST: '-0500', EDT: '-0400', CST: '-0600', CDT: '-0500', MST: '-0700', MDT: '-0600', PST: '-0800', PDT: '-0700',
  CET: '+0100', CEST: '+0200',
};

/**
 * A date as feeds write it: RFC 822 (with or without weekday, two-digit years, named
 * zones), RFC 3339, other ISO 8601 / W3C-DTF forms (date only, no seconds). Without a
 * zone, UTC. Returns an instant, or undefined when the text is not a date at all.
 */
export function parseFeedDate(text: string | undefined): NewsDateInstant | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const iso = DateTime.fromISO(trimmed.replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2'), { zone: 'utc', setZone: true });
  if (iso.isValid) return instant(iso);
  const cleaned = normaliseRfc822(trimmed);
  const rfc = DateTime.fromRFC2822(cleaned, { zone: 'utc' });
  if (rfc.isValid) return instant(rfc);
  const http = DateTime.fromHTTP(trimmed, { zone: 'utc' });
  if (http.isValid) return instant(http);
  // Last, the forms only browsers' date parsing still knows (RFC 850's "22-Mar-13").
  const spaced = cleaned.replace(/-/g, ' ');
  if (!/^\d{1,2} [A-Za-z]{3} \d{2,4}\b/.test(spaced)) return undefined;
  const legacy = Date.parse(spaced);
  return Number.isNaN(legacy) ? undefined : instant(DateTime.fromMillis(legacy, { zone: 'utc' }));
}

/** An instant read from a feed, in whole seconds. */
export interface NewsDateInstant {
  readonly epochMs: number;
}

function instant(moment: DateTime): NewsDateInstant {
  return { epochMs: moment.startOf('second').toMillis() };
}

/** Drops the weekday (often wrong), widens two-digit years and names zones as offsets. */
function normaliseRfc822(text: string): string {
  return text
    .replace(/^[A-Za-z]{3,9},?\s*/, '')
    .replace(/^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{2})(\s)/, (_m, day: string, month: string, year: string, space: string) => `${day} ${month} ${Number(year) < 50 ? '20' : '19'}${year}${space}`)
    .replace(/^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+/, '$1 $2 ')
    .replace(/\s+([A-Za-z]{1,4})$/, (_m, zone: string) => ` ${zoneOffsets[zone.toUpperCase()] ?? '+0000'}`)
    .replace(/(?<![:\d])(\d{1,2}:\d{2})(?=\s|$)/, '$1:00')
    .replace(/^(\d)\s/, '0$1 ');
}

/** An instant as a `NewsDate` in the site's zone and language. */
export function newsDateAt(epochMs: number, zone: string, language: string, hasTime = true): NewsDate {
  return toNewsDate(DateTime.fromMillis(epochMs, { zone }), zone, language, hasTime);
}
