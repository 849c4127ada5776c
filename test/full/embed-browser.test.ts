import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContextOptions, Page, Route } from 'playwright-core';
import { suite } from '../helpers/suite.ts';
import * as assert from 'uvu/assert';
import { findViolations, launchBrowser, recordPageOutput, recordPolicyViolations, visit } from '../helpers/browser.ts';
import { buildSite, type BuiltSite } from '../helpers/site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

interface Context {
  site?: BuiltSite;
  prefixedSite?: BuiltSite;
  siteServer?: StaticServer;
  prefixedServer?: StaticServer;
  /** The same site served without its _headers file: no CORS header on anything. */
  bareServer?: StaticServer;
  partnerDir?: string;
  partnerServer?: StaticServer;
  /** A partner whose Content-Security-Policy allows our origin only for scripts and fetches, and styles only from itself. */
  strictPartnerDir?: string;
  strictPartnerServer?: StaticServer;
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

const longTitle = `Telehealth${'x'.repeat(4990)}`;

/** A feed whose items and fields are wrong in every way JSON allows; the good ones must still show. */
const malformedFeed = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Malformed',
  home_page_url: 'https://news.3millionlives.co.uk/',
  items: [
    null,
    42,
    'an item as a string',
    ['an item as an array'],
    { id: 'a', url: 'https://news.3millionlives.co.uk/a/', title: 'Streams as a string', date_published: '2013-06-07T00:00:00+01:00', _threeml: { streams: 'Industry', organisation: 'Westvale Council' } },
    { id: 'b', url: 'https://news.3millionlives.co.uk/b/', title: 'Null among the streams', date_published: 20130607, _threeml: { streams: [null, { title: 'Social care' }, { title: 7 }, 'Industry'], organisation: { name: 'an object' } } },
    { id: 'c', url: 'https://news.3millionlives.co.uk/c/', title: 42 },
    { id: 'd', url: 'https://news.3millionlives.co.uk/d/', title: '   ' },
    { id: 'e', url: { href: 'https://evil.example/' }, title: 'A link that is not a string', summary: ['not', 'text'], _threeml: 'a string' },
    { id: 'f', url: 'https://news.3millionlives.co.uk/f/', title: longTitle, _threeml: null },
  ],
};

const emptyFeed = { version: 'https://jsonfeed.org/version/1.1', title: '3ML News: Nothing yet', home_page_url: 'https://news.3millionlives.co.uk/tags/nothing-yet/', items: [] };

const partnerCss = `
body { font-family: "Partner Serif", Georgia, serif; color: rgb(51, 34, 17); background: #fff; margin: 1rem; }
ul { list-style: square; margin: 0 0 2rem 3rem; }
li { margin-bottom: 7px; }
a { color: rgb(153, 0, 0); }
h2 { font-size: 40px; }
body.dark { background: rgb(11, 12, 12); color: rgb(255, 255, 255); }
threeml-news.themed {
  --threeml-news-link-colour: rgb(0, 85, 0);
  --threeml-news-muted-colour: rgb(85, 85, 85);
  --threeml-news-focus-colour: rgb(0, 0, 128);
  --threeml-news-focus-text-colour: rgb(255, 255, 255);
  --threeml-news-gap: 24px;
  --threeml-news-heading-size: 30px;
  --threeml-news-title-size: 20px;
}
threeml-news.themed::part(title) { font-style: italic; }
threeml-news.themed::part(date) { font-weight: 700; }
threeml-news.themed::part(entry) { border-left: 4px solid rgb(0, 0, 255); }
`;

