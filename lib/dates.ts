/**
 * Dates as the content model writes them: an ISO 8601 date, or a date-time with or
 * without an offset, where no offset means the site's zone (Europe/London).
 * The only module that imports luxon.
 */
import { DateTime, IANAZone } from 'luxon';
import type { NewsDate } from './model.ts';

/** A date read from text, or why it could not be read. */
export type DateReading =
  | { readonly ok: true; readonly date: NewsDate; readonly calendarDay: string }
  | { readonly ok: false; readonly reason: string };

const isoDate = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * Reads `text` as the content model allows. A date without a time is placed at noon
 * in `zone` plus `spreadSeconds` (under an hour): noon keeps the same calendar day for
 * readers from UTC-11 to UTC+11, and the spread keeps same-day items apart, because
 * feed validators flag two entries with one timestamp.
 */
export function parseNewsDate(text: string, zone: string, language: string, spreadSeconds = 0): DateReading {
  const trimmed = text.trim();
  const match = isoDate.exec(trimmed);
  if (match === null) return { ok: false, reason: `"${trimmed}" is not an ISO 8601 date or date-time` };
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate() && hour <= 23 && minute <= 59 && second <= 59;
  if (!valid) return { ok: false, reason: explain(trimmed, DateTime.fromISO(trimmed.replace(' ', 'T'), { zone })) };
  if (match[4] === undefined) {
    const noon = localToEpoch(Date.UTC(year, month - 1, day, 12), zone) + (spreadSeconds % 3600) * 1000;
    return { ok: true, date: newsDateAt(noon, zone, language, false), calendarDay: trimmed };
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, second, Number((match[7] ?? '0').padEnd(3, '0').slice(0, 3)));
  const offset = match[8];
  const epoch = offset === undefined ? localToEpoch(local, zone) : local - offsetOf(offset) * 60_000;
  const date = newsDateAt(epoch, zone, language, true);
  return { ok: true, date, calendarDay: wallClock(date.epochMs, zone).toISOString().slice(0, 10) };
}

/** `Z`, `+01:00`, `-0500`, `+01` as minutes east of UTC. */
function offsetOf(text: string): number {
  if (/^z$/i.test(text)) return 0;
  const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})?$/.exec(text) ?? [];
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes ?? 0));
}

const dayMs = 86_400_000;
const offsetsByZone = new Map<string, { readonly months: Map<number, number>; readonly days: Map<number, number> }>();

/**
 * The zone's offset (minutes) at an instant. Offsets change at most twice a year, so
 * luxon is asked once per month that has none of those changes, and once per day in a
 * month that has one; only a day with a change in it asks for the instant itself.
 * Tens of thousands of dates cost a few hundred lookups.
 */
function zoneOffset(zone: string, epochMs: number): number {
  let known = offsetsByZone.get(zone);
  if (known === undefined) offsetsByZone.set(zone, (known = { months: new Map(), days: new Map() }));
  const moment = new Date(epochMs);
  const monthStart = Date.UTC(moment.getUTCFullYear(), moment.getUTCMonth(), 1);
  let offset = known.months.get(monthStart);
  if (offset === undefined) {
    const iana = IANAZone.create(zone);
    const start = iana.offset(monthStart);
    offset = start === iana.offset(Date.UTC(moment.getUTCFullYear(), moment.getUTCMonth() + 1, 1) - 1) ? start : Number.NaN;
    known.months.set(monthStart, offset);
  }
  if (!Number.isNaN(offset)) return offset;
  const day = Math.floor(epochMs / dayMs);
  offset = known.days.get(day);
  if (offset === undefined) {
    const iana = IANAZone.create(zone);
    const start = iana.offset(day * dayMs);
    offset = start === iana.offset((day + 1) * dayMs - 1) ? start : Number.NaN;
    known.days.set(day, offset);
  }
  return Number.isNaN(offset) ? IANAZone.create(zone).offset(epochMs) : offset;
}

/** The wall clock in `zone` at an instant, as a Date whose UTC fields read as local time. */
function wallClock(epochMs: number, zone: string): Date {
  return new Date(epochMs + zoneOffset(zone, epochMs) * 60_000);
}

/**
 * A wall-clock time in `zone` (given as if it were UTC) as an instant. A time the clocks
 * skip in spring moves forward an hour; a time they repeat in autumn is the later one.
 */
function localToEpoch(wallClockAsUtc: number, zone: string): number {
  const guess = wallClockAsUtc - zoneOffset(zone, wallClockAsUtc) * 60_000;
  return wallClockAsUtc - zoneOffset(zone, guess) * 60_000;
}

/** The same instant `seconds` later, for keeping timestamps apart. */
export function shiftNewsDate(date: NewsDate, seconds: number, zone: string, language: string): NewsDate {
  return newsDateAt(date.epochMs + seconds * 1000, zone, language, date.hasTime);
}

/** The calendar year of an instant in `zone`. */
export function yearIn(date: NewsDate, zone: string): number {
  return wallClock(date.epochMs, zone).getUTCFullYear();
}

/** An instant `hours` after `now`, for the future-date allowance. */
export function hoursAfter(now: Date, hours: number): number {
  return now.getTime() + hours * 3_600_000;
}

interface Shown {
  readonly dayFormat: Intl.DateTimeFormat;
  readonly timeFormat: Intl.DateTimeFormat;
  /** By local day number, and by local minute of the day: dates repeat both all the time. */
  readonly days: Map<number, string>;
  readonly times: Map<number, string>;
}

const shownByZone = new Map<string, Shown>();

/**
 * Dates and times as readers see them, formatted by Intl once per local day and once per
 * local minute of the day, and reused: Intl is costly per call, and tens of thousands of
 * dates share a few thousand days.
 */
function shownFor(zone: string, language: string): Shown {
  const key = `${zone} ${language}`;
  let found = shownByZone.get(key);
  if (found === undefined) {
    found = {
      dayFormat: new Intl.DateTimeFormat(language, { timeZone: zone, day: 'numeric', month: 'long', year: 'numeric' }),
      timeFormat: new Intl.DateTimeFormat(language, { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
      days: new Map(),
      times: new Map(),
    };
    shownByZone.set(key, found);
  }
  return found;
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

/** An instant as a `NewsDate` in the site's zone and language, in whole seconds (as feeds write it). */
export function newsDateAt(epochMs: number, zone: string, language: string, hasTime = true): NewsDate {
  const whole = Math.floor(epochMs / 1000) * 1000;
  const shown = shownFor(zone, language);
  const local = whole + zoneOffset(zone, whole) * 60_000;
  const localDay = Math.floor(local / dayMs);
  let day = shown.days.get(localDay);
  if (day === undefined) shown.days.set(localDay, (day = shown.dayFormat.format(whole)));
  let display = day;
  if (hasTime) {
    const minute = Math.floor((local - localDay * dayMs) / 60_000);
    let time = shown.times.get(minute);
    if (time === undefined) shown.times.set(minute, (time = shown.timeFormat.format(whole)));
    display = `${day}, ${time}`;
  }
  return { iso: `${new Date(whole).toISOString().slice(0, 19)}Z`, epochMs: whole, display, hasTime };
}

/** The day of a date as readers see it, without its time: "19 December 2014". */
export function dayOf(date: NewsDate): string {
  return date.display.replace(/,.*$/, '');
}
