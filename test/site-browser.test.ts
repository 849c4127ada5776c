import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import { findViolations, launchBrowser } from './helpers/browser.ts';
import { buildSite, type BuiltSite } from './helpers/site.ts';
import { serveStatic } from './helpers/static-server.ts';

interface Context {
  site?: BuiltSite;
  server?: Awaited<ReturnType<typeof serveStatic>>;
  browser?: Browser;
}

const browserSuite = suite<Context>('the site in Chromium');

browserSuite.before(async (context) => {
  context.site = await buildSite();
  context.server = await serveStatic({ root: context.site.dir });
  context.browser = await launchBrowser();
});

browserSuite.after(async (context) => {
  await context.browser?.close();
  await context.server?.close();
  context.site?.remove();
});

async function open(context: Context, path: string): Promise<Page> {
  const page = await (context.browser as Browser).newPage();
  const response = await page.goto(new URL(path.slice(1), context.server?.url).href);
  assert.ok(response, `no response for ${path}`);
  return page;
}

/** One page of every type the site has. */
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
  ['404', '/no-such-page/'],
];

for (const [name, path] of pageTypes) {
  browserSuite(`axe-core finds no WCAG 2.2 A or AA violation on the ${name} page (${path})`, async (context) => {
    const page = await open(context, path);
    try {
      if (name === 'search') await page.waitForSelector('.pagefind-ui__search-input');
      if (name === 'embed our news') await page.locator('threeml-news [part="list"]').waitFor();
      assert.equal(await findViolations(page), []);
    } finally {
      await page.close();
    }
  });
}

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
    await page.locator('.pagefind-ui__search-input').fill('capital');
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor();
    assert.equal(await page.locator('.pagefind-ui__result-link').evaluateAll((links) => links.map((a) => a.getAttribute('href'))), ['/pathfinder/2013/worcester-business-case/']);
  } finally {
    await page.close();
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
      await page.goto(new URL(path.slice(1), context.server?.url).href);
      assert.is(await page.evaluate(() => document.documentElement.scrollWidth), 320, path);
    }
  } finally {
    await page.close();
  }
});

browserSuite('nothing moves after the first paint: no layout shift on the home and item pages', async (context) => {
  for (const path of ['/', '/industry/2014/tecs-programme/']) {
    const page = await (context.browser as Browser).newPage();
    try {
      await page.addInitScript(() => {
        (window as unknown as { shift: number }).shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) (window as unknown as { shift: number }).shift += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(new URL(path.slice(1), context.server?.url).href, { waitUntil: 'load' });
      await page.waitForTimeout(200);
      assert.is(await page.evaluate(() => (window as unknown as { shift: number }).shift), 0, path);
    } finally {
      await page.close();
    }
  }
});

browserSuite.run();