/** A partner's page, on another origin, with its own CSS and the pasted snippet. */
function partnerPage(body: string, options: { lang?: string; bodyClass?: string; strict?: boolean }): string {
  // The strict partner's policy allows no images, so it has no icon (a data: one would be refused).
  return `<!doctype html>
<html lang="${options.lang ?? 'en-GB'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Westvale Council</title>${options.strict ? '' : '<link rel="icon" href="data:,">'}<link rel="stylesheet" href="partner.css"></head>
<body class="${options.bodyClass ?? ''}">
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
  [context.site, context.prefixedSite] = await Promise.all([buildSite(), buildSite({ site: { pathPrefix: '/news/' } })]);
  for (const [tag, feed] of Object.entries({ hostile: hostileFeed, malformed: malformedFeed, 'nothing-yet': emptyFeed })) {
    mkdirSync(path.join(context.site.dir, 'tags', tag), { recursive: true });
    writeFileSync(path.join(context.site.dir, 'tags', tag, 'feed.json'), JSON.stringify(feed));
  }
  mkdirSync(path.join(context.site.dir, 'tags', 'broken'), { recursive: true });
  writeFileSync(path.join(context.site.dir, 'tags', 'broken', 'feed.json'), '{"items": [');
  // The shipped content is too small for archives; their _headers rules are checked on stand-ins.
  for (const dir of [context.site.dir, context.prefixedSite.dir]) {
    for (const archive of ['feed/archive/1', 'pathfinder/feed/archive/1', 'tags/telecare/feed/archive/1']) {
      mkdirSync(path.join(dir, archive), { recursive: true });
      writeFileSync(path.join(dir, archive, 'feed.json'), JSON.stringify(emptyFeed));
    }
  }
  context.siteServer = await serveStatic({ root: context.site.dir });
  context.prefixedServer = await serveStatic({ root: context.prefixedSite.dir, prefix: '/news/' });
  context.bareServer = await serveStatic({ root: context.site.dir, headers: false });
  context.partnerDir = mkdtempSync(path.join(tmpdir(), '3ml-partner-'));
  writeFileSync(path.join(context.partnerDir, 'partner.css'), partnerCss);
  context.partnerServer = await serveStatic({ root: context.partnerDir });
  context.strictPartnerDir = mkdtempSync(path.join(tmpdir(), '3ml-strict-partner-'));
  writeFileSync(path.join(context.strictPartnerDir, 'partner.css'), partnerCss);
  const ours = context.siteServer.origin;
  writeFileSync(path.join(context.strictPartnerDir, '_headers'), `/*\n  Content-Security-Policy: default-src 'none'; script-src ${ours}; connect-src ${ours}; style-src 'self'\n`);
  context.strictPartnerServer = await serveStatic({ root: context.strictPartnerDir });
  context.browser = await launchBrowser();
});

embed.after(async (context) => {
  await context.browser?.close();
  await Promise.all([context.siteServer, context.prefixedServer, context.bareServer, context.partnerServer, context.strictPartnerServer].map((server) => server?.close()));
  context.site?.remove();
  context.prefixedSite?.remove();
  for (const dir of [context.partnerDir, context.strictPartnerDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

interface PartnerOptions {
  /** Run before the page loads, e.g. to route requests. */
  readonly prepare?: (page: Page) => Promise<unknown>;
  /** The browser context's options: viewport, time zone. */
  readonly browser?: BrowserContextOptions;
  readonly lang?: string;
  readonly bodyClass?: string;
  /** Served by the partner whose policy allows our origin only for scripts and fetches. */
  readonly strict?: boolean;
}

/** Opens a partner page holding `body`; collects what reaches the console, policy violations and any dialog. */
async function openPartner(context: Context, name: string, body: string, options: PartnerOptions = {}) {
  const [dir, server] = options.strict ? [context.strictPartnerDir, context.strictPartnerServer] : [context.partnerDir, context.partnerServer];
  writeFileSync(path.join(dir as string, `${name}.html`), partnerPage(body, options));
  const page = await (context.browser as Browser).newPage(options.browser);
  const { consoleErrors, pageErrors, dialogs } = recordPageOutput(page);
  const violations = await recordPolicyViolations(page);
  await options.prepare?.(page);
  await visit(page, `${server?.url}${name}.html`);
  return { page, consoleErrors, pageErrors, dialogs, violations };
}

const snippet = (context: Context, attributes: string, fallback = 'News from 3ML News', server = context.siteServer) =>
  `<script src="${server?.url}embed/v1/news.js" defer></script>\n<threeml-news ${attributes}><a href="${server?.url}">${fallback}</a></threeml-news>`;

interface JsonFeedItem {
  readonly url: string;
  readonly external_url?: string;
  readonly title: string;
}

function feedItems(context: Context, feedPath: string, count: number): JsonFeedItem[] {
  const feed = JSON.parse(readFileSync(path.join(context.site?.dir as string, feedPath), 'utf8')) as { items: JsonFeedItem[] };
  return feed.items.slice(0, count);
}

