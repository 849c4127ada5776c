import { suite } from './helpers/suite.ts';
import * as assert from 'uvu/assert';
import { parseFeedDate } from '../lib/partners/feed-dates.ts';
import { fetchInto, lines, source, stored, withHost } from './helpers/partners.ts';

const dates = suite('partner feed dates');

dates('the forms feeds really use are read, each to the right instant', () => {
  const read = (text: string) => {
    const reading = parseFeedDate(text);
    return reading.ok ? new Date(reading.epochMs).toISOString() : `unusable: ${reading.reason}`;
  };
  const table: [string, string][] = [
    ['Tue, 14 May 2013 08:30:00 +0100', '2013-05-14T07:30:00.000Z'],
    ['Tue, 14 May 2013 08:30:00 +01:00', '2013-05-14T07:30:00.000Z'],
    ['14 May 2013 08:30 BST', '2013-05-14T07:30:00.000Z'],
    ['Tue, 14 May 13 08:30:00 GMT', '2013-05-14T08:30:00.000Z'],
    ['Tuesday, 14-May-13 08:30:00 GMT', '2013-05-14T08:30:00.000Z'],
    ['Tue, 14 Sept 2013 08:30:00 EDT', '2013-09-14T12:30:00.000Z'],
    ['Tue, 14 May 2013 08:30:00 EET', '2013-05-14T06:30:00.000Z'],
    ['Tue, 14 May 2013 08:30:00 AEST', '2013-05-13T22:30:00.000Z'],
    ['Tue, 14 May 2013 08:30:00 NZDT', '2013-05-13T19:30:00.000Z'],
    ['Tue, 14 May 2013 08:30:00 UTC+1', '2013-05-14T07:30:00.000Z'],
    ['2013-05-14T08:30:00+01:00', '2013-05-14T07:30:00.000Z'],
    ['2013-05-14T08:30:00 +01:00', '2013-05-14T07:30:00.000Z'],
    ['2013-05-14 08:30:00 +0100', '2013-05-14T07:30:00.000Z'],
    ['2013-05-14T08:30:00.250Z', '2013-05-14T08:30:00.000Z'],
    ['2013-05-14T08:30Z', '2013-05-14T08:30:00.000Z'],
    ['2013-05-14', '2013-05-14T00:00:00.000Z'],
    ['2013-05', '2013-05-01T00:00:00.000Z'],
    ['Tue May 14 2013 08:30:00 GMT+0100 (British Summer Time)', '2013-05-14T07:30:00.000Z'],
    ['Tue May 14 08:30:00 2013', '2013-05-14T08:30:00.000Z'],
    ['May 14, 2013', '2013-05-14T00:00:00.000Z'],
    ['Thu, 29 Feb 2024 10:00:00 GMT', '2024-02-29T10:00:00.000Z'],
    ['31 Jun 2013 10:00:00 GMT', 'unusable: June 2013 has no day 31'],
    ['Fri, 29 Feb 2013 10:00:00 GMT', 'unusable: February 2013 has no day 29'],
    ['2013-13-01', 'unusable: there is no month 13'],
    ['Tue, 14 May 2013 24:30:00 GMT', 'unusable: the time 24:30:00 is out of range'],
    ['Tue, 14 May 2013 08:30:00 IST', 'unusable: the zone "IST" is ambiguous (India, Ireland or Israel)'],
    ['Tue, 14 May 2013 08:30:00 XYZ', 'unusable: the zone "XYZ" is unknown'],
    ['Tue, 14 May 2013 08:30:00 +2500', 'unusable: the offset "+2500" is out of range'],
    ['soon', 'unusable: it is not in a date format feeds use (RFC 822, e.g. "Tue, 14 May 2013 08:30:00 +0100", or ISO 8601, e.g. "2013-05-14T08:30:00+01:00")'],
  ];
  assert.equal(table.map(([text]) => [text, read(text)]), table);
});

dates('an unusable date is reported for its entry, and the entry is kept with the time it was first seen (or its updated date)', () =>
  withHost(async (server, storeDir) => {
    const entry = (n: number, pubDate: string, extra = '') => `<item><title>Item ${n}</title><link>https://d.example.org/${n}</link><guid>d-${n}</guid><pubDate>${pubDate}</pubDate>${extra}</item>`;
    server.set('/dates.xml', `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>D</title><link>https://d.example.org/</link><description>d</description>
${entry(1, 'Tue, 14 May 2013 08:30:00 +01:00')}
${entry(2, 'Tue, 14 May 2013 08:30:00 IST')}
${entry(3, '31 Jun 2013 10:00:00 GMT', '<atom:updated>2013-07-01T09:00:00Z</atom:updated>')}
${entry(4, 'Thu, 01 Jan 2099 00:00:00 GMT')}
${entry(5, 'Wed, 26 Nov 2026 18:00:00 GMT')}
${entry(6, 'tomorrow')}
${entry(7, 'Thu, 01 Jan 1970 00:00:00 GMT')}
</channel></rss>`);
    const reports = await fetchInto(storeDir, [source(server, 'Dates', 'dates.xml')]);
    assert.equal(lines(reports), [['Dates', 'updated', 200, '7 in the feed: 7 new, 0 updated, 0 unchanged.', [
      'entry 2 "Item 2": its date "Tue, 14 May 2013 08:30:00 IST" cannot be used (the zone "IST" is ambiguous (India, Ireland or Israel)), so the time it was first seen stands in for it',
      'entry 3 "Item 3": its date "31 Jun 2013 10:00:00 GMT" cannot be used (June 2013 has no day 31), so its updated date stands in for it',
      'entry 4 "Item 4": its date "Thu, 01 Jan 2099 00:00:00 GMT" cannot be used (it is more than 36 hours after the time of the fetch), so the time it was first seen stands in for it',
      'entry 6 "Item 6": its date "tomorrow" cannot be used (it is not in a date format feeds use (RFC 822, e.g. "Tue, 14 May 2013 08:30:00 +0100", or ISO 8601, e.g. "2013-05-14T08:30:00+01:00")), so the time it was first seen stands in for it',
      'entry 7 "Item 7": its date "Thu, 01 Jan 1970 00:00:00 GMT" cannot be used (it is before 1990, older than any feed: most likely a system\'s zero date), so the time it was first seen stands in for it',
    ]]]);
    assert.equal(stored(storeDir, 'dates').map((i) => [i.key, i.published, i.publishedFrom]), [
      // Within the allowance for the future: a partner a few hours ahead of us is believed.
      ['d-5', '2026-11-26T18:00:00Z', 'feed'],
      ['d-2', '2026-11-25T08:00:00Z', 'first-seen'],
      ['d-4', '2026-11-25T07:59:59Z', 'first-seen'],
      ['d-6', '2026-11-25T07:59:58Z', 'first-seen'],
      ['d-7', '2026-11-25T07:59:57Z', 'first-seen'],
      ['d-3', '2013-07-01T09:00:00Z', 'feed'],
      ['d-1', '2013-05-14T07:30:00Z', 'feed'],
    ]);
  }));

dates.run();
