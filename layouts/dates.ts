/**
 * Dates as readers see them, one style everywhere: "19 December 2014". A time is shown
 * only where it adds something (an item written with one, on its own page; when a partner
 * feed was fetched) and then after the day, as "19 December 2014, 12:25".
 */
import { dayOf } from '../lib/dates.ts';
import type { NewsDate } from '../lib/model.ts';
import { html, type SafeHtml } from './html.ts';

export { dayOf };

/** A `<time>` with the day alone. */
export function renderDay(date: NewsDate): SafeHtml {
  return html`<time datetime="${date.iso}">${dayOf(date)}</time>`;
}

/** A `<time>` with the day and, when the date has one, the time. */
export function renderDayAndTime(date: NewsDate): SafeHtml {
  return html`<time datetime="${date.iso}">${date.display}</time>`;
}
