import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { suite } from '../helpers/suite.ts';
import * as assert from 'uvu/assert';
import { findViolations, launchBrowser, recordPageOutput, visit } from '../helpers/browser.ts';
import { buildSite, type BuiltSite } from '../helpers/site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

interface Context {
  site?: BuiltSite;
  /** Built from test/fixtures/embed-hostile: markup in fields, a 400-letter word, a link post. */
  hostileSite?: BuiltSite;
  siteServer?: StaticServer;
  hostileServer?: StaticServer;
  partnerDir?: string;
  partnerServer?: StaticServer;
  browser?: Browser;
}

const frames = suite<Context>('the iframe embed on a partner\'s page');

frames.before(async (context) => {
  [context.site, context.hostileSite] = await Promise.all([buildSite(), buildSite({ contentDir: 'test/fixtures/embed-hostile/content' })]);
  context.siteServer = await serveStatic({ root: context.site.dir });
  context.hostileServer = await serveStatic({ root: context.hostileSite.dir });
  context.partnerDir = mkdtempSync(path.join(tmpdir(), '3ml-partner-'));
  context.partnerServer = await serveStatic({ root: context.partnerDir });
  context.browser = await launchBrowser();
});

frames.after(async (context) => {
  await context.browser?.close();
  await Promise.all([context.siteServer?.close(), context.hostileServer?.close(), context.partnerServer?.close()]);
  context.site?.remove();
  context.hostileSite?.remove();
  if (context.partnerDir) rmSync(context.partnerDir, { recursive: true, force: true });
});

/** The iframe snippet the "Embed our news" page offers, pointed at `server` and `section`. */
function frameSnippet(context: Context, server: StaticServer | undefined, section: string): string {
  const page = readFileSync(path.join(context.site?.dir as string, 'embed', 'index.html'), 'utf8');
  const snippet = page.match(/<textarea id="embed-iframe"[^>]*>([^<]*)<\/textarea>/)?.[1] ?? '';
  const html = snippet.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  assert.match(html, /^<iframe src="https:\/\/news\.3millionlives\.co\.uk\/embed\/frame\/" title="[^"]+" width="100%" height="\d+" style="border: 0"><\/iframe>$/);
  return html.replace('https://news.3millionlives.co.uk/embed/frame/', `${server?.url}embed/frame/${section}`);
}

/** Opens a partner page holding `body`; collects what reaches the console and any dialog. */
async function openPartner(context: Context, name: string, body: string, width = 1280) {
  writeFileSync(path.join(context.partnerDir as string, `${name}.html`), `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Westvale Council</title><link rel="icon" href="data:,"></head>
<body style="margin: 0; font-family: Georgia, serif"><main><h1>Westvale Council</h1>
${body}
<p>The partner's own text after the news.</p></main></body>
</html>`);
  const page = await (context.browser as Browser).newPage({ viewport: { width, height: 900 } });
  const { consoleErrors, pageErrors, dialogs } = recordPageOutput(page);
  await visit(page, `${context.partnerServer?.url}${name}.html`);
  return { page, consoleErrors, pageErrors, dialogs };
}

function framed(page: Page, url: string): Frame {
  const frame = page.frames().find((f) => f.url() === url);
  assert.ok(frame, `the frame ${url} loaded`);
  return frame as Frame;
}

function feedTitles(site: BuiltSite | undefined, feedPath: string, count: number): string[] {
  const feed = JSON.parse(readFileSync(path.join(site?.dir as string, feedPath), 'utf8')) as { items: { title: string }[] };
  return feed.items.slice(0, count).map((i) => i.title);
}

frames('the iframe embed shows a stream\'s items, opens links in the partner\'s window and passes axe-core', async (context) => {
  const frameUrl = `${context.siteServer?.url}embed/frame/industry/`;
  const { page, consoleErrors, pageErrors } = await openPartner(context, 'iframe', frameSnippet(context, context.siteServer, 'industry/'));
  try {
    const frame = page.frameLocator('iframe');
    await frame.locator('h2 a').first().waitFor();
    assert.equal(await frame.locator('h2 a').allTextContents(), feedTitles(context.site, 'industry/feed.json', 10));
    assert.is(await frame.locator('base').getAttribute('target'), '_top');
    // Checked before axe-core runs: its own messages between frames are not the embed's.
    assert.equal([consoleErrors, pageErrors], [[], []]);
    assert.equal(await findViolations(page), []);
    assert.equal(await findViolations(framed(page, frameUrl)), []);
  } finally {
    await page.close();
  }
});

