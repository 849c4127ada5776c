/**
 * The pages' policies in Chromium. Every page type, served with the site's `_headers` (as
 * Netlify and Cloudflare Pages serve it) and without them (as GitHub Pages does, where
 * each page's <meta> policy is all there is), does what its scripts are for and raises no
 * violation; what a policy is for is refused; an embed frame loads inside another
 * origin's page, and the site's other pages do not. The policies as files are checked in
 * test/site-policy.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import * as assert from 'uvu/assert';
import { launchBrowser, missingPage, pageTypes, recordPageOutput, recordPolicyViolations, statusOf } from '../helpers/browser.ts';
import { sharedSite } from '../helpers/site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { suite } from '../helpers/suite.ts';

interface Context {
  /** The shared build (search index included) with its `_headers` applied. */
  siteServer?: StaticServer;
  /** The same files without `_headers`. */
  bareServer?: StaticServer;
  /** Another origin, whose pages frame ours. */
  otherDir?: string;
  otherServer?: StaticServer;
  browser?: Browser;
}

const policies = suite<Context>('the pages\' policies in Chromium');

policies.before(async (context) => {
  const site = await sharedSite({ commands: true });
  context.siteServer = await serveStatic({ root: site.dir });
  context.bareServer = await serveStatic({ root: site.dir, headers: false });
  context.otherDir = mkdtempSync(path.join(tmpdir(), '3ml-other-origin-'));
  context.otherServer = await serveStatic({ root: context.otherDir });
  context.browser = await launchBrowser();
});

policies.after(async (context) => {
  await context.browser?.close();
  await Promise.all([context.siteServer?.close(), context.bareServer?.close(), context.otherServer?.close()]);
  if (context.otherDir) rmSync(context.otherDir, { recursive: true, force: true });
});

/** Opens `url`, recording what the page says: console errors and warnings, uncaught errors, policy violations. */
async function open(context: Context, url: string, status = 200) {
  const page = await (context.browser as Browser).newPage();
  const output = recordPageOutput(page);
  const violations = await recordPolicyViolations(page);
  const response = await page.goto(url);
  assert.is(response?.status(), status, url);
  return { page, output, violations, policy: response?.headers()['content-security-policy'] };
}

/** Once the page's requests are over and two frames are drawn, whatever it had to report has been. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Does what the page type's scripts are for, and checks that it worked. */
async function use(page: Page, name: string): Promise<void> {
  if (name === 'search') {
    await page.getByLabel('Search all news, partners\' items included').fill('telecare');
    await page.locator('.search-status', { hasText: /^\d+ results for “telecare”$/ }).waitFor();
    assert.ok(await page.locator('#search-results h2 a').count() > 3, 'search results');
  }
  if (name === 'embed our news') {
    const preview = page.locator('#embed-preview threeml-news');
    await preview.locator('[part="list"]').waitFor();
    assert.is(await preview.locator('[part="entry"]').count(), 5);
    // The widget's own stylesheet reaches its shadow root: lists there have no bullets.
    assert.is(await preview.locator('[part="list"]').evaluate((list) => getComputedStyle(list).listStyleType), 'none');
    await page.locator('#embed-section').selectOption('pathfinder');
    await page.locator('#embed-limit').fill('2');
    await page.waitForFunction(() => document.querySelector('#embed-preview threeml-news')?.shadowRoot?.querySelectorAll('[part="entry"]').length === 2);
    assert.is(await preview.locator('[part="heading"]').textContent(), '3ML News: Pathfinder sites');
  }
  if (name === 'embed frame') assert.is(await page.locator('h2 a').count(), 10);
  if (['item', 'item with attachments', 'link post'].includes(name)) assert.is(await page.locator('script[type="application/ld+json"]').count(), 1);
}

for (const served of ['with its _headers', 'without them, as GitHub Pages serves it']) {
  policies(`served ${served}, every page type works and raises no policy violation, console error or warning`, async (context) => {
    const withHeaders = served.startsWith('with its');
    const server = (withHeaders ? context.siteServer : context.bareServer) as StaticServer;
    for (const [name, sitePath] of pageTypes) {
      const { page, output, violations, policy } = await open(context, new URL(sitePath.slice(1), server.url).href, statusOf(sitePath));
      try {
        // An address the site does not publish matches no rule: the 404 page's <meta> is its policy.
        assert.is(policy !== undefined, withHeaders && sitePath !== missingPage, `${sitePath}: ${policy}`);
        await use(page, name);
        await settle(page);
        // A page answered with 404 has the browser say so.
        const expected = sitePath === missingPage ? ['Failed to load resource: the server responded with a status of 404 (Not Found)'] : [];
        assert.equal([violations, output.consoleErrors, output.pageErrors], [[], expected, []], sitePath);
      } finally {
        await page.close();
      }
    }
  });
}

policies('a script, a stylesheet or a style attribute put into a page is refused, by the <meta> policy alone too', async (context) => {
  for (const server of [context.siteServer, context.bareServer] as StaticServer[]) {
    const { page, violations, policy } = await open(context, server.url);
    try {
      await page.evaluate(() => {
        document.head.append(Object.assign(document.createElement('script'), { textContent: 'window.ran = true' }));
        document.head.append(Object.assign(document.createElement('style'), { textContent: 'body { color: red }' }));
        document.body.setAttribute('style', 'color: red');
      });
      await settle(page);
      const ran = await page.evaluate(() => (window as unknown as { ran?: boolean }).ran);
      // With _headers the header's policy and the <meta> one are both in force, and each reports.
      const refused = ['script-src-elem', 'style-src-attr', 'style-src-elem'].flatMap((directive) => (policy === undefined ? [directive] : [directive, directive]));
      assert.equal([ran, violations.map((violation) => violation.split(' ')[0]).sort()], [undefined, refused], server.url);
    } finally {
      await page.close();
    }
  }
});

/** A page of the other origin framing `src`. */
function framingPage(context: Context, name: string, src: string): string {
  writeFileSync(path.join(context.otherDir as string, `${name}.html`), `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>Another site</title><link rel="icon" href="data:,"></head>
<body><main><h1>Another site</h1><iframe src="${src}" title="3ML News" width="600" height="480"></iframe></main></body>
</html>`);
  return `${context.otherServer?.url}${name}.html`;
}

policies('an embed frame loads inside a page of another origin, with no violation or console error', async (context) => {
  const { page, output, violations } = await open(context, framingPage(context, 'frame', `${context.siteServer?.url}embed/frame/industry/`));
  try {
    const frame = page.frameLocator('iframe');
    await frame.locator('.attribution a').waitFor();
    assert.is(await frame.locator('h2 a').count(), 10);
    // Its own stylesheet applies: the list scrolls between the heading and the attribution.
    assert.is(await frame.locator('ul').evaluate((list) => getComputedStyle(list).overflowY), 'auto');
    await settle(page);
    assert.equal([violations, output.consoleErrors, output.pageErrors], [[], [], []]);
  } finally {
    await page.close();
  }
});

policies('another origin cannot frame the site\'s other pages: frame-ancestors \'none\' refuses them', async (context) => {
  const { page, output } = await open(context, framingPage(context, 'about', `${context.siteServer?.url}about/`));
  try {
    await settle(page);
    // Chromium shows its own error page in the frame instead.
    assert.equal(page.frames().map((frame) => new URL(frame.url()).protocol), ['http:', 'chrome-error:']);
    assert.equal(output.consoleErrors, [`Framing '${context.siteServer?.origin}/' violates the following Content Security Policy directive: "frame-ancestors 'none'". The request has been blocked.\n`]);
  } finally {
    await page.close();
  }
});

policies.run();
