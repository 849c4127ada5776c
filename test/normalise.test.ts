import { suite } from './helpers/suite.ts';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateCorpus } from '../bench/corpus.ts';
import { defaultStreams, resolveConfig } from '../lib/config.ts';
import { htmlToText } from '../lib/html-text.ts';
import type { NewsItem } from '../lib/model.ts';
import { readNews } from '../lib/news.ts';
import { sanitiseBody } from '../lib/sanitise.ts';
import { groupByStream, groupByTag } from '../lib/select.ts';
import { collectFrom, item, testConfigInput, testNow } from './helpers/content.ts';

async function only(files: Record<string, string>, options: Parameters<typeof collectFrom>[1] = {}): Promise<NewsItem> {
  const { stream, problems } = await collectFrom(files, options);
  assert.equal(problems, []);
  assert.is(stream.items.length, 1);
  return stream.items[0]!;
}

const ids = suite('ids and URLs');

ids('derives a tag: id from the home stream, the day and the file name', async () => {
  const news = await only({ 'pathfinder/2013/worcester-business-case.md': item({ title: 'Business case', date: '2013-03-22' }) });
  assert.is(news.id, 'tag:3millionlives.co.uk,2013-03-22:pathfinder/worcester-business-case');
  assert.is(news.slug, 'worcester-business-case');
  assert.is(news.path, '/pathfinder/2013/worcester-business-case/');
  assert.is(news.url, 'https://news.example.org/pathfinder/2013/worcester-business-case/');
});

ids('keeps the id when the title changes', async () => {
  const before = await only({ 'industry/concordat.md': item({ title: 'Concordat signed', date: '2012-01-19' }) });
  const after = await only({ 'industry/concordat.md': item({ title: 'Concordat with industry signed', date: '2012-01-19' }) });
  assert.is(after.id, before.id);
  assert.is(after.path, before.path);
});

ids('uses an id written in the front matter as it is', async () => {
  const news = await only({ 'industry/a.md': item({ title: 'A', date: '2012-01-19', id: 'tag:3millionlives.co.uk,2012:concordat' }) });
  assert.is(news.id, 'tag:3millionlives.co.uk,2012:concordat');
});

ids('slugs a file name that is not already a slug', async () => {
  const news = await only({ 'industry/Telehealth Week 2012.md': item({ title: 'A', date: '2012-01-19' }) });
  assert.is(news.path, '/industry/2012/telehealth-week-2012/');
});

ids('puts the site path prefix into every URL', async () => {
  const news = await only(
    { 'industry/a.md': item({ title: 'A', date: '2012-01-19', attachments: '[{ url: /files/a.pdf }]' }), 'files/a.pdf': '%PDF-1.4\n' },
    { config: { site: { origin: 'https://www.example.org', pathPrefix: '/news/' } } },
  );
  assert.is(news.url, 'https://www.example.org/news/industry/2012/a/');
  assert.is(news.path, '/industry/2012/a/');
  assert.equal(news.attachments, [{ url: 'https://www.example.org/news/files/a.pdf', type: 'application/pdf', size: 9 }]);
});

ids.run();

const dates = suite('dates');

dates('reads a date-time without offset as London time in winter (GMT)', async () => {
  const news = await only({ 'industry/a.md': item({ title: 'A', date: '2012-01-16T14:30' }) });
  assert.equal(news.date, { iso: '2012-01-16T14:30:00Z', epochMs: Date.UTC(2012, 0, 16, 14, 30), display: '16 January 2012, 14:30', hasTime: true });
});

dates('reads a date-time without offset as London time in summer (BST)', async () => {
  const news = await only({ 'industry/a.md': item({ title: 'A', date: '2012-07-10T14:30' }) });
  assert.equal(news.date, { iso: '2012-07-10T13:30:00Z', epochMs: Date.UTC(2012, 6, 10, 13, 30), display: '10 July 2012, 14:30', hasTime: true });
});

dates('keeps an explicit offset and shows the time in London', async () => {
  const news = await only({ 'industry/a.md': item({ title: 'A', date: '2012-07-10T14:30:00+02:00' }) });
  assert.is(news.date.iso, '2012-07-10T12:30:00Z');
  assert.is(news.date.display, '10 July 2012, 13:30');
});

