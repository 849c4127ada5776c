import { chromium } from 'playwright-core';
import { serveStatic } from '/work/main/test/helpers/static-server.ts';
const [root, ...pages] = process.argv.slice(2);
const server = await serveStatic({ root });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
for (const spec of pages) {
  const [p, widthText, name, selector] = spec.split(',');
  const page = await browser.newPage({ viewport: { width: Number(widthText), height: 800 } });
  await page.goto(new URL(p.slice(1), server.url).href);
  await page.waitForTimeout(500);
  if (selector) await page.locator(selector).first().scrollIntoViewIfNeeded();
  if (selector) await page.evaluate((sel) => { const el = document.querySelector(sel); window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 20); }, selector);
  console.log(p, await page.evaluate(() => document.querySelector('h1')?.getBoundingClientRect().top));
  await page.screenshot({ path: `/tmp/${name}.png` });
  await page.close();
}
await browser.close(); await server.close();
