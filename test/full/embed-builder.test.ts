import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { suite } from '../helpers/suite.ts';
import * as assert from 'uvu/assert';
import { browseSharedSite, findViolations, stopBrowsing, type BrowsedSite, visit } from '../helpers/browser.ts';

type Context = BrowsedSite;

const builder = suite<Context>('the "Embed our news" page');

builder.before(browseSharedSite);

builder.after(stopBrowsing);

const base = 'https://news.3millionlives.co.uk/';

async function openBuilder(context: Context, width: number, pagePath = 'embed/') {
  const page = await (context.browser as Browser).newPage({ viewport: { width, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const consoleErrors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await visit(page, `${context.server?.url}${pagePath}`);
  return { page, consoleErrors };
}

function feedTitles(context: Context, feedPath: string, count: number): string[] {
  const feed = JSON.parse(readFileSync(path.join(context.site?.dir as string, feedPath), 'utf8')) as { items: { title: string }[] };
  return feed.items.slice(0, count).map((i) => i.title);
}

/** Each snippet box's text height against its own height: a box that hides text has more of the first. */
const snippetFit = (page: Page) => page.locator('textarea.snippet').evaluateAll((boxes) => boxes.map((box) => box.scrollHeight <= box.clientHeight));

const preview = (page: Page) => page.locator('#embed-preview threeml-news');

builder('the preview, both snippets and their boxes follow the options chosen, at 375 and 1280 px', async (context) => {
  for (const width of [375, 1280]) {
    const { page, consoleErrors } = await openBuilder(context, width);
    try {
      await preview(page).locator('[part="list"]').waitFor();
      assert.equal(await preview(page).locator('[part="link"]').allTextContents(), feedTitles(context, 'feed.json', 5));
      assert.is(await preview(page).locator('[part="heading"]').evaluate((h) => h.tagName), 'H3');
      assert.is(await page.locator('#embed-snippet').inputValue(), `<script src="${base}embed/v1/news.js" defer></script>\n<threeml-news limit="5">\n  <a href="${base}">Latest news from 3ML News</a>\n</threeml-news>`);
      assert.equal(await snippetFit(page), [true, true], `${width} px, as loaded`);

      await page.locator('#embed-section').selectOption('social-care');
      await page.locator('#embed-limit').fill('3');
      await page.locator('#embed-summaries').check();
      await page.locator('#embed-heading').selectOption('4');
      await page.locator('#embed-language').selectOption('fr');
      await preview(page).locator('h4[part="heading"]').waitFor();
      await page.waitForFunction(() => document.querySelector('#embed-preview threeml-news')?.shadowRoot?.querySelectorAll('[part="summary"]').length === 3);
      assert.equal(await preview(page).locator('[part="link"]').allTextContents(), feedTitles(context, 'social-care/feed.json', 3));
      assert.is(await preview(page).locator('[part="heading"]').textContent(), '3ML News: Social care');
      assert.equal((await preview(page).locator('[part="date"]').allTextContents())[0], '19 décembre 2014');
      const snippet = `<script src="${base}embed/v1/news.js" defer></script>\n<threeml-news stream="social-care" limit="3" summaries heading-level="4" date-language="fr">\n  <a href="${base}social-care/">Social care from 3ML News</a>\n</threeml-news>`;
      assert.is(await page.locator('#embed-snippet').inputValue(), snippet);
      assert.match(await page.locator('#embed-iframe').inputValue(), new RegExp(`^<iframe src="${base}embed/frame/social-care/" title="Social care from 3ML News" width="100%" height="\\d+" style="border: 0"></iframe>$`));
      assert.equal(await snippetFit(page), [true, true], `${width} px, after the options changed`);

      await page.locator('#embed-limit').fill('50');
      await page.locator('#embed-section').selectOption('tags/telehealth');
      await preview(page).locator('[part="link"]').nth(19).waitFor();
      assert.match(await page.locator('#embed-snippet').inputValue(), /<threeml-news tag="telehealth" limit="20" summaries/);
      assert.equal(await preview(page).locator('[part="link"]').allTextContents(), feedTitles(context, 'tags/telehealth/feed.json', 20));
      assert.equal(consoleErrors, []);
      assert.equal(await findViolations(page), []);
    } finally {
      await page.close();
    }
  }
});

builder('Copy puts the snippet on the clipboard and says so to screen readers too', async (context) => {
  const { page, consoleErrors } = await openBuilder(context, 1280);
  try {
    await page.locator('#embed-section').selectOption('pathfinder');
    await page.getByRole('button', { name: 'Copy the snippet to paste' }).click();
    const status = page.getByRole('status');
    await status.filter({ hasText: 'Copied the snippet to paste' }).waitFor();
    assert.is(await page.evaluate(() => navigator.clipboard.readText()), await page.locator('#embed-snippet').inputValue());
    assert.is(await page.locator('button[data-copy-from="embed-snippet"]').evaluate((b) => b.firstChild?.textContent), 'Copied');
    assert.equal([await status.count(), await status.getAttribute('class')], [1, 'visually-hidden']);
    await page.getByRole('button', { name: 'Copy the iframe to paste' }).click();
    await status.filter({ hasText: 'Copied the iframe to paste' }).waitFor();
    assert.is(await page.evaluate(() => navigator.clipboard.readText()), await page.locator('#embed-iframe').inputValue());
    assert.equal(consoleErrors, []);
  } finally {
    await page.close();
  }
});

builder('the feeds page\'s Copy buttons still copy, and announce it', async (context) => {
  const { page, consoleErrors } = await openBuilder(context, 1280, 'feeds/');
  try {
    const button = page.locator('button.copy').first();
    const name = (await button.textContent())?.slice('Copy'.length).trim();
    const copied = await button.getAttribute('data-copy');
    await button.click();
    await page.getByRole('status').filter({ hasText: `Copied ${name}` }).waitFor();
    assert.is(await page.evaluate(() => navigator.clipboard.readText()), copied);
    assert.equal(consoleErrors, []);
  } finally {
    await page.close();
  }
});

builder.run();