dates('places a date without time in the noon hour of that London day, stable for the item', async () => {
  const first = await only({ 'industry/a.md': item({ title: 'A', date: '2013-06-22' }) });
  const again = await only({ 'industry/a.md': item({ title: 'Retitled', date: '2013-06-22' }) });
  assert.is(first.date.display, '22 June 2013');
  assert.is(first.date.hasTime, false);
  assert.ok(first.date.iso >= '2013-06-22T11:00:00Z' && first.date.iso < '2013-06-22T12:00:00Z', first.date.iso);
  assert.equal(again.date, first.date);
});

dates('keeps an updated date that is later than the date, and shows both', async () => {
  const news = await only({ 'industry/a.md': item({ title: 'A', date: '2012-01-19T09:00', updated: '2012-01-24T09:15' }) });
  assert.is(news.updated?.iso, '2012-01-24T09:15:00Z');
});

dates('an updated without a time on the publication day is no update, whatever the date\'s time', async () => {
  const { stream, problems } = await collectFrom({
    'industry/a.md': item({ title: 'A', date: '2013-07-01', updated: '2013-07-01' }),
    'industry/b.md': item({ title: 'B', date: '2013-07-01T16:30', updated: '2013-07-01' }),
    'industry/c.md': item({ title: 'C', date: '2013-07-01T08:00:00Z', updated: '2013-07-01' }),
  });
  assert.equal(problems, []);
  assert.equal(stream.items.map((i) => [i.slug, i.updated]), [['b', undefined], ['a', undefined], ['c', undefined]]);
});

dates('an updated with a time later on the publication day is kept, and the date never passes it', async () => {
  // Twenty days, so that the per-item spread of the date falls on both sides of 12:05.
  const days = Array.from({ length: 20 }, (_, i) => `2013-07-${String(i + 1).padStart(2, '0')}`);
  const { stream, problems } = await collectFrom(Object.fromEntries(days.map((day) => [`industry/${day}.md`, item({ title: day, date: day, updated: `${day}T12:05` })])));
  assert.equal(problems, []);
  assert.is(stream.items.length, 20);
  for (const news of stream.items) {
    const day = news.title;
    assert.is(news.updated?.iso, `${day}T11:05:00Z`, day);
    assert.ok(news.date.iso >= `${day}T11:00:00Z` && news.date.iso <= `${day}T11:05:00Z`, news.date.iso);
  }
  assert.ok(stream.items.some((i) => i.date.iso < `${i.title}T11:05:00Z`));
  assert.ok(stream.items.some((i) => i.date.iso === `${i.title}T11:05:00Z`));
});

dates('an updated at the very instant of the date is kept', async () => {
  const news = await only({ 'industry/a.md': item({ title: 'A', date: '2013-07-01T10:00', updated: '2013-07-01T10:00' }) });
  assert.equal([news.date.iso, news.updated?.iso], ['2013-07-01T09:00:00Z', '2013-07-01T09:00:00Z']);
  const noon = await only({ 'industry/b.md': item({ title: 'B', date: '2013-07-01', updated: '2013-07-01T12:00' }) });
  assert.equal([noon.date.iso, noon.updated?.iso], ['2013-07-01T11:00:00Z', '2013-07-01T11:00:00Z']);
});

dates('an updated without a time on a later day is kept, in the noon hour of its own day', async () => {
  const news = await only({ 'industry/a.md': item({ title: 'A', date: '2013-07-01T16:30', updated: '2013-07-02' }) });
  assert.is(news.updated?.display, '2 July 2013');
  assert.ok(news.updated!.iso >= '2013-07-02T11:00:00Z' && news.updated!.iso < '2013-07-02T12:00:00Z', news.updated!.iso);
});

dates('gives items that share a timestamp distinct ones, one second apart in id order', async () => {
  const { stream } = await collectFrom({
    'industry/b.md': item({ title: 'B', date: '2012-02-14T10:00' }),
    'industry/a.md': item({ title: 'A', date: '2012-02-14T10:00' }),
  });
  assert.equal(stream.items.map((i) => [i.slug, i.date.iso]), [['b', '2012-02-14T10:00:01Z'], ['a', '2012-02-14T10:00:00Z']]);
});