function feedTitles(context: Context, feedPath: string, count: number): string[] {
  return feedItems(context, feedPath, count).map((i) => i.title);
}

const dates = (page: Page) => page.locator('threeml-news [part="date"]').allTextContents();

embed('renders the items of the chosen stream, with summaries, heading level and the language of dates', async (context) => {
  const { page, consoleErrors, pageErrors } = await openPartner(context, 'stream', snippet(context, 'stream="social-care" limit="3" summaries heading-level="3" date-language="fr"'));
  try {
    await page.locator('threeml-news [part="list"]').waitFor();
    assert.equal(await page.locator('threeml-news [part="link"]').allTextContents(), feedTitles(context, 'social-care/feed.json', 3));
    assert.is(await page.locator('threeml-news [part="heading"]').evaluate((h) => `${h.tagName} ${h.textContent}`), 'H3 3ML News: Social care');
    assert.equal(await page.locator('threeml-news [part="title"]').evaluateAll((hs) => hs.map((h) => h.tagName)), ['H4', 'H4', 'H4']);
    assert.is(await page.locator('threeml-news [part="summary"]').count(), 3);
    assert.equal((await dates(page))[0], '19 décembre 2014');
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

embed('tag and stream are slugged as the site slugs them: "Whole System Demonstrator", "Social care"', async (context) => {
  const { page, consoleErrors } = await openPartner(context, 'slugged', `${snippet(context, 'tag="Whole System Demonstrator" limit="3"')}\n${snippet(context, 'stream=" Social care " limit="2"')}`);
  try {
    await page.locator('threeml-news:nth-of-type(1) [part="list"]').waitFor();
    await page.locator('threeml-news:nth-of-type(2) [part="list"]').waitFor();
    assert.equal(await page.locator('threeml-news:nth-of-type(1) [part="link"]').allTextContents(), feedTitles(context, 'tags/whole-system-demonstrator/feed.json', 3));
    assert.equal(await page.locator('threeml-news:nth-of-type(2) [part="link"]').allTextContents(), feedTitles(context, 'social-care/feed.json', 2));
    assert.equal(consoleErrors, []);
  } finally {
    await page.close();
  }
});

embed('limit is 1 to 20 (feeds.subscriptionSize), 5 when 0 or not a number; heading-level is 2 to 5', async (context) => {
  const { page } = await openPartner(context, 'clamped', [
    snippet(context, 'limit="0" heading-level="1"'),
    snippet(context, 'limit="500" heading-level="9"'),
    snippet(context, 'limit="three" heading-level="h3"'),
  ].join('\n'));
  try {
    for (const n of [1, 2, 3]) await page.locator(`threeml-news:nth-of-type(${n}) [part="list"]`).waitFor();
    const shown = await page.locator('threeml-news').evaluateAll((elements) => elements.map((e) => {
      const root = e.shadowRoot as ShadowRoot;
      return [root.querySelectorAll('[part="entry"]').length, root.querySelector('[part="heading"]')?.tagName, root.querySelector('[part="title"]')?.tagName];
    }));
    assert.equal(shown, [[5, 'H2', 'H3'], [20, 'H5', 'H6'], [5, 'H2', 'H3']]);
  } finally {
    await page.close();
  }
});

embed('link posts link to our page about them, and items whose news lives elsewhere say where, as the iframe does', async (context) => {
  const { page } = await openPartner(context, 'link-posts', snippet(context, 'stream="industry" limit="20"'));
  try {
    await page.locator('threeml-news [part="list"]').waitFor();
    const items = feedItems(context, 'industry/feed.json', 20);
    assert.ok(items.some((i) => i.external_url) && items.some((i) => !i.url.startsWith('https://news.3millionlives.co.uk/')), 'the industry feed has link posts and partner items');
    assert.equal(await page.locator('threeml-news [part="link"]').evaluateAll((links) => links.map((a) => a.getAttribute('href'))), items.map((i) => i.url));
    const away = (i: JsonFeedItem) => (i.external_url ?? (i.url.startsWith('https://news.3millionlives.co.uk/') ? undefined : i.url));
    const expected = items.map((i) => away(i) && ` · on ${new URL(away(i) as string).hostname.replace(/^www\./, '')}`);
    const metas = await page.locator('threeml-news [part="meta"]').allTextContents();
    assert.equal(metas.map((meta, n) => (expected[n] ? meta.endsWith(expected[n] as string) : !meta.includes(' · on '))), items.map(() => true), metas.join('\n'));
  } finally {
    await page.close();
  }
});

embed('dates are Europe/London dates whatever the viewer\'s zone, and an unknown or malformed language falls back to en-GB', async (context) => {
  const { page, consoleErrors, pageErrors } = await openPartner(context, 'languages', [
    snippet(context, 'tag="malformed" limit="1"'),
    snippet(context, 'tag="malformed" limit="1" date-language="xx-invalid!"'),
    snippet(context, 'tag="malformed" limit="1" date-language="qaa"'),
    snippet(context, 'tag="malformed" limit="1" date-language="pl"'),
  ].join('\n'), { browser: { timezoneId: 'America/New_York', locale: 'en-US' } });
  try {
    for (const n of [1, 2, 3, 4]) await page.locator(`threeml-news:nth-of-type(${n}) [part="list"]`).waitFor();
    assert.equal(await dates(page), ['7 June 2013', '7 June 2013', '7 June 2013', '7 czerwca 2013']);
    assert.equal([consoleErrors, pageErrors], [[], []]);
  } finally {
    await page.close();
  }
});

embed('the page\'s language sets the dates\' language, even written with an underscore; a malformed one means en-GB', async (context) => {
  for (const [lang, date] of [['fr_FR', '7 juin 2013'], ['en_GB', '7 June 2013'], ['not a language!', '7 June 2013'], ['', '7 June 2013']] as const) {
    const { page, pageErrors } = await openPartner(context, 'page-language', snippet(context, 'tag="malformed" limit="1"'), { lang, browser: { locale: 'en-US' } });
    try {
      await page.locator('threeml-news [part="list"]').waitFor();
      assert.equal([await dates(page), pageErrors], [[date], []], lang);
    } finally {
      await page.close();
    }
  }
});

embed('a malformed item or field is skipped and the rest is shown; a long unbroken title wraps inside a narrow column', async (context) => {
  const { page, consoleErrors, pageErrors } = await openPartner(context, 'malformed', snippet(context, 'tag="malformed" limit="20" summaries'), { browser: { viewport: { width: 375, height: 800 } } });
  try {
    await page.locator('threeml-news [part="list"]').waitFor();
    assert.equal(await page.locator('threeml-news [part="title"]').allTextContents(), ['Streams as a string', 'Null among the streams', 'A link that is not a string', longTitle]);
    assert.equal(await page.locator('threeml-news [part="link"]').evaluateAll((links) => links.map((a) => a.getAttribute('href'))), ['https://news.3millionlives.co.uk/a/', 'https://news.3millionlives.co.uk/b/', 'https://news.3millionlives.co.uk/f/']);
    assert.equal(await page.locator('threeml-news [part="meta"]').allTextContents(), ['7 June 2013 · Westvale Council', 'Social care', '', '']);
    assert.is(await page.locator('threeml-news [part="summary"]').count(), 0);
    assert.is(await page.evaluate(() => document.documentElement.scrollWidth), 375);
    assert.equal([consoleErrors, pageErrors], [[], []]);
  } finally {
    await page.close();
  }
});

embed('a feed with no news says so under its heading, with the link to all news', async (context) => {
  const { page, consoleErrors } = await openPartner(context, 'empty', snippet(context, 'tag="nothing-yet"', 'Nothing-yet news from 3ML News'));
  try {
    await page.locator('threeml-news [part="empty"]').waitFor();
    assert.is(await page.locator('threeml-news [part="heading"]').textContent(), '3ML News: Nothing yet');
    assert.is(await page.locator('threeml-news [part="empty"]').textContent(), 'No news here yet.');
    assert.is(await page.locator('threeml-news [part="list"]').count(), 0);
    assert.is(await page.locator('threeml-news [part="attribution-link"]').getAttribute('href'), 'https://news.3millionlives.co.uk/tags/nothing-yet/');
    assert.not.ok(await page.getByRole('link', { name: 'Nothing-yet news from 3ML News' }).isVisible());
    assert.equal(consoleErrors, []);
    assert.equal(await findViolations(page), []);
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

/** What the widget's own styles set, and the partner's stylesheet outside it. */
const widgetStyles = (page: Page) => page.locator('threeml-news').evaluate((widget) => {
  const root = widget.shadowRoot as ShadowRoot;
  const [list, entry, meta] = ['list', 'entry', 'meta'].map((part) => getComputedStyle(root.querySelector(`[part="${part}"]`) as Element));
  return {
    host: getComputedStyle(widget).display,
    list: list?.listStyleType,
    gap: entry?.marginBottom,
    meta: meta?.fontSize,
    partner: getComputedStyle(document.body).fontFamily,
    styleElements: root.querySelectorAll('style').length,
  };
});

const styled = { host: 'block', list: 'none', gap: '16px', meta: '14px', partner: '"Partner Serif", Georgia, serif' };

embed('on a partner page whose policy allows our origin only in script-src and connect-src, and styles only from itself, the widget shows its items in its own styles', async (context) => {
  const { page, consoleErrors, pageErrors, violations } = await openPartner(context, 'strict', snippet(context, 'stream="industry" limit="3"'), { strict: true });
  try {
    await page.locator('threeml-news [part="list"]').waitFor();
    assert.equal(await page.locator('threeml-news [part="link"]').allTextContents(), feedTitles(context, 'industry/feed.json', 3));
    assert.equal(await widgetStyles(page), { ...styled, styleElements: 0 });
    await page.waitForLoadState('networkidle');
    assert.equal([violations, consoleErrors, pageErrors], [[], [], []]);
  } finally {
    await page.close();
  }
});

/** Takes constructed stylesheets away, as browsers before them lack them. */
const withoutConstructedSheets = (page: Page) => page.addInitScript(() => {
  delete (ShadowRoot.prototype as Partial<ShadowRoot>).adoptedStyleSheets;
});

embed('where constructed stylesheets are missing, a <style> element in the shadow root carries the styles, which such a partner\'s policy refuses', async (context) => {
  for (const strict of [false, true]) {
    const { page, violations } = await openPartner(context, 'old-browser', snippet(context, 'limit="2"'), { strict, prepare: withoutConstructedSheets });
    try {
      await page.locator('threeml-news [part="list"]').waitFor();
      await page.waitForLoadState('networkidle');
      if (!strict) assert.equal([await widgetStyles(page), violations], [{ ...styled, styleElements: 1 }, []]);
      // Refused: the list keeps the browser's bullets. The fallback and the loading link both had a <style>.
      else assert.equal([(await widgetStyles(page)).list, violations.map((violation) => violation.split(' ')[0])], ['disc', ['style-src-elem', 'style-src-elem']]);
    } finally {
      await page.close();
    }
  }
});

embed('the partner themes the widget through its custom properties and parts', async (context) => {
  const { page } = await openPartner(context, 'themed', snippet(context, 'class="themed" limit="2"'));
  try {
    await page.locator('threeml-news [part="list"]').waitFor();
    const style = (selector: string, ...properties: string[]) =>
      page.locator(`threeml-news [part="${selector}"]`).first().evaluate((e, names) => names.map((name) => getComputedStyle(e).getPropertyValue(name)), properties);
    assert.equal(await style('link', 'color'), ['rgb(0, 85, 0)']);
    assert.equal(await style('meta', 'color'), ['rgb(85, 85, 85)']);
    assert.equal(await style('entry', 'margin-bottom', 'border-left-color', 'border-left-width'), ['24px', 'rgb(0, 0, 255)', '4px']);
    assert.equal(await style('heading', 'font-size'), ['30px']);
    assert.equal(await style('title', 'font-size', 'font-style'), ['20px', 'italic']);
    assert.equal(await style('date', 'font-weight'), ['700']);
    await page.keyboard.press('Tab');
    assert.equal(await style('link', 'background-color', 'color', 'box-shadow'), ['rgb(0, 0, 128)', 'rgb(255, 255, 255)', 'rgb(0, 0, 128) 0px -2px 0px 0px, rgb(255, 255, 255) 0px 4px 0px 0px']);
  } finally {
    await page.close();
  }
});

/** WCAG's contrast ratio of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = (colour.match(/\d+/g) ?? []).map(Number).map((c) => c / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

embed('a keyboard user\'s focus shows at 3:1 or more on light and on dark pages', async (context) => {
  for (const bodyClass of ['', 'dark']) {
    const { page } = await openPartner(context, 'focus', snippet(context, 'limit="2"'), { bodyClass });
    try {
      await page.locator('threeml-news [part="list"]').waitFor();
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const link = document.querySelector('threeml-news')?.shadowRoot?.activeElement as HTMLElement;
        const style = getComputedStyle(link);
        return { text: link.textContent, fill: style.backgroundColor, ink: style.color, bar: style.boxShadow.match(/rgb\([^)]+\) 0px 4px/)?.[0].slice(0, -8), page: getComputedStyle(document.body).backgroundColor };
      });
      assert.is(focused.text, feedTitles(context, 'feed.json', 1)[0]);
      assert.equal([focused.fill, focused.ink, focused.bar], ['rgb(255, 235, 59)', 'rgb(33, 43, 50)', 'rgb(33, 43, 50)']);
      // The yellow stands out on dark pages, the dark bar under it on light ones.
      const indicator = Math.max(contrast(focused.fill, focused.page), contrast(focused.bar as string, focused.page));
      assert.ok(indicator >= 3, `${bodyClass || 'light'} page: ${indicator.toFixed(2)}:1`);
      assert.ok(contrast(focused.ink, focused.fill) >= 4.5, 'the focused link\'s text is readable');
    } finally {
      await page.close();
    }
  }
});

embed('a hostile feed is rendered inert: markup stays text, javascript: links are not links, nothing runs', async (context) => {
  const { page, consoleErrors, dialogs, pageErrors } = await openPartner(context, 'hostile', snippet(context, 'tag="hostile" summaries'));
  try {
    await page.locator('threeml-news [part="list"]').waitFor();
    assert.equal(await page.locator('threeml-news [part="title"]').allTextContents(), ['<img src=x onerror="window.pwned=4">Script in a title', 'A plain item']);
    assert.equal(await page.locator('threeml-news [part="link"]').evaluateAll((links) => links.map((a) => a.getAttribute('href'))), ['https://hostile.example.org/fine']);
    assert.equal(await page.locator('threeml-news [part="meta"]').allTextContents(), ['7 June 2013 · <b onmouseover="window.pwned=6">Bold</b> · <iframe src="javascript:window.pwned=7">', 'on hostile.example.org']);
    assert.is(await page.locator('threeml-news img, threeml-news script, threeml-news iframe, threeml-news b').count(), 0);
    assert.is(await page.locator('threeml-news [part="attribution-link"]').getAttribute('href'), `${context.siteServer?.url}`);
    // Anything the feed could have made run needs a request or a frame: both are over before the verdict.
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
    assert.equal([await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), dialogs, consoleErrors, pageErrors], [undefined, [], [], []]);
  } finally {
    await page.close();
  }
});

/** Runs `check` on a partner page whose feed does not load, expecting the fallback and only the browser's own console messages. */
async function expectFallback(context: Context, name: string, attributes: string, browserMessages: RegExp, options: PartnerOptions & { server?: StaticServer } = {}) {
  const { page, consoleErrors, pageErrors } = await openPartner(context, name, snippet(context, attributes, 'Industry news from 3ML News', options.server), options);
  try {
    await page.waitForLoadState('networkidle');
    assert.ok(await page.getByRole('link', { name: 'Industry news from 3ML News' }).isVisible());
    assert.is(await page.locator('threeml-news [part="heading"]').count(), 0);
    assert.equal(pageErrors, []);
    assert.ok(consoleErrors.length > 0 && consoleErrors.every((text) => browserMessages.test(text)), consoleErrors.join(' | '));
  } finally {
    await page.close();
  }
}

embed('when the feed server is down the partner\'s fallback stays, and the console has only the browser\'s own message', async (context) => {
  await expectFallback(context, 'down', 'stream="industry"', /^Failed to load resource: net::ERR_CONNECTION_REFUSED$/, {
    prepare: (page) => page.route('**/feed.json', (route) => route.abort('connectionrefused')),
  });
});

embed('when the feed is not there (404) the fallback stays', async (context) => {
  await expectFallback(context, 'not-found', 'tag="no-such-tag"', /^Failed to load resource: the server responded with a status of 404 \(Not Found\)$/);
});

embed('when the feed is served without a CORS header the fallback stays', async (context) => {
  await expectFallback(context, 'no-cors', 'stream="industry"', /^(Access to fetch at '[^']+\/industry\/feed\.json' from origin '[^']+' has been blocked by CORS policy: [\s\S]*|Failed to load resource: net::ERR_FAILED)$/, { server: context.bareServer });
});

embed('a tag no slug can be made of in the browser keeps the fallback, and fetches no other feed', async (context) => {
  const requested: string[] = [];
  const { page, consoleErrors, pageErrors } = await openPartner(context, 'unsluggable', snippet(context, 'tag="健康"', 'Industry news from 3ML News'), {
    prepare: async (page) => page.on('request', (request) => requested.push(new URL(request.url()).pathname)),
  });
  try {
    await page.waitForLoadState('networkidle');
    assert.ok(await page.getByRole('link', { name: 'Industry news from 3ML News' }).isVisible());
    assert.equal([requested.filter((file) => file.endsWith('.json')), consoleErrors, pageErrors], [[], [], []]);
  } finally {
    await page.close();
  }
});

embed('when the feed is not JSON the fallback stays, and the console stays empty', async (context) => {
  const { page, consoleErrors, pageErrors } = await openPartner(context, 'broken', snippet(context, 'tag="broken"', 'Industry news from 3ML News'));
  try {
    await page.waitForLoadState('networkidle');
    assert.ok(await page.getByRole('link', { name: 'Industry news from 3ML News' }).isVisible());
    assert.equal([consoleErrors, pageErrors], [[], []]);
  } finally {
    await page.close();
  }
});

embed('attributes changed together load the news once; a stale response never replaces a newer one', async (context) => {
  let releasePathfinder: () => void = () => {};
  const pathfinderHeld = new Promise<void>((resolve) => { releasePathfinder = resolve; });
  // Settles once the held request has been let go, and whatever the browser then does with it is done.
  let pathfinderDone = () => {};
  const pathfinderGone = new Promise<void>((resolve) => { pathfinderDone = resolve; });
  const { page, consoleErrors, pageErrors } = await openPartner(context, 'changes', snippet(context, 'stream="industry" limit="2"'), {
    prepare: (p) => p.route('**/pathfinder/feed.json', async (route: Route) => {
      await pathfinderHeld;
      await route.continue().catch(() => {});
      pathfinderDone();
    }),
  });
  const requested: string[] = [];
  page.on('request', (request) => { if (request.url().endsWith('feed.json')) requested.push(new URL(request.url()).pathname); });
  try {
    await page.locator('threeml-news [part="list"]').waitFor();
    requested.length = 0;
    await page.evaluate(() => {
      const element = document.querySelector('threeml-news') as HTMLElement;
      element.setAttribute('stream', 'public-health');
      element.setAttribute('limit', '3');
      element.setAttribute('summaries', '');
      element.setAttribute('heading', 'Health news');
      element.setAttribute('heading-level', '4');
      element.setAttribute('date-language', 'fr');
    });
    await page.locator('threeml-news h4[part="heading"]', { hasText: 'Health news' }).waitFor();
    assert.equal(requested, ['/public-health/feed.json']);
    assert.equal(await page.locator('threeml-news [part="link"]').allTextContents(), feedTitles(context, 'public-health/feed.json', 3));
    assert.is(await page.locator('threeml-news [part="summary"]').count(), 3);
    assert.match((await dates(page))[0] ?? '', /^\d{1,2} [a-zéû]+\.? \d{4}$/);

    const stale = page.waitForEvent('requestfailed', (request) => request.url().endsWith('/pathfinder/feed.json'));
    const held = page.waitForRequest((request) => request.url().endsWith('/pathfinder/feed.json'));
    await page.evaluate(() => document.querySelector('threeml-news')?.setAttribute('stream', 'pathfinder'));
    await held;
    await page.evaluate(() => {
      const element = document.querySelector('threeml-news') as HTMLElement;
      element.removeAttribute('stream');
      element.setAttribute('tag', 'telecoaching');
    });
    assert.is((await stale).failure()?.errorText, 'net::ERR_ABORTED');
    // The whole list, not one title: the tag's newest item may be in the stream's list shown before it.
    const tagTitles = feedTitles(context, 'tags/telecoaching/feed.json', 3);
    await page.waitForFunction((titles) => {
      const links = document.querySelector('threeml-news')?.shadowRoot?.querySelectorAll('[part="link"]') ?? [];
      return JSON.stringify([...links].map((link) => link.textContent)) === JSON.stringify(titles);
    }, tagTitles);
    releasePathfinder();
    await pathfinderGone;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
    assert.equal(await page.locator('threeml-news [part="link"]').allTextContents(), tagTitles);
    assert.equal([consoleErrors, pageErrors], [[], []]);
  } finally {
    releasePathfinder();
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
  const { page, consoleErrors } = await openPartner(context, 'prefixed', snippet(context, 'limit="3"', 'News', context.prefixedServer));
  try {
    await page.locator('threeml-news [part="list"]').waitFor();
    assert.equal(await page.locator('threeml-news [part="link"]').allTextContents(), feedTitles(context, 'feed.json', 3));
    assert.equal(consoleErrors, []);
  } finally {
    await page.close();
  }
});

embed('loaded as <script type="module"> (no currentScript) the script still finds its feeds, under a prefix too', async (context) => {
  for (const server of [context.siteServer, context.prefixedServer]) {
    const { page, consoleErrors, pageErrors } = await openPartner(context, 'module', `<script type="module" src="${server?.url}embed/v1/news.js?v=1"></script>\n<threeml-news stream="industry" limit="2"><a href="${server?.url}">News</a></threeml-news>`);
    try {
      await page.locator('threeml-news [part="list"]').waitFor();
      assert.equal(await page.locator('threeml-news [part="link"]').allTextContents(), feedTitles(context, 'industry/feed.json', 2));
      assert.equal([consoleErrors, pageErrors], [[], []]);
    } finally {
      await page.close();
    }
  }
});

/** Every JSON Feed the site has, subscription feeds and archives, as paths under the site. */
function jsonFeeds(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('feed.json')).map((file) => file.split(path.sep).join('/')).sort();
}

embed('every JSON Feed, archives included, and the script are readable from other origins, as the site\'s _headers says, under a prefix too', async (context) => {
  for (const [site, server] of [[context.site, context.siteServer], [context.prefixedSite, context.prefixedServer]] as const) {
    const feeds = jsonFeeds(site?.dir as string);
    assert.ok(['feed.json', 'feed/archive/1/feed.json', 'industry/feed.json', 'pathfinder/feed/archive/1/feed.json', 'tags/telecare/feed/archive/1/feed.json'].every((f) => feeds.includes(f)), feeds.join(' '));
    for (const file of feeds) {
      const response = await fetch(`${server?.url}${file}`, { headers: { origin: 'https://partner.example.org' } });
      const headers = ['access-control-allow-origin', 'content-type', 'cache-control'].map((name) => response.headers.get(name));
      assert.equal([response.status, ...headers], [200, '*', 'application/feed+json; charset=utf-8', 'public, max-age=600'], `${server?.url}${file}`);
    }
    const script = await fetch(`${server?.url}embed/v1/news.js`);
    assert.equal([script.headers.get('access-control-allow-origin'), script.headers.get('cache-control')], ['*', 'public, max-age=3600']);
    const frame = await fetch(`${server?.url}embed/frame/industry/`);
    assert.equal([frame.headers.get('content-security-policy')?.match(/frame-ancestors ([^;]*)/)?.[1], frame.headers.get('cache-control')], ['*', 'public, max-age=600']);
    const css = await fetch(`${server?.url}assets/site.css`);
    assert.equal([css.headers.get('cache-control'), css.headers.get('x-content-type-options')], ['public, max-age=600', 'nosniff']);
  }
  const rules = readFileSync(path.join(context.prefixedSite?.dir as string, '_headers'), 'utf8').split('\n').filter((line) => line.startsWith('/'));
  assert.ok(rules.length > 0 && rules.every((line) => line.startsWith('/news/')), rules.join(' '));
});

embed('the script is one file under 6 KB gzipped, with no HTML parsing of anything', (context) => {
  const code = readFileSync(path.join(context.site?.dir as string, 'embed', 'v1', 'news.js'), 'utf8');
  const size = gzipSync(code).byteLength;
  assert.ok(size < 6 * 1024, `${size} bytes gzipped`);
  assert.not.match(code, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|DOMParser|createContextualFragment/);
});

embed.run();
