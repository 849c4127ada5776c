/**
 * Dates as partner feeds write them, read the way feed readers do (feedparser's date
 * handlers are the reference): RFC 822 and its relatives (weekday or not, two-digit
 * years, named zones, `+01:00` where `+0100` belongs, RFC 850's `14-May-13`), ISO 8601
 * and W3C-DTF (date only, no seconds, a space for the `T` or before the offset), and
 * what JavaScript's `Date.toString()` and C's `asctime()` print. Without a zone, UTC.
 *
 * A date that names a zone we cannot place, an ambiguous one, or a day that does not
 * exist (31 June) is not guessed at: the reading says why it cannot be used, and the
 * caller reports it.
 */

export type FeedDateReading = { readonly ok: true; readonly epochMs: number } | { readonly ok: false; readonly reason: string };

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Zone names seen in feeds, as minutes east of UTC: RFC 822's own, then the common ones that mean one thing. */
const zones: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600, NST: -210, NDT: -150,
  // British Summer Time: what UK partners mean by it (Bangladesh writes +0600).
  WET: 0, WEST: 60, BST: 60, CET: 60, CEST: 120, MET: 60, MEST: 120, EET: 120, EEST: 180, MSK: 180,
  AWST: 480, ACST: 570, ACDT: 630, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780, JST: 540, KST: 540, HKT: 480, SGT: 480,
};

/** Names that stand for more than one zone: a date using one cannot be placed. */
const ambiguousZones: Record<string, string> = {
  IST: 'India, Ireland or Israel',
  AST: 'Atlantic or Arabia',
};

const weekday = String.raw`(?:[A-Za-z]{3,9}\.?,?\s+)?`;
const month = String.raw`([A-Za-z]{3,9})\.?`;
const time = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?`;
const zone = String.raw`([A-Za-z]{1,5}(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{1,2}(?::?\d{2})?)`;

/** ISO 8601 / RFC 3339 / W3C-DTF: `2013`, `2013-05`, `2013-05-14`, `2013-05-14T08:30[:00[.000]][Z|+01:00|+0100]`. */
const iso = new RegExp(String.raw`^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:(?:T|\s+)${time})?)?)?(?:\s*${zone})?$`, 'i');
/** RFC 822 and relatives: `Tue, 14 May 2013 08:30:00 +0100`, `14 May 13 08:30 BST`, `Tuesday, 14-May-13 08:30:00 GMT`. */
const rfc822 = new RegExp(String.raw`^${weekday}(\d{1,2})[\s-]+${month}[\s-]+(\d{4}|\d{2})(?:,?\s+${time})?(?:\s*${zone})?$`, 'i');
/** Month first: `Tue May 14 2013 08:30:00 GMT+0100` (JavaScript), `Tue May 14 08:30:00 2013` (asctime), `May 14, 2013`. */
const monthFirst = new RegExp(String.raw`^${weekday}${month}\s+(\d{1,2})(?:st|nd|rd|th)?,?(?:\s+(\d{4}))?(?:,?\s+${time})?(?:\s+(\d{4}))?(?:\s*${zone})?$`, 'i');

/** Reads a feed's date as an instant in whole seconds, or says why it cannot be used. */
export function parseFeedDate(text: string): FeedDateReading {
  // JavaScript's toString() adds the zone's name in brackets: the offset before it is what counts.
  const cleaned = text.trim().replace(/\s+/g, ' ').replace(/\s*\([^()]*\)$/, '');
  let match = iso.exec(cleaned);
  if (match) return build(match[1], match[2] ?? '01', match[3] ?? '01', match.slice(4, 7), match[7]);
  match = rfc822.exec(cleaned);
  if (match) return build(widenYear(match[3] ?? ''), match[2], match[1], match.slice(4, 7), match[7]);
  match = monthFirst.exec(cleaned);
  if (match && (match[3] === undefined) !== (match[7] === undefined)) return build(match[3] ?? match[7], match[1], match[2], match.slice(4, 7), match[8]);
  return { ok: false, reason: 'it is not in a date format feeds use (RFC 822, e.g. "Tue, 14 May 2013 08:30:00 +0100", or ISO 8601, e.g. "2013-05-14T08:30:00+01:00")' };
}

/** RFC 5322 §4.3: a two-digit year below 50 is 20xx, else 19xx. */
function widenYear(year: string): string {
  return year.length === 2 ? `${Number(year) < 50 ? '20' : '19'}${year}` : year;
}

function build(yearText = '', monthText = '', dayText = '', clock: readonly (string | undefined)[], zoneText?: string): FeedDateReading {
  const year = Number(yearText);
  if (year < 1000) return { ok: false, reason: `the year ${yearText} is not plausible` };
  const monthNumber = /^\d+$/.test(monthText) ? Number(monthText) : monthFromName(monthText);
  if (monthNumber === 0) return { ok: false, reason: `"${monthText}" is not a month` };
  if (monthNumber > 12) return { ok: false, reason: `there is no month ${monthNumber}` };
  const day = Number(dayText);
  const daysInMonth = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return { ok: false, reason: `${monthNames[monthNumber - 1]} ${year} has no day ${day}` };
  const [hour = 0, minute = 0, second = 0] = clock.map((part) => Number(part ?? 0));
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, reason: `the time ${clock.filter(Boolean).join(':')} is out of range` };
  const offset = zoneText === undefined ? 0 : offsetOf(zoneText.replace(/\s+/g, ''));
  if (typeof offset === 'string') return { ok: false, reason: offset };
  return { ok: true, epochMs: Date.UTC(year, monthNumber - 1, day, hour, minute, second) - offset * 60_000 };
}

/** `May`, `June`, `Sept`, `September` as 1–12; 0 when it is no month. */
function monthFromName(text: string): number {
  const lower = text.toLowerCase();
  const index = monthNames.findIndex((name) => name.toLowerCase().startsWith(lower) && lower.length >= 3);
  return index >= 0 ? index + 1 : lower === 'sept' ? 9 : 0;
}

/** `+0100`, `+01:00`, `+01`, `GMT+1`, `BST` as minutes east of UTC, or why the zone cannot be used. */
function offsetOf(text: string): number | string {
  const numeric = /^([A-Za-z]*)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(text);
  if (numeric) {
    const [, name = '', sign, hours = '0', minutes = '0'] = numeric;
    if (name !== '' && zones[name.toUpperCase()] !== 0) return `the zone "${text}" is unknown`;
    if (Number(hours) > 14 || Number(minutes) > 59) return `the offset "${text}" is out of range`;
    return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  }
  const name = text.toUpperCase();
  if (ambiguousZones[name]) return `the zone "${text}" is ambiguous (${ambiguousZones[name]})`;
  if (zones[name] !== undefined) return zones[name];
  // RFC 5322 §4.3: RFC 822's one-letter military zones had their signs the wrong way
  // round in practice, so they mean only "UTC, local zone unknown".
  if (/^[A-IK-Y]$/.test(name)) return 0;
  return `the zone "${text}" is unknown`;
}