dates.run();

const fieldValues = suite('field values');

fieldValues('text fields keep the text as written, however much it looks like a number', async () => {
  const news = await only({
    'industry/a.md': item({ title: '1.10', date: '2012-01-19', organisation: '007', region: '1e3', summary: '3.50', tags: '[0x1F, .inf, 2012]', authors: '[1.0, "null"]' }),
  });
  assert.equal(
    [news.title, news.organisation, news.region, news.summary, news.tags, news.authors],
    ['1.10', '007', '1e3', '3.50', [{ slug: '0x1f', name: '0x1F' }, { slug: 'inf', name: '.inf' }, { slug: '2012', name: '2012' }], [{ name: '1.0' }, { name: 'null' }]],
  );
});

fieldValues('a plain ~, null or nothing is no value; true and false in any YAML case are booleans', async () => {
  const { stream, problems } = await collectFrom({
    'industry/a.md': item({ title: 'A', date: '2012-01-19', summary: '~', region: 'null', organisation: '', draft: 'TRUE' }, 'The body.'),
    'industry/b.md': item({ title: 'B', date: '2012-01-18', draft: 'False' }),
  }, { includeDrafts: true });
  assert.equal(problems, []);
  assert.equal(stream.items.map((i) => [i.slug, i.summary, i.region, i.organisation, i.draft]), [['a', 'The body.', undefined, undefined, true], ['b', 'A paragraph of news.', undefined, undefined, false]]);
});

fieldValues('carries a lead image as an absolute URL with its alt text, and its size when it is one of the site\'s files', async () => {
  const { stream, problems } = await collectFrom({
    'pathfinder/a.md': item({ title: 'A', date: '2013-03-22', image: '/files/map.svg', imageAlt: 'Map of the Kent pathfinder' }),
    'pathfinder/b.md': item({ title: 'B', date: '2013-03-21', image: 'https://images.example.org/ward.jpg', imageAlt: '""' }),
    'files/map.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"></svg>',
  });
  assert.equal(problems, []);
  assert.equal(stream.items.map((i) => i.image), [
    { url: 'https://news.example.org/files/map.svg', alt: 'Map of the Kent pathfinder', width: 40, height: 30 },
    { url: 'https://images.example.org/ward.jpg', alt: '' },
  ]);
});

fieldValues('carries a local item\'s region, organisation and authors given as names', async () => {
  const news = await only({ 'pathfinder/a.md': item({ title: 'A', date: '2013-03-22', region: 'Kent', organisation: 'Kent County Council', authors: '[Jane Smith, John Brown]' }) });
  assert.equal([news.region, news.organisation, news.authors], ['Kent', 'Kent County Council', [{ name: 'Jane Smith' }, { name: 'John Brown' }]]);
});

fieldValues('reads authors as one name, one author with fields, or a list of either', async () => {
  const { stream, problems } = await collectFrom({
    'industry/a.md': item({ title: 'A', date: '2013-03-22', authors: 'Jane Smith' }),
    'industry/b.md': item({ title: 'B', date: '2013-03-21', authors: '{ name: Jane Smith, email: jane@example.org, url: "https://example.org/jane" }' }),
    'industry/c.md': item({ title: 'C', date: '2013-03-20', authors: '\n  name: Ann Lee\n  emial: ann@example.org' }),
    'industry/d.md': item({ title: 'D', date: '2013-03-19', authors: '[John Brown, { name: Ann Lee }]' }),
  });
  assert.equal(stream.items.map((i) => i.authors), [
    [{ name: 'Jane Smith' }],
    [{ name: 'Jane Smith', email: 'jane@example.org', url: 'https://example.org/jane' }],
    [{ name: 'Ann Lee' }],
    [{ name: 'John Brown' }, { name: 'Ann Lee' }],
  ]);
  assert.equal(problems.map((p) => `${p.file}:${p.line} ${p.field}: ${p.message}`), ['content/industry/c.md:6 authors.emial: "emial" is not a field of an author and is ignored']);
});

