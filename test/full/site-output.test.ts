import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from '../helpers/suite.ts';
import * as assert from 'uvu/assert';
import { checkLinks } from '../../scripts/link-checker.ts';
import { elements, fileOf, readPage } from '../helpers/html.ts';
import { sharedSite } from '../helpers/site.ts';

const output = suite('the built site');

/**
 * Every stylesheet, script and module a page makes the browser fetch as it loads: stylesheet
 * links (whatever the attribute order), preloads and module preloads of styles and scripts,
 * and scripts with a src, classic or module. Paths are site files.
 */
function listPageAssets(dir: string, sitePath: string): string[] {
  const page = readPage(dir, sitePath);
  const pageUrl = new URL(sitePath, 'https://site.invalid');
  const fetched = (rel: string, as: string | undefined) => {
    const rels = rel.toLowerCase().split(/\s+/);
    return rels.includes('stylesheet') || rels.includes('modulepreload') || (rels.includes('preload') && (as === 'style' || as === 'script'));
  };
  const hrefs = [
    ...elements(page, 'link').filter((l) => fetched(l.attribs.rel ?? '', l.attribs.as)).map((l) => l.attribs.href ?? ''),
    ...elements(page, 'script').flatMap((s) => (s.attribs.src === undefined ? [] : [s.attribs.src])),
  ];
  return hrefs.map((href) => fileOf(new URL(href, pageUrl).pathname));
}

output('the home page\'s HTML, CSS and JavaScript weigh under 100 KB', async () => {
  const site = await sharedSite({ commands: true });
  const assets = listPageAssets(site.dir, '/');
  assert.equal(assets.sort(), ['assets/site.css']);
  const bytes = ['index.html', ...assets].reduce((sum, file) => sum + statSync(path.join(site.dir, file)).size, 0);
  assert.ok(bytes < 100 * 1024, `the home page weighs ${bytes} bytes`);
});

output('the asset count sees every stylesheet and script, module or not, in any attribute order', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), '3ml-assets-'));
  try {
    mkdirSync(path.join(dir, 'news'));
    writeFileSync(path.join(dir, 'news', 'index.html'), `<!doctype html><title>Assets</title>
<link href="../a.css" rel="stylesheet"><link rel="alternate stylesheet" href="/b.css"><link as="style" rel="preload" href="c.css">
<link rel="modulepreload" href="/d.js"><link rel="icon" href="/icon.svg"><link rel="preload" as="image" href="/e.png">
<script type="module" src="/f.js"></script><script src="g.js" defer></script><script>inline();</script>`);
    assert.equal(listPageAssets(dir, '/news/'), ['a.css', 'b.css', 'news/c.css', 'd.js', 'f.js', 'news/g.js']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const site = await sharedSite({ commands: true });
  assert.equal(listPageAssets(site.dir, '/search/').sort(), ['assets/search.css', 'assets/search.js', 'assets/site.css']);
  assert.equal(listPageAssets(site.dir, '/embed/').sort(), ['assets/copy.js', 'assets/embed-builder.js', 'assets/site.css', 'embed/v1/news.js']);
});

output('no internal link, anchor or asset reference is broken, in pages, the sitemap or stylesheets', async () => {
  const site = await sharedSite({ commands: true });
  const report = checkLinks({ siteDir: site.dir, baseUrl: 'https://news.3millionlives.co.uk/' });
  assert.equal(report.problems, []);
  assert.ok(report.pages > 100, `${report.pages} pages`);
  assert.is(report.sitemaps, 1);
  assert.ok(report.stylesheets >= 2, `${report.stylesheets} stylesheets`);
});

output('no link is broken when the site lives under a path prefix', async () => {
  const site = await sharedSite({ prefixed: true, commands: true });
  const report = checkLinks({ siteDir: site.dir, baseUrl: 'https://www.example.org/news/' });
  assert.equal(report.problems, []);
  assert.is(report.sitemaps, 1);
  const home = readPage(site.dir, '/');
  assert.equal(elements(home, 'link', { rel: 'stylesheet' }).map((l) => l.attribs.href), ['/news/assets/site.css']);
  assert.equal(elements(home, 'link', { rel: 'canonical' }).map((l) => l.attribs.href), ['https://www.example.org/news/']);
});

output('npm run check:links holds the folder to the files the build declared, search index included: nothing broken, left over or missing', async () => {
  const site = await sharedSite({ commands: true });
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  const { stdout } = await promisify(execFile)(process.execPath, ['scripts/run.mjs', 'scripts/check-links.ts', '--site', site.dir], { env: { ...process.env, NEWS_CACHE_DIR: site.cacheDir } });
  assert.match(stdout, /^Checked \d+ pages, 1 sitemap and \d+ stylesheets: [\d,]+ references \(\d+ to other sites\), 0 broken\.\n$/);
});

output.run();
