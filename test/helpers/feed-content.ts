/**
 * The content the feed tests read, and what they share: a small site of hostile and
 * ordinary items with enough notices for archives, built into its stream and its site.
 */
import * as assert from 'uvu/assert';
import type { FeedChannel, FeedDocument, FeedFormat } from '../../lib/feeds/spec.ts';
import type { NewsItem } from '../../lib/model.ts';
import { lastChanged } from '../../lib/select.ts';
import { buildSite, type Site } from '../../site/build.ts';
import { collectFrom, item } from './content.ts';
import { renderAll, type ReadFeed } from './feeds.ts';

export const origin = 'https://news.example.org';

/** 125 short notices in 2011, older than everything below: enough for archives at the default sizes (20, 100). */
const notices = Object.fromEntries(Array.from({ length: 125 }, (_, index) => {
  const day = new Date(Date.UTC(2011, 0, 1 + index)).toISOString().slice(0, 10);
  return [`public-health/2011/notice-${index + 1}.md`, item({ title: `Notice ${index + 1}`, date: day })];
}));

export const files = {
  'industry/2012/winter.md': item(
    { title: '"Telehealth & telecare: 1 < 2 > 0 claims ]]> done"', date: '2012-01-16T14:30', tags: '[Telehealth, Evidence]', authors: 'Ann Author' },
    [
      'Body with ]]> and <![CDATA[ inside, a [plan](/files/plan.pdf), [a sibling](../other/) and [a part](#part).',
      '',
      '![A chart](/files/chart.svg)',
      '',
      '<blockquote cite="/files/plan.pdf"><p>Quoted, <q cite="../other/">inline</q> and <q cite="javascript:alert(1)">unsafe</q>.</p></blockquote>',
      '',
      '<p>Raw ]]]]><![CDATA[> HTML</p>',
    ].join('\n'),
  ),
  'pathfinder/2012/summer.md': item({
    title: 'Summer in Kent', date: '2012-07-10T14:30', updated: '2012-08-01T09:00', streams: '[social-care, public-health]', tags: '[telehealth]',
    authors: '[{ name: Bob Builder, email: bob@example.org }]', organisation: 'Kent County Council', region: 'Kent',
  }),
  'social-care/control.md': item({ title: '"Control \\x01 char \\uFFFE and \\uD800 lone"', date: '2013-03-22', summary: '"Bell \\x07 rings"' }, 'Text \u0001 with a control character.'),
  'social-care/2013/permalink.md': item({ title: 'An item whose id is its address', date: '2013-03-01', id: `${origin}/social-care/2013/permalink/` }),
  'public-health/link.md': item({
    title: 'Link post', date: '2013-04-02', link: 'https://www.bmj.com/content/344/bmj.e3874?a=1&b=2', organisation: '"BMJ & partners"',
    attachments: '[{ url: "https://files.example.org/a.pdf", title: "A & B", type: application/pdf, size: 1200 }]',
  }),
  'files/plan.pdf': '%PDF-1.4\n',
  'files/chart.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"></svg>\n',
  ...notices,
};

/** The site of `content` (default `files`), with no errors. */
export async function site(options: Parameters<typeof collectFrom>[1] = {}, content: Record<string, string> = files): Promise<Site> {
  const { stream, problems } = await collectFrom(content, options);
  assert.equal(problems.filter((p) => p.severity === 'error'), []);
  return buildSite(stream, { rootDir: '/nonexistent', contentDir: 'content' });
}

export const byTitle = (news: Site, title: string): NewsItem => {
  const found = news.stream.items.find((i) => i.title === title);
  assert.ok(found, title);
  return found as NewsItem;
};

export const channel = (news: Site, key: string): FeedChannel => {
  const found = news.channels.find((c) => c.key === key);
  assert.ok(found, key);
  return found as FeedChannel;
};

/** What a reader must see for an item in every format. */
export function expected(news: NewsItem, format: FeedFormat) {
  return {
    id: news.id,
    title: news.title,
    link: news.link ?? news.url,
    published: news.date.iso,
    // RSS has no modified date; feedparser reports the publication date there.
    updated: format === 'rss' ? news.date.iso : lastChanged(news).iso,
  };
}

export function seen(feed: ReadFeed | undefined) {
  return (feed?.entries ?? []).map(({ id, title, link, published, updated }) => ({ id, title, link, published, updated }));
}


/** Six local items, one a day in March 2013, in industry and tagged Telecare. */
export const sixDays = Object.fromEntries(Array.from({ length: 6 }, (_, index) => [
  `industry/2013/day-${index + 1}.md`, item({ title: `Day ${index + 1}`, date: `2013-03-0${index + 1}T10:00`, tags: '[Telecare]' }),
]));

export interface PartnerNews {
  readonly title: string;
  readonly published: string;
  readonly firstSeen: string;
}

/** A partner source's store, as `npm run fetch` writes it: items first seen long after they were published. */
export function partner(news: readonly PartnerNews[]): Record<string, string> {
  const items = news.map((n, index) => ({
    key: `https://carelink.example.org/press/${index}`,
    id: `tag:3millionlives.co.uk,${n.firstSeen.slice(0, 10)}:partners/carelink-press-releases/${index}`,
    title: n.title, link: `https://carelink.example.org/press/${index}`, summaryHtml: '<p>News from CareLink.</p>',
    published: n.published, publishedFrom: 'feed', authors: [], firstSeen: n.firstSeen,
  }));
  return {
    'sources.yaml': '- name: CareLink press releases\n  url: https://carelink.example.org/press/atom.xml\n  stream: industry\n  organisation: CareLink Technologies\n  homepage: https://carelink.example.org/\n',
    'partners/carelink-press-releases.json': JSON.stringify({ source: 'CareLink press releases', state: {}, items }),
  };
}

export const small = { config: { feeds: { subscriptionSize: 1, archivePageSize: 2 } } };

/** Walks a channel's documents from the subscription document, as a reader fetching the full history would. */
export function walk(read: Map<string, ReadFeed>, start: string, next: (feed: ReadFeed) => string | null | undefined): string[] {
  const ids: string[] = [];
  const visited = new Set<string>();
  for (let at: string | undefined = start; at !== undefined; ) {
    assert.not.ok(visited.has(at), `${at} is reached twice`);
    visited.add(at);
    const feed = read.get(at);
    assert.ok(feed, `${at} was not rendered`);
    ids.push(...(feed?.entries.map((e) => e.id) ?? []));
    const link = feed ? next(feed) : undefined;
    at = link ? link.replace(origin, '') : undefined;
  }
  return ids;
}

/** Every full archive document, by site path: the document and its text. */
export function fullArchives(news: Site): Map<string, { doc: FeedDocument; text: string }> {
  const full = news.documents.filter((d) => d.archive !== undefined && d.items.length === news.config.feeds.archivePageSize);
  const rendered = renderAll(news, full);
  return new Map(full.map((doc) => [doc.path, { doc, text: rendered.get(doc.path) ?? '' }]));
}