fieldValues('a local link post links to its target, and its url is still its own page', async () => {
  const news = await only({ 'industry/2013/bmj.md': item({ title: 'WSD results in the BMJ', date: '2013-03-22', link: 'https://www.bmj.com/content/344/bmj.e3874' }) });
  assert.equal([news.link, news.url, news.path], ['https://www.bmj.com/content/344/bmj.e3874', 'https://news.example.org/industry/2013/bmj/', '/industry/2013/bmj/']);
});

fieldValues.run();

const summaries = suite('summaries');

summaries('uses the summary field when there is one', async () => {
  const news = await only({ 'industry/a.md': item({ title: 'A', date: '2012-01-19', summary: 'Written by hand.' }, 'The body.') });
  assert.is(news.summary, 'Written by hand.');
});

summaries('derives the summary from the first paragraph as plain text with entities decoded', async () => {
  const body = '## A heading first\n\nThe *concordat* &amp; the [NHS](https://www.nhs.uk/) &mdash; `together`.\n\nSecond paragraph.';
  const news = await only({ 'industry/a.md': item({ title: 'A', date: '2012-01-19' }, body) });
  assert.is(news.summary, 'The concordat & the NHS — together.');
});

summaries('cuts a long first paragraph at a word boundary', async () => {
  const words = 'telehealth '.repeat(40).trim();
  const news = await only({ 'industry/a.md': item({ title: 'A', date: '2012-01-19' }, words) }, { config: { summaryLength: 50 } });
  assert.is(news.summary, 'telehealth telehealth telehealth telehealth…');
});

summaries('never runs past the limit, the ellipsis included, even for one long word', async () => {
  const news = await only({ 'industry/a.md': item({ title: 'A', date: '2012-01-19' }, 'x'.repeat(200)) }, { config: { summaryLength: 120 } });
  assert.is(news.summary, `${'x'.repeat(119)}…`);
});

summaries('keeps a word that ends where the cut falls', async () => {
  const news = await only({ 'industry/a.md': item({ title: 'A', date: '2012-01-19' }, 'abc defgh ijk lmn') }, { config: { summaryLength: 10 } });
  assert.is(news.summary, 'abc defgh…');
});

summaries('cuts between characters as readers see them, never inside an emoji or after a letter before its accent', async () => {
  const emoji = await only({ 'industry/a.md': item({ title: 'A', date: '2012-01-19' }, '👍🏽'.repeat(30)) }, { config: { summaryLength: 10 } });
  assert.is(emoji.summary, `${'👍🏽'.repeat(9)}…`);
  const accents = await only({ 'industry/b.md': item({ title: 'B', date: '2012-01-19' }, 'e\u0301'.repeat(30)) }, { config: { summaryLength: 5 } });
  assert.is(accents.summary, `${'e\u0301'.repeat(4)}…`);
});

summaries('takes the text of a first paragraph written in HTML', async () => {
  const news = await only({ 'industry/a.md': item({ title: 'A', date: '2012-01-19' }, '<p class="x">Pasted &amp; <b>bold</b></p>') });
  assert.is(news.summary, 'Pasted & bold');
});

summaries('is made from the body as published: comments, scripts and styles never count', async () => {
  const cases: [string, string][] = [
    ['<!-- a note for editors -->\n\nThe first real paragraph.', 'The first real paragraph.'],
    ['<script>track()</script>\n<style>p { color: red }</style>\n\nAfter the script.', 'After the script.'],
    ['Text with <script>bad()</script> here.', 'Text with here.'],
    ['<div><p>Inside &amp; <em>div</em></p><p>second</p></div>', 'Inside & div'],
    ['<p>One line<br>and the next, with <img src="/files/map.svg" alt="a map"> in it</p>', 'One line and the next, with a map in it'],
    ['<table><tr><td>Kent</td><td>1,000</td></tr></table>\n\nThe paragraph after the table.', 'The paragraph after the table.'],
    ['<div><h2>Heading</h2>Loose text<p>The paragraph.</p></div>', 'The paragraph.'],
  ];
  for (const [body, summary] of cases) {
    const news = await only({ 'industry/a.md': item({ title: 'A', date: '2012-01-19' }, body) });
    assert.is(news.summary, summary, body);
  }
});

