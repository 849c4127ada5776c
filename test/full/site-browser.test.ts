import { suite } from '../helpers/suite.ts';
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import { browseSharedSite, findViolations, stopBrowsing, type BrowsedSite, visit } from '../helpers/browser.ts';
import { sharedSite } from '../helpers/site.ts';
import { serveStatic } from '../helpers/static-server.ts';

type Context = BrowsedSite;

const browserSuite = suite<Context>('the site in Chromium');

browserSuite.before(browseSharedSite);

browserSuite.after(stopBrowsing);

/** The status each page answers with: 200 but for the address that is not there. */
const statusOf = (path: string) => (path === missingPage ? 404 : 200);
const missingPage = '/no-such-page/';

async function open(context: Context, path: string, viewport = { width: 1280, height: 720 }): Promise<Page> {
  const page = await (context.browser as Browser).newPage({ viewport });
  const response = await page.goto(new URL(path.slice(1), context.server?.url).href);
  // A page that is not there is served as the 404 page, which would pass most checks: it must be the page itself.
  assert.is(response?.status(), statusOf(path), `${path} answered ${response?.status()}`);
  return page;
}

/**
 * One page of every type the site has for readers. /admin/ is not one: it is Decap's
 * interface, for editors, and not ours to change (docs/editing.md says how it fares).
 */
const pageTypes: [string, string][] = [
  ['home', '/'],
  ['page 2', '/page/2/'],
  ['stream', '/pathfinder/'],
  ['tag', '/tags/telehealth/'],
  ['tags', '/tags/'],
  ['item', '/public-health/2014/digital-inclusion/'],
  ['item with attachments', '/pathfinder/2013/worcester-business-case/'],
  ['link post', '/industry/2012/bmj-telehealth-outcomes/'],
  ['archive', '/archive/'],
  ['year', '/archive/2013/'],
  ['feeds', '/feeds/'],
  ['feed preview', '/industry/feed/'],
  ['about', '/about/'],
  ['partner sources', '/sources/'],
  ['embed our news', '/embed/'],
  ['embed frame', '/embed/frame/industry/'],
  ['search', '/search/'],
  ['404', missingPage],
];

/** Waits for what scripts add to a page: the search box, the embed preview. */
async function settle(page: Page, name: string): Promise<void> {
  if (name === 'search') await page.waitForSelector('.search-form[data-ready]');
  if (name === 'embed our news') await page.locator('threeml-news [part="list"]').waitFor();
}

const phone = { width: 375, height: 667 };

for (const [name, path] of pageTypes) {
  browserSuite(`axe-core finds no WCAG 2.2 A or AA violation on the ${name} page (${path}), 1280 and 375 px wide`, async (context) => {
    const page = await open(context, path);
    try {
      await settle(page, name);
      assert.equal(await findViolations(page), [], '1280 px');
      await page.setViewportSize(phone);
      assert.equal(await findViolations(page), [], '375 px');
    } finally {
      await page.close();
    }
  });
}

