import Eleventy, { type EleventyPage } from '@11ty/eleventy';
import { suite } from './helpers/suite.ts';
import * as assert from 'uvu/assert';

/** An in-memory Eleventy build of a fixture content folder through the real eleventy.config.ts. */
async function buildSite(contentDir: string): Promise<EleventyPage[]> {
  process.env.NEWS_CONTENT_DIR = contentDir;
  try {
    const eleventy = new Eleventy('src', '_site', { configPath: 'eleventy.config.ts', quietMode: true });
    return await eleventy.toJSON();
  } finally {
    delete process.env.NEWS_CONTENT_DIR;
  }
}

const site = suite('site build');

site('writes the integrated index and one page per published local item, drafts left out', async () => {
  const pages = await buildSite('test/fixtures/valid/content');
  const itemPages = pages.map((p) => String(p.url)).filter((url) => /^\/[a-z-]+\/\d{4}\/[^/]+\/$/.test(url));
  assert.ok(pages.some((p) => p.url === '/'));
  assert.equal(itemPages.sort(), [
    '/industry/2012/concordat-signed/',
    '/pathfinder/2012/business-case/',
    '/pathfinder/2013/business-case/',
    '/public-health/2011/wsd-findings/',
    '/social-care/2012/telecare-week/',
  ]);
  const index = pages.find((p) => p.url === '/')?.content ?? '';
  const titles = [...index.matchAll(/<h2><a href="([^"]+)">([^<]+)<\/a><\/h2>/g)].map((m) => [m[1], m[2]]);
  assert.equal(titles, [
    ['/pathfinder/2013/business-case/', 'Worcestershire publishes its business case'],
    ['/pathfinder/2012/business-case/', 'Kent updates its business case'],
    ['/industry/2012/concordat-signed/', 'Industry and the Department of Health sign the 3millionlives concordat'],
    ['/social-care/2012/telecare-week/', 'Telecare week in adult social care'],
    ['/public-health/2011/wsd-findings/', 'Whole System Demonstrator: headline findings'],
  ]);
});

site('an item page shows the sanitised body, never the pasted script', async () => {
  const pages = await buildSite('test/fixtures/valid/content');
  const page = /<main[^>]*>([\s\S]*)<\/main>/.exec(pages.find((p) => p.url === '/industry/2012/concordat-signed/')?.content ?? '')?.[1] ?? '';
  assert.match(page, '<h1>Industry and the Department of Health sign the 3millionlives concordat</h1>');
  assert.match(page, '<strong>three million</strong>');
  assert.not.match(page, /<script|onclick|javascript:|<iframe|<style/i);
});

site.run();