summaries('with no paragraph, takes the first block that has text', async () => {
  const news = await only({ 'industry/a.md': item({ title: 'A', date: '2012-01-19' }, '## Results\n\n- Kent\n- Cornwall') });
  assert.is(news.summary, 'Results');
  const list = await only({ 'industry/b.md': item({ title: 'B', date: '2012-01-19' }, '<ul><li>Kent &amp; Medway</li><li>Cornwall</li></ul>') });
  assert.is(list.summary, 'Kent & Medway');
});

summaries('warns when nothing is left to make a summary of, at the body\'s first line', async () => {
  const { stream, problems } = await collectFrom({
    'industry/script-only.md': item({ title: 'A', date: '2012-01-19' }, '\n\n<script>alert(1)</script>'),
    'industry/image-only.md': item({ title: 'B', date: '2012-01-19' }, '![](/files/map.svg)'),
    'files/map.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"></svg>',
  });
  assert.equal(stream.items.map((i) => [i.slug, i.summary]), [['image-only', ''], ['script-only', '']]);
  assert.equal(problems.map((p) => `${p.file}:${p.line} ${p.field}: ${p.message} (${p.hint})`).sort(), [
    'content/industry/image-only.md:5 body: the body has no text to make a summary of, so lists show only the title (start the body with a paragraph, or add a summary)',
    'content/industry/script-only.md:7 body: the item has no body and no summary, so readers see only its title (write a paragraph below the front matter, or add a summary)',
  ]);
});

summaries('plain text of HTML keeps blocks, list items and line breaks apart, and reads images by their alt text', () => {
  assert.is(htmlToText('<p>One.</p><p>Two</p><ul><li>a</li><li>b</li></ul>line<br>break'), 'One. Two a b line break');
  assert.is(htmlToText('<script>bad()</script><!-- note -->x &lt;y and 5 &lt; 6, <img src="c.png" alt="a chart">'), 'x <y and 5 < 6, a chart');
});

summaries.run();

const tags = suite('tags and streams');

tags('compares tags case-insensitively and shows the most used spelling', async () => {
  const { stream } = await collectFrom({
    'industry/a.md': item({ title: 'A', date: '2012-01-19', tags: '[Telehealth, Business case]' }),
    'industry/b.md': item({ title: 'B', date: '2012-01-20', tags: '[telehealth]' }),
    'industry/c.md': item({ title: 'C', date: '2012-01-21', tags: '[Telehealth, TELEHEALTH]' }),
  });
  assert.equal(groupByTag(stream.items).map((t) => [t.tag, t.items.map((i) => i.slug)]), [
    [{ slug: 'business-case', name: 'Business case' }, ['a']],
    [{ slug: 'telehealth', name: 'Telehealth' }, ['c', 'b', 'a']],
  ]);
  assert.equal(stream.items.find((i) => i.slug === 'c')?.tags, [{ slug: 'telehealth', name: 'Telehealth' }]);
});

tags('gives tags and file names that have no Latin transliteration a stable slug of their own, ignoring case', async () => {
  const { stream, problems } = await collectFrom({
    'industry/健康.md': item({ title: 'A', date: '2012-01-19', tags: '[健康, ਪੰਜਾਬੀ, Ⲁⲃⲅ, 日本語 2013]' }),
    'industry/b.md': item({ title: 'B', date: '2012-01-18', tags: '[ⲁⲃⲅ, 健康]' }),
  });
  assert.equal(problems, []);
  const news = stream.items[0]!;
  assert.equal([news.path, news.id], ['/industry/2012/u-81690cf5/', 'tag:3millionlives.co.uk,2012-01-19:industry/u-81690cf5']);
  assert.equal(groupByTag(stream.items).map((t) => [t.tag.slug, t.tag.name, t.items.map((i) => i.title)]), [
    ['u-be1c0048', 'Ⲁⲃⲅ', ['A', 'B']],
    ['u-d7443ed9', 'ਪੰਜਾਬੀ', ['A']],
    ['u-81690cf5', '健康', ['A', 'B']],
    ['2013', '日本語 2013', ['A']],
  ]);
});

