import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bundleEmbed } from '../embed/bundle.ts';
import { findViolations, launchBrowser } from './helpers/browser.ts';
import { buildSite, type BuiltSite } from './helpers/site.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';

interface Context {
  site?: BuiltSite;
  prefixedSite?: BuiltSite;
  siteServer?: StaticServer;
  prefixedServer?: StaticServer;
  partnerDir?: string;
  partnerServer?: StaticServer;
  browser?: Browser;
}

/** A feed no build of ours would write: markup in titles and organisations, a javascript: link. */
const hostileFeed = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Hostile <img src=x onerror="window.pwned=1">',
  home_page_url: 'javascript:window.pwned=2',
  items: [
    { id: '1', url: 'javascript:window.pwned=3', title: '<img src=x onerror="window.pwned=4">Script in a title', summary: '<script>window.pwned=5</script>', date_published: '2013-06-07T10:00:00Z', _threeml: { streams: [{ title: '<b onmouseover="window.pwned=6">Bold</b>' }], organisation: '<iframe src="javascript:window.pwned=7">' } },
    { id: '2', url: 'https://hostile.example.org/fine', title: 'A plain item', date_published: 'not a date' },
  ],
};

const partnerCss = `
body { font-family: "Partner Serif", Georgia, serif; color: rgb(51, 34, 17); background: #fff; margin: 1rem; }
ul { list-style: square; margin: 0 0 2rem 3rem; }
li { margin-bottom: 7px; }
a { color: rgb(153, 0, 0); }
h2 { font-size: 40px; }
`;

/** A partner's page, on another origin, with its own CSS and the pasted snippet. */
function partnerPage(body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>Westvale Council</title><link rel="icon" href="data:,"><link rel="stylesheet" href="partner.css"></head>
<body>
<main>
<h1>Westvale Council</h1>
<ul class="partner-list"><li>Bins are collected on Tuesdays</li></ul>
${body}
</main>
</body>
</html>`;
}

const embed = suite<Context>('the embed on a partner\'s page');

embed.before(async (context) => {
  context.site = await buildSite();
  mkdirSync(path.join(context.site.dir, 'tags', 'hostile'), { recursive: true });
  writeFileSync(path.join(context.site.dir, 'tags', 'hostile', 'feed.json'), JSON.stringify(hostileFeed));
  context.prefixedSite = await buildSite({ env: { NEWS_PATH_PREFIX: '/news/' } });
  context.siteServer = await serveStatic({ root: context.site.dir });
  context.prefixedServer = await serveStatic({ root: context.prefixedSite.dir, prefix: '/news/' });
  context.partnerDir = mkdtempSync(path.join(tmpdir(), '3ml-partner-'));
  writeFileSync(path.join(context.partnerDir, 'partner.css'), partnerCss);
  context.partnerServer = await serveStatic({ root: context.partnerDir });
  context.browser = await launchBrowser();
});

embed.after(async (context) => {
  await context.browser?.close();
  await Promise.all([context.siteServer?.close(), context.prefixedServer?.close(), context.partnerServer?.close()]);
  context.site?.remove();
  context.prefixedSite?.remove();
  if (context.partnerDir) rmSync(context.partnerDir, { recursive: true, force: true });
});

/** Opens a partner page holding `body`; collects what reaches the console and any dialog. */
async function openPartner(context: Context, name: string, body: string, prepare?: (page: Page) => Promise<void>) {
  writeFileSync(path.join(context.partnerDir as string, `${name}.html`), partnerPage(body));
  const page = await (context.browser as Browser).newPage();
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await prepare?.(page);
  await page.goto(`${context.partnerServer?.url}${name}.html`);
  return { page, consoleErrors, pageErrors, dialogs };
}

const snippet = (context: Context, attributes: string, fallback = 'News from 3ML News') =>
  `<script src="${context.siteServer?.url}embed/v1/news.js" defer></script>\n<threeml-news ${attributes}><a href="${context.siteServer?.url}">${fallback}</a></threeml-news>`;

function feedTitles(context: Context, feedPath: string, count: number): string[] {
  const feed = JSON.parse(readFileSync(path.join(context.site?.dir as string, feedPath), 'utf8')) as { items: { title: string }[] };
  return feed.items.slice(0, count).map((i) => i.title);
}

embed('renders the items of the chosen stream, with summaries, heading level and the language of dates', async (context) => {
  const { page, consoleErrors, pageErrors } = await openPartner(context, 'stream', snippet(context, 'stream="social-care" limit="3" summaries heading-level="3" date-language="fr"'));
  try {
    await page.locator('threeml-news [part="list"]').waitFor();
    assert.equal(await page.locator('threeml-news [part="link"]').allTextContents(), feedTitles(context, 'social-care/feed.json', 3));
    assert.is(await page.locator('threeml-news [part="heading"]').evaluate((h) => `${h.tagName} ${h.textContent}`), 'H3 3ML News: Social care');
    assert.equal(await page.locator('threeml-news [part="title"]').evaluateAll((hs) => hs.map((h) => h.tagName)), ['H4', 'H4', 'H4']);
    assert.is(await page.locator('threeml-news [part="summary"]').count(), 3);
    assert.equal((await page.locator('threeml-news [part="date"]').allTextContents())[0], '19 décembre 2014');
    assert.ok((await page.locator('threeml-news [part="meta"]').allTextContents()).every((meta) => meta.includes('Social care')));
    assert.is(await page.locator('threeml-news [part="attribution-link"]').getAttribute('href'), `https://news.3millionlives.co.uk/social-care/`);
    assert.equal([consoleErrors, pageErrors], [[], []]);
  } finally {
    await page.close();
  }
});