frames('at the snippet\'s height the heading and the attribution show at 375 and 1280 px, and every item scrolls into view', async (context) => {
  for (const width of [375, 1280]) {
    for (const section of ['', 'social-care/', 'tags/telehealth/']) {
      const frameUrl = `${context.siteServer?.url}embed/frame/${section}`;
      const { page } = await openPartner(context, 'height', frameSnippet(context, context.siteServer, section), width);
      try {
        await page.frameLocator('iframe').locator('.attribution a').waitFor();
        const frame = framed(page, frameUrl);
        const where = `${width} px, /embed/frame/${section}`;
        const visible = () => frame.evaluate(() => {
          const [heading, attribution] = ['h1', '.attribution a'].map((selector) => {
            const box = document.querySelector(selector)?.getBoundingClientRect();
            return box !== undefined && box.height > 0 && box.top >= 0 && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth;
          });
          return { heading, attribution, pageScrolls: document.documentElement.scrollHeight > innerHeight };
        });
        assert.equal(await visible(), { heading: true, attribution: true, pageScrolls: false }, where);
        const last = frame.locator('li').last();
        await last.scrollIntoViewIfNeeded();
        assert.ok(await last.isVisible(), where);
        const lastBox = await last.evaluate((li) => li.getBoundingClientRect().bottom <= (li.parentElement as HTMLElement).getBoundingClientRect().bottom);
        assert.ok(lastBox, `${where}: the last item fits in the list once scrolled to`);
        assert.equal(await visible(), { heading: true, attribution: true, pageScrolls: false }, where);
      } finally {
        await page.close();
      }
    }
  }
});

frames('a hostile item is rendered inert in the iframe, a long word wraps, and a link post links to our page about it', async (context) => {
  const frameUrl = `${context.hostileServer?.url}embed/frame/`;
  const { page, consoleErrors, pageErrors, dialogs } = await openPartner(context, 'hostile', frameSnippet(context, context.hostileServer, ''), 375);
  try {
    await page.frameLocator('iframe').locator('h2 a').first().waitFor();
    const frame = framed(page, frameUrl);
    const longWord = 'Telehealth'.repeat(40);
    const shown = await frame.evaluate(() => ({
      titles: [...document.querySelectorAll('h2')].map((h) => h.textContent),
      links: [...document.querySelectorAll('h2 a')].map((a) => a.getAttribute('href')),
      metas: [...document.querySelectorAll('li p')].map((p) => p.textContent),
      elements: [...new Set([...document.body.querySelectorAll('*')].map((e) => e.tagName))].sort(),
      scripts: document.scripts.length,
      wide: document.documentElement.scrollWidth > innerWidth,
    }));
    assert.equal(shown, {
      titles: ['<img src=x onerror="window.pwned=1">Markup in a title', longWord, 'A link post to a report elsewhere'],
      links: ['/industry/2013/markup-everywhere/', '/social-care/2013/long-title/', '/industry/2013/link-post/'],
      metas: ['7 June 2013 · Westvale Council', '1 May 2013 · Northshire Telecare Partnership', '2 April 2013 · Example Research · on example.org'],
      elements: ['A', 'ARTICLE', 'H1', 'H2', 'LI', 'MAIN', 'P', 'TIME', 'UL'],
      scripts: 0,
      wide: false,
    });
    assert.is(await page.evaluate(() => document.documentElement.scrollWidth), 375);
    await frame.locator('h2 a').first().hover();
    assert.equal([await frame.evaluate(() => (window as unknown as { pwned?: number }).pwned), dialogs, consoleErrors, pageErrors], [undefined, [], [], []]);
  } finally {
    await page.close();
  }
});

frames.run();