/** Types a query into the search box and waits for its results ("3 results for “…”"); returns their addresses. */
async function search(page: Page, query: string): Promise<(string | null)[]> {
  await page.getByLabel('Search all news, partners\' items included').fill(query);
  // The count is announced once the results it counts are listed.
  await page.locator('.search-status', { hasText: new RegExp(`^\\d+ results? for “${query}”$`) }).waitFor();
  return page.locator('#search-results h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
}

browserSuite('axe-core finds no violation on the search page with results showing, 1280 and 375 px wide', async (context) => {
  const page = await open(context, '/search/');
  try {
    const results = await search(page, 'telecare');
    assert.ok(results.length > 3, `${results.length} results`);
    assert.equal(await findViolations(page), [], '1280 px');
    await page.setViewportSize(phone);
    assert.equal(await findViolations(page), [], '375 px');
  } finally {
    await page.close();
  }
});

browserSuite('the 404 page is served with status 404 and links home', async (context) => {
  const page = await (context.browser as Browser).newPage();
  try {
    const response = await page.goto(new URL('no-such-page/', context.server?.url).href);
    assert.is(response?.status(), 404);
    assert.is(await page.locator('h1').textContent(), 'Page not found');
    assert.is(await page.locator('main a', { hasText: 'latest news' }).getAttribute('href'), '/');
  } finally {
    await page.close();
  }
});

browserSuite('search finds an item by a word from its body', async (context) => {
  const page = await open(context, '/search/');
  try {
    // "capital" appears only in the body of the Worcestershire business case (in a table cell).
    assert.equal(await search(page, 'capital'), ['/pathfinder/2013/worcester-business-case/']);
  } finally {
    await page.close();
  }
});

browserSuite('search finds a partner item by a word of its summary, linking to the original and saying where it leads', async (context) => {
  const page = await open(context, '/search/');
  try {
    // "matrons" appears only in the summary of a Northshire partner item.
    assert.equal(await search(page, 'matrons'), ['https://northshire-telecare.example.org/news/one-year-on']);
    assert.is(await page.locator('#search-results h2').textContent(), 'Northshire\'s telehealth service: one year on');
    assert.is(await page.locator('#search-results .meta').textContent(), '11 March 2014 · Pathfinder sites · Northshire Telecare Partnership · Links to northshire-telecare.example.org');
    // The excerpt is of the text, not the title above it, the word searched for marked.
    assert.is(await page.locator('#search-results mark').textContent(), 'matrons');
  } finally {
    await page.close();
  }
});

browserSuite('under a path prefix, search links item pages with the prefix and partner items to their originals', async (context) => {
  const site = await sharedSite({ prefixed: true, commands: true });
  const server = await serveStatic({ root: site.dir, prefix: '/news/' });
  const page = await (context.browser as Browser).newPage();
  try {
    await visit(page, `${server.url}search/`);
    assert.equal(await search(page, 'capital'), ['/news/pathfinder/2013/worcester-business-case/']);
    assert.equal(await search(page, 'matrons'), ['https://northshire-telecare.example.org/news/one-year-on']);
  } finally {
    await page.close();
    await server.close();
  }
});

browserSuite('search results read like the site\'s lists: titles are underlined links in the link colour, excerpts at body size', async (context) => {
  const page = await open(context, '/search/', phone);
  try {
    await search(page, 'telecare');
    const style = (selector: string) => page.locator(selector).first().evaluate((e) => {
      const s = getComputedStyle(e);
      return { color: s.color, decoration: s.textDecorationLine, size: s.fontSize };
    });
    assert.equal(await style('#search-results h2 a'), { color: 'rgb(0, 94, 184)', decoration: 'underline', size: '20px' });
    assert.equal((await style('#search-results .meta + p')).size, '18px');
    assert.equal((await style('.search-row button')).size, '16px');
    assert.equal((await style('.search-status')).size, '16px');
    // The address holds the search, so that it can be shared and comes back with the page.
    assert.is(new URL(page.url()).search, '?q=telecare');
    await page.reload();
    assert.is(await page.locator('#search-input').inputValue(), 'telecare');
    await page.locator('.search-status', { hasText: /^\d+ results for “telecare”$/ }).waitFor();
    const label = page.locator('label[for="search-input"]');
    assert.ok(await label.isVisible(), 'the label is shown');
    assert.is(await page.locator('#search-input').getAttribute('placeholder'), null, 'the label says what to type; no placeholder repeats it in grey');
  } finally {
    await page.close();
  }
});

browserSuite('without JavaScript the search page explains and points to the archive, tags and streams', async (context) => {
  const noScripts = await (context.browser as Browser).newContext({ javaScriptEnabled: false });
  try {
    const page = await noScripts.newPage();
    await visit(page, new URL('search/', context.server?.url).href);
    // The <noscript> message itself is checked in the built file (site-pages): Chromium with
    // scripts switched off by the DevTools protocol still parses pages as if they could run.
    assert.is(await page.locator('label[for="search-input"]').isVisible(), false, 'no label for a box that is not there');
    for (const name of ['archive', 'Tags', 'Industry', 'Pathfinder sites', 'Social care', 'Public health']) {
      assert.ok(await page.locator('main').getByRole('link', { name, exact: true }).isVisible(), name);
    }
  } finally {
    await noScripts.close();
  }
});

browserSuite('keyboard users reach the main content through the skip link', async (context) => {
  const page = await open(context, '/');
  try {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent, top: document.activeElement?.getBoundingClientRect().top ?? -1 }));
    assert.is(focused.text, 'Skip to main content');
    assert.ok(focused.top >= 0, 'the skip link is on screen when focused');
    await page.keyboard.press('Enter');
    assert.is(await page.evaluate(() => document.activeElement?.id), 'main');
    await page.keyboard.press('Tab');
    assert.is(await page.evaluate(() => document.activeElement?.closest('main') !== null), true);
  } finally {
    await page.close();
  }
});