embed('without attributes it shows the five newest of all news, titles only, under an h2', async (context) => {
  const { page, consoleErrors } = await openPartner(context, 'default', snippet(context, ''));
  try {
    await page.locator('threeml-news [part="list"]').waitFor();
    assert.equal(await page.locator('threeml-news [part="link"]').allTextContents(), feedTitles(context, 'feed.json', 5));
    assert.is(await page.locator('threeml-news [part="heading"]').evaluate((h) => h.tagName), 'H2');
    assert.is(await page.locator('threeml-news [part="summary"]').count(), 0);
    assert.equal(consoleErrors, []);
  } finally {
    await page.close();
  }
});

embed('a tag attribute shows that tag\'s items', async (context) => {
  const { page } = await openPartner(context, 'tag', snippet(context, 'tag="telecoaching" limit="10"'));
  try {
    await page.locator('threeml-news [part="list"]').waitFor();
    assert.equal(await page.locator('threeml-news [part="link"]').allTextContents(), feedTitles(context, 'tags/telecoaching/feed.json', 10));
  } finally {
    await page.close();
  }
});

embed('the partner\'s font and colour reach the widget, and the widget\'s styles do not reach the partner\'s page', async (context) => {
  const { page } = await openPartner(context, 'styles', snippet(context, 'limit="2"'));
  try {
    await page.locator('threeml-news [part="list"]').waitFor();
    const widget = await page.locator('threeml-news [part="meta"]').first().evaluate((e) => ({ font: getComputedStyle(e).fontFamily, colour: getComputedStyle(e).color }));
    assert.equal(widget, { font: '"Partner Serif", Georgia, serif', colour: 'rgb(51, 34, 17)' });
    const partner = await page.locator('ul.partner-list').evaluate((list) => {
      const style = getComputedStyle(list);
      const item = getComputedStyle(list.firstElementChild as Element);
      return [style.listStyleType, style.marginLeft, style.marginBottom, item.marginBottom];
    });
    assert.equal(partner, ['square', '48px', '32px', '7px']);
    const widgetList = await page.locator('threeml-news [part="list"]').evaluate((list) => getComputedStyle(list).listStyleType);
    assert.is(widgetList, 'none');
  } finally {
    await page.close();
  }
});

embed('a hostile feed is rendered inert: markup stays text, javascript: links are not links, nothing runs', async (context) => {
  const { page, dialogs, pageErrors } = await openPartner(context, 'hostile', snippet(context, 'tag="hostile" summaries'));
  try {
    await page.locator('threeml-news [part="list"]').waitFor();
    assert.equal(await page.locator('threeml-news [part="title"]').allTextContents(), ['<img src=x onerror="window.pwned=4">Script in a title', 'A plain item']);
    assert.equal(await page.locator('threeml-news [part="link"]').evaluateAll((links) => links.map((a) => a.getAttribute('href'))), ['https://hostile.example.org/fine']);
    assert.is(await page.locator('threeml-news img, threeml-news script, threeml-news iframe, threeml-news b').count(), 0);
    assert.is(await page.locator('threeml-news [part="attribution-link"]').getAttribute('href'), `${context.siteServer?.url}`);
    await page.waitForTimeout(200);
    assert.equal([await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), dialogs, pageErrors], [undefined, [], []]);
  } finally {
    await page.close();
  }
});