tags('cross-posts an item to every stream it lists, home stream first, without repeats', async () => {
  const { stream } = await collectFrom({
    'industry/a.md': item({ title: 'A', date: '2012-01-19', streams: '[social-care, industry, public-health]' }),
  });
  assert.equal(stream.items[0]?.streams, ['industry', 'social-care', 'public-health']);
  assert.equal(groupByStream(stream.items, stream.config.streams).map((s) => [s.stream.slug, s.items.length]), [['industry', 1], ['pathfinder', 0], ['social-care', 1], ['public-health', 1]]);
});

tags('adds a fifth stream by configuration alone', async () => {
  const mentalHealth = { slug: 'mental-health', title: 'Mental health', description: 'Technology-enabled care in mental health.' };
  const { stream, problems } = await collectFrom(
    { 'mental-health/a.md': item({ title: 'A', date: '2013-01-19' }), 'industry/b.md': item({ title: 'B', date: '2013-01-18', streams: '[mental-health]' }) },
    { config: { streams: [...defaultStreams, mentalHealth] } },
  );
  assert.equal(problems, []);
  assert.equal(groupByStream(stream.items, stream.config.streams).map((s) => [s.stream.slug, s.items.map((i) => i.slug)]), [
    ['industry', ['b']], ['pathfinder', []], ['social-care', []], ['public-health', []], ['mental-health', ['a', 'b']],
  ]);
  assert.is(stream.items[0]?.path, '/mental-health/2013/a/');
});

tags.run();

const drafts = suite('drafts');

drafts('leaves drafts out of production builds and counts them', async () => {
  const files = { 'industry/a.md': item({ title: 'A', date: '2012-01-19', draft: 'true' }), 'industry/b.md': item({ title: 'B', date: '2012-01-18' }) };
  const { stream } = await collectFrom(files);
  assert.equal(stream.items.map((i) => i.slug), ['b']);
  assert.is(stream.draftsLeftOut, 1);
});

drafts('shows drafts when drafts are included (the dev server)', async () => {
  const files = { 'industry/a.md': item({ title: 'A', date: '2012-01-19', draft: 'true' }), 'industry/b.md': item({ title: 'B', date: '2012-01-18' }) };
  const { stream } = await collectFrom(files, { includeDrafts: true });
  assert.equal(stream.items.map((i) => [i.slug, i.draft]), [['a', true], ['b', false]]);
  assert.is(stream.draftsLeftOut, 0);
});

drafts.run();

const bodies = suite('bodies');

bodies('resolves relative links and image URLs against the item\'s URL', async () => {
  const body = '[A](/public-health/2011/wsd/) [B](../other/) [C](#part) ![Map](/files/map.svg)';
  const news = await only({ 'industry/2012/a.md': item({ title: 'A', date: '2012-01-19' }, body) });
  assert.is(
    news.contentHtml,
    '<p><a href="https://news.example.org/public-health/2011/wsd/">A</a> <a href="https://news.example.org/industry/2012/other/">B</a> ' +
      '<a href="https://news.example.org/industry/2012/a/#part">C</a> <img src="https://news.example.org/files/map.svg" alt="Map" /></p>\n',
  );
});

bodies('removes script, event handlers, javascript: URLs, iframes and styles', async () => {
  const body = [
    '<script>alert(1)</script>',
    '<p onclick="steal()" style="color:red">Text <a href="javascript:alert(1)">link</a> <a href=" JaVaScRiPt:alert(1)">two</a></p>',
    '<iframe src="https://evil.example/"></iframe><style>body{display:none}</style><img src="x.png" onerror="alert(1)" alt="x">',
    '<object data="x.swf"></object><form action="/x"><input name="q"></form><svg><script>alert(1)</script></svg>',
  ].join('\n');
  const news = await only({ 'industry/a.md': item({ title: 'A', date: '2012-01-19' }, body) });
  assert.is(
    news.contentHtml,
    '\n<p>Text <a>link</a> <a>two</a></p>\n<img src="https://news.example.org/industry/2012/a/x.png" alt="x" />\n\n',
  );
});