browserSuite('every page type fits a 320 px wide screen without scrolling sideways', async (context) => {
  const page = await (context.browser as Browser).newPage({ viewport: { width: 320, height: 640 } });
  try {
    for (const [, path] of pageTypes) {
      const response = await page.goto(new URL(path.slice(1), context.server?.url).href);
      assert.is(response?.status(), statusOf(path), path);
      assert.is(await page.evaluate(() => document.documentElement.scrollWidth), 320, path);
    }
  } finally {
    await page.close();
  }
});

browserSuite('the archive chart fits a 320 px screen with legible labels, and its table is a tab stop only where it scrolls', async (context) => {
  const narrow = await open(context, '/archive/', { width: 320, height: 640 });
  try {
    const chart = await narrow.locator('.chart svg').evaluate((svg) => ({
      width: svg.getBoundingClientRect().width,
      right: Math.max(...[...svg.querySelectorAll('rect, text')].map((e) => e.getBoundingClientRect().right)),
      smallestText: Math.min(...[...svg.querySelectorAll('text')].map((e) => parseFloat(getComputedStyle(e).fontSize))),
      labels: [...svg.querySelectorAll('g > text')].map((e) => e.textContent),
    }));
    assert.ok(chart.right <= 320 - 16, `the chart reaches ${chart.right} px`);
    assert.ok(chart.smallestText >= 14, `${chart.smallestText} px text`);
    assert.equal(chart.labels, ['2011: 7 items', '2012: 16 items', '2013: 23 items', '2014: 12 items']);
    const box = narrow.locator('.table-scroll');
    assert.is(await box.getAttribute('tabindex'), '0', 'the table scrolls at 320 px, so its box takes focus');
    assert.ok(await narrow.locator('#chart-table-caption').evaluate((caption) => caption.closest('.table-scroll') === null), 'the caption is outside the scroll box');
    await box.focus();
    await narrow.keyboard.press('ArrowRight');
    assert.equal(await box.evaluate((e) => getComputedStyle(e).outlineColor), 'rgb(255, 235, 59)');
  } finally {
    await narrow.close();
  }
  const wide = await open(context, '/archive/');
  try {
    assert.is(await wide.locator('.table-scroll').getAttribute('tabindex'), null, 'nothing scrolls at 1280 px, so no tab stop');
  } finally {
    await wide.close();
  }
});

browserSuite('links in the lines under item titles are tap targets at least 24 px tall', async (context) => {
  const page = await open(context, '/', phone);
  try {
    const heights = await page.locator('.item-summary .meta a').evaluateAll((links) => links.map((a) => a.getBoundingClientRect().height));
    assert.ok(heights.length > 20, `${heights.length} links`);
    assert.equal(heights.filter((h) => h < 24), []);
  } finally {
    await page.close();
  }
});

browserSuite('a printed page names the site, without the navigation', async (context) => {
  const page = await open(context, '/pathfinder/2013/worcester-business-case/');
  try {
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.locator('.site-name').isVisible(), 'the site name is printed');
    assert.is(await page.locator('.site-nav').isVisible(), false);
    assert.is(await page.locator('.site-name').evaluate((e) => getComputedStyle(e).color), 'rgb(0, 0, 0)');
  } finally {
    await page.close();
  }
});

browserSuite('nothing moves after the first paint: no layout shift on the home, item, archive and search pages', async (context) => {
  for (const path of ['/', '/industry/2014/tecs-programme/', '/archive/', '/search/']) {
    const page = await (context.browser as Browser).newPage();
    try {
      type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean };
      type Watched = Window & { shift: number; shifts: PerformanceObserver; count: (entries: PerformanceEntryList) => void };
      await page.addInitScript(() => {
        const watched = window as unknown as Watched;
        watched.shift = 0;
        watched.count = (entries) => {
          for (const entry of entries as Shift[]) if (!entry.hadRecentInput) watched.shift += entry.value;
        };
        watched.shifts = new PerformanceObserver((list) => watched.count(list.getEntries()));
        watched.shifts.observe({ type: 'layout-shift', buffered: true });
      });
      const response = await page.goto(new URL(path.slice(1), context.server?.url).href, { waitUntil: 'load' });
      assert.is(response?.status(), 200, path);
      // Once every image is decoded and the fonts are in, two frames are drawn: what shifts has shifted, and the entries not yet told are taken.
      const shift = await page.evaluate(async () => {
        const watched = window as unknown as Watched;
        await Promise.all([document.fonts.ready, ...[...document.images].map((image) => image.decode().catch(() => {}))]);
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        watched.count(watched.shifts.takeRecords());
        return watched.shift;
      });
      assert.is(shift, 0, path);
    } finally {
      await page.close();
    }
  }
});

browserSuite.run();