embed('when the feed cannot be reached the partner\'s fallback stays, and the console has only the browser\'s own message', async (context) => {
  const { page, consoleErrors, pageErrors } = await openPartner(context, 'down', snippet(context, 'stream="industry"', 'Industry news from 3ML News'), async (p) => {
    await p.route('**/feed.json', (route) => route.abort('connectionrefused'));
  });
  try {
    await page.waitForLoadState('networkidle');
    assert.ok(await page.getByRole('link', { name: 'Industry news from 3ML News' }).isVisible());
    assert.is(await page.locator('threeml-news [part="list"]').count(), 0);
    assert.equal(pageErrors, []);
    assert.ok(consoleErrors.every((text) => /^Failed to load resource: net::ERR_CONNECTION_REFUSED$/.test(text)), consoleErrors.join(' | '));
  } finally {
    await page.close();
  }
});

embed('the snippet pasted twice on one page works, both times', async (context) => {
  const { page, consoleErrors, pageErrors } = await openPartner(context, 'twice', `${snippet(context, 'stream="pathfinder" limit="2"')}\n${snippet(context, 'stream="public-health" limit="3"')}`);
  try {
    await page.locator('threeml-news:nth-of-type(2) [part="list"]').waitFor();
    await page.locator('threeml-news:nth-of-type(1) [part="list"]').waitFor();
    assert.equal(await page.locator('threeml-news:nth-of-type(1) [part="link"]').allTextContents(), feedTitles(context, 'pathfinder/feed.json', 2));
    assert.equal(await page.locator('threeml-news:nth-of-type(2) [part="link"]').allTextContents(), feedTitles(context, 'public-health/feed.json', 3));
    assert.equal([consoleErrors, pageErrors], [[], []]);
  } finally {
    await page.close();
  }
});

embed('axe-core finds no WCAG 2.2 A or AA violation on the partner\'s page with the widget', async (context) => {
  const { page } = await openPartner(context, 'axe', snippet(context, 'limit="5" summaries heading-level="2"'));
  try {
    await page.locator('threeml-news [part="list"]').waitFor();
    assert.equal(await findViolations(page), []);
  } finally {
    await page.close();
  }
});

embed('one snippet works wherever the site is hosted: under a path prefix the script finds its feeds', async (context) => {
  const prefixed = context.prefixedServer?.url ?? '';
  const { page, consoleErrors } = await openPartner(context, 'prefixed', `<script src="${prefixed}embed/v1/news.js" defer></script><threeml-news limit="3"><a href="${prefixed}">News</a></threeml-news>`);
  try {
    await page.locator('threeml-news [part="list"]').waitFor();
    assert.equal(await page.locator('threeml-news [part="link"]').allTextContents(), feedTitles(context, 'feed.json', 3));
    assert.equal(consoleErrors, []);
  } finally {
    await page.close();
  }
});

embed('the iframe embed shows a stream\'s items, opens links in the partner\'s window and passes axe-core', async (context) => {
  const frameUrl = `${context.siteServer?.url}embed/frame/industry/`;
  const { page, consoleErrors, pageErrors } = await openPartner(context, 'iframe', `<iframe src="${frameUrl}" title="Industry news from 3ML News" width="100%" height="520" style="border:0"></iframe>`);
  try {
    const frame = page.frameLocator('iframe');
    await frame.locator('h2 a').first().waitFor();
    assert.equal(await frame.locator('h2 a').allTextContents(), feedTitles(context, 'industry/feed.json', 10));
    assert.is(await frame.locator('base').getAttribute('target'), '_top');
    // Checked before axe-core runs: its own messages between frames are not the embed's.
    assert.equal([consoleErrors, pageErrors], [[], []]);
    assert.equal(await findViolations(page), []);
    const inner = page.frames().find((f) => f.url() === frameUrl);
    assert.ok(inner, 'the frame loaded');
    await inner?.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
    const violations = await inner?.evaluate(async () => (await (window as unknown as { axe: { run: (d: Document, o: object) => Promise<{ violations: { id: string }[] }> } }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })).violations.map((v) => v.id));
    assert.equal(violations, []);
  } finally {
    await page.close();
  }
});

embed('the JSON feeds and the script are readable from other origins, as the site\'s _headers file says', async (context) => {
  for (const file of ['feed.json', 'industry/feed.json', 'tags/telehealth/feed.json', 'embed/v1/news.js']) {
    const response = await fetch(`${context.siteServer?.url}${file}`, { headers: { origin: 'https://partner.example.org' } });
    assert.is(response.headers.get('access-control-allow-origin'), '*', file);
  }
});

embed.run();

const bundle = suite('the embed bundle');

bundle('is one file under 6 KB gzipped', () => {
  const code = bundleEmbed();
  const size = gzipSync(code).byteLength;
  assert.ok(size < 6 * 1024, `${size} bytes gzipped`);
  assert.not.match(code, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
});

bundle.run();
