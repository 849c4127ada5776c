import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from '../helpers/suite.ts';
import * as assert from 'uvu/assert';
import { parseOpml } from 'feedsmith';
import { Parser } from 'htmlparser2';
import { launchBrowser, visit } from '../helpers/browser.ts';
import { collectFrom, item, writeProject } from '../helpers/content.ts';
import { renderAll } from '../helpers/feeds.ts';
import { buildSite as buildSiteFolder, type BuiltSite } from '../helpers/site.ts';
import { buildSite } from '../../site/build.ts';
import { serveStatic } from '../helpers/static-server.ts';

/** The shipped configuration's address: the built site is the production build of this content. */
const origin = 'https://news.3millionlives.co.uk';

/** Three streams with news and one, social care, configured but still empty. */
const content = {
  'industry/2013/carelink.md': item({ title: '"CareLink & Northshire sign a contract"', date: '2013-04-10T10:00', tags: '[Telecare]', organisation: 'CareLink Technologies' }),
  'pathfinder/2013/kent.md': item({ title: 'Kent goes live', date: '2013-05-01T10:00', tags: '[Telecare]', organisation: 'Kent County Council', region: 'Kent' }),
  'public-health/2013/walks.md': item({ title: 'Health walks', date: '2013-02-01T10:00' }),
};

interface Context {
  project?: { rootDir: string; remove: () => void };
  built?: BuiltSite;
}

const site = suite<Context>('the built site\'s feeds, OPML and autodiscovery');

site.before(async (context) => {
  context.project = writeProject(content);
  context.built = await buildSiteFolder({ contentDir: path.join(context.project.rootDir, 'content') });
});

site.after((context) => {
  context.built?.remove();
  context.project?.remove();
});

const read = (context: Context, sitePath: string) => readFileSync(path.join(context.built?.dir ?? '', sitePath), 'utf8');

site('a stream without items is dated by the site\'s latest change', (context) => {
  assert.match(read(context, '/social-care/atom.xml'), '<updated>2013-05-01T09:00:00Z</updated>');
  assert.not.match(read(context, '/social-care/atom.xml'), '<entry>');
  assert.match(read(context, '/social-care/rss.xml'), '<lastBuildDate>Wed, 01 May 2013 09:00:00 GMT</lastBuildDate>');
  assert.equal((JSON.parse(read(context, '/social-care/feed.json')) as { items: unknown[] }).items, []);
});

site('the OPML file lists every channel\'s RSS feed, grouped as the site is, dated by the latest change', (context) => {
  const opml = parseOpml(read(context, '/feeds.opml'));
  assert.equal(opml.head, { title: '3ML News feeds', dateModified: 'Wed, 01 May 2013 09:00:00 GMT', ownerName: '3ML News' });
  const outline = (title: string, folder: string, description?: string) => ({
    type: 'rss', text: title, title, xmlUrl: `${origin}${folder}rss.xml`, htmlUrl: `${origin}${folder}`, ...(description && { description }), language: 'en-GB',
  });
  const everything = opml.body?.outlines?.[0];
  assert.equal(everything?.xmlUrl, `${origin}/rss.xml`);
  assert.equal(opml.body?.outlines?.slice(1), [
    {
      text: 'Streams',
      outlines: [
        outline('3ML News: Industry', '/industry/', 'News from the industry partners who make and supply telehealth, telecare and telecoaching.'),
        outline('3ML News: Pathfinder sites', '/pathfinder/', 'Updates and business cases from the local areas rolling out technology-enabled care at scale.'),
        outline('3ML News: Social care', '/social-care/', 'Technology-enabled care in adult social care: telecare, reablement, carers and personal budgets.'),
        outline('3ML News: Public health', '/public-health/', 'Prevention, self-management and telecoaching for healthier lives.'),
      ],
    },
    { text: 'Tags', outlines: [outline('3ML News: Telecare', '/tags/telecare/', 'News tagged “Telecare” from 3ML News.')] },
  ]);
});

/** The page's `<link rel="alternate">` tags: type, title, address. */
function autodiscovery(html: string): string[][] {
  const links: string[][] = [];
  const parser = new Parser({ onopentag: (name, attributes) => void (name === 'link' && attributes.rel === 'alternate' && links.push([attributes.type ?? '', attributes.title ?? '', attributes.href ?? ''])) });
  parser.write(html);
  parser.end();
  return links;
}

site('every page announces its own feeds first, then the integrated stream\'s, in all three formats', (context) => {
  const feedsOf = (title: string, folder: string) => [
    ['application/rss+xml', `${title} (RSS 2.0)`, `${origin}${folder}rss.xml`],
    ['application/atom+xml', `${title} (Atom 1.0)`, `${origin}${folder}atom.xml`],
    ['application/feed+json', `${title} (JSON Feed 1.1)`, `${origin}${folder}feed.json`],
  ];
  const all = feedsOf('3ML News', '/');
  const pages: [string, string[][]][] = [
    ['/', all],
    ['/about/', all],
    ['/feed/', all],
    ['/industry/', [...feedsOf('3ML News: Industry', '/industry/'), ...all]],
    ['/industry/feed/', [...feedsOf('3ML News: Industry', '/industry/'), ...all]],
    ['/industry/2013/carelink/', [...feedsOf('3ML News: Industry', '/industry/'), ...all]],
    ['/social-care/', [...feedsOf('3ML News: Social care', '/social-care/'), ...all]],
    ['/tags/telecare/', [...feedsOf('3ML News: Telecare', '/tags/telecare/'), ...all]],
  ];
  for (const [page, expected] of pages) assert.equal(autodiscovery(read(context, `${page}index.html`)), expected, page);
});

site.run();

const raw = suite('a feed opened in a browser');

raw('carries no stylesheet, and its tree starts with a note saying what it is, how to subscribe and where its page is', async () => {
  const { stream } = await collectFrom(content);
  const news = buildSite(stream, { rootDir: '/nonexistent', contentDir: 'content' });
  const dir = mkdtempSync(path.join(tmpdir(), '3ml-raw-'));
  const server = await serveStatic({ root: dir, headers: false });
  const browser = await launchBrowser();
  try {
    for (const [sitePath, text] of renderAll(news)) {
      mkdirSync(path.dirname(path.join(dir, sitePath)), { recursive: true });
      writeFileSync(path.join(dir, sitePath), text);
    }
    const page = await browser.newPage();
    for (const [file, name] of [['rss.xml', 'RSS 2.0'], ['atom.xml', 'Atom 1.0']] as const) {
      assert.not.match(readFileSync(path.join(dir, 'industry', file), 'utf8'), '<?xml-stylesheet');
      await visit(page, new URL(`industry/${file}`, server.url).href);
      // Chromium shows an XML document without a stylesheet as its tree, the note first.
      const shown = (await page.evaluate(() => document.body.innerText)).replace(/\s+/g, ' ');
      assert.match(shown, `The document tree is shown below. <!-- This is the ${name} feed "3ML News: Industry". To subscribe, copy its address into a feed reader. About this feed and its latest items: https://news.example.org/industry/feed/ --> <`);
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

raw.run();
