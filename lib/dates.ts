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