bodies('keeps tables, images, headings and links', async () => {
  const body = '# Title in body\n\n### Results\n\n| Area | Users |\n| --- | --- |\n| Kent | 1,000 |\n\n<table><caption>Sites</caption><tr><th scope="col">Site</th></tr></table>\n\n[Link](https://www.gov.uk/ "GOV.UK")';
  const news = await only({ 'industry/a.md': item({ title: 'A', date: '2012-01-19' }, body) });
  assert.is(
    news.contentHtml,
    '<h2>Title in body</h2>\n<h3>Results</h3>\n<table>\n<thead>\n<tr>\n<th>Area</th>\n<th>Users</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Kent</td>\n<td>1,000</td>\n</tr>\n</tbody>\n</table>\n' +
      '<table><caption>Sites</caption><tr><th scope="col">Site</th></tr></table>\n<p><a href="https://www.gov.uk/" title="GOV.UK">Link</a></p>\n',
  );
});

bodies('a body without raw HTML is rendered straight to the allowlist: sanitising it changes nothing', async () => {
  const markdown = [
    '# A heading that becomes h2', '', '## Results', '', '| Left | Right |', '| :--- | ---: |', '| a | b |', '',
    '```js', 'const x = "<script>";', '```', '', '    indented code', '',
    '[ftp](ftp://example.org/x) [js](javascript:alert(1)) [mail](mailto:a@example.org) [ref][r] <https://auto.example.org/> ![alt *text*](/files/a.png "Title")',
    '', '> quote with `code` and **bold** and ~~struck~~', '', '1. one', '2. two', '', '---', '', '[r]: https://ref.example.org/ "Ref title"',
  ].join('\n');
  const dir = mkdtempSync(path.join(tmpdir(), '3ml-bodies-'));
  try {
    generateCorpus({ dir: path.join(dir, 'content'), items: 120 });
    writeFileSync(path.join(dir, 'content', 'industry', 'features.md'), item({ title: 'All features', date: '2013-01-01' }, markdown));
    const stream = await readNews({ config: resolveConfig(testConfigInput), rootDir: dir, now: testNow, includeDrafts: false });
    assert.is(stream.items.length, 121);
    for (const news of stream.items) assert.is(sanitiseBody(news.contentHtml, (url) => url), news.contentHtml, news.title);
    const features = stream.items.find((i) => i.title === 'All features')?.contentHtml ?? '';
    assert.match(features, '<h2>A heading that becomes h2</h2>');
    assert.match(features, '<a>ftp</a> [js](javascript:alert(1)) <a href="mailto:a@example.org">mail</a> <a href="https://ref.example.org/" title="Ref title">ref</a>');
    assert.match(features, '<pre><code>const x = &quot;&lt;script&gt;&quot;;\n</code></pre>');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

bodies.run();

const order = suite('order');

order('sorts newest first, breaking ties by id', async () => {
  // z-tie and a-tie are published at one instant (updated sets their last changes apart, so neither is moved a
  // second); z-tie is read after a-tie and its slug sorts after, but its id sorts first.
  const { stream } = await collectFrom({
    'industry/old.md': item({ title: 'Old', date: '2011-12-05T10:00:00Z' }),
    'social-care/new.md': item({ title: 'New', date: '2013-03-22T09:00' }),
    'social-care/z-tie.md': item({ title: 'Z', date: '2012-07-10T14:30', id: 'tag:3millionlives.co.uk,2012:a-first-by-id' }),
    'pathfinder/a-tie.md': item({ title: 'A', date: '2012-07-10T14:30', updated: '2012-08-01T09:00', id: 'tag:3millionlives.co.uk,2012:b-second-by-id' }),
  });
  assert.equal(stream.items.map((i) => [i.slug, i.date.iso]), [
    ['new', '2013-03-22T09:00:00Z'],
    ['z-tie', '2012-07-10T13:30:00Z'],
    ['a-tie', '2012-07-10T13:30:00Z'],
    ['old', '2011-12-05T10:00:00Z'],
  ]);
});

order.run();
