import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkLinks } from '../scripts/link-checker.ts';
import { buildSite } from './helpers/site.ts';

const output = suite('the built site');

output('the home page\'s HTML, CSS and JavaScript weigh under 100 KB', async () => {
  const site = await buildSite();
  try {
    const html = readFileSync(path.join(site.dir, 'index.html'), 'utf8');
    const assets = [...html.matchAll(/<(?:link rel="stylesheet"|script) [^>]*(?:href|src)="\/([^"]+)"/g)].map((m) => m[1] ?? '');
    assert.equal(assets.sort(), ['assets/copy.js', 'assets/site.css']);
    const bytes = [path.join(site.dir, 'index.html'), ...assets.map((a) => path.join(site.dir, a))].reduce((sum, file) => sum + statSync(file).size, 0);
    assert.ok(bytes < 100 * 1024, `the home page weighs ${bytes} bytes`);
  } finally {
    site.remove();
  }
});

output('no internal link, anchor or asset reference is broken', async () => {
  const site = await buildSite();
  try {
    const report = await checkLinks({ siteDir: site.dir, baseUrl: 'https://news.3millionlives.co.uk/' });
    assert.equal(report.problems, []);
    assert.ok(report.pages > 100, `${report.pages} pages`);
  } finally {
    site.remove();
  }
});

output('no link is broken when the site lives under a path prefix', async () => {
  const site = await buildSite({ env: { NEWS_PATH_PREFIX: '/news/', NEWS_ORIGIN: 'https://www.example.org' } });
  try {
    const report = await checkLinks({ siteDir: site.dir, baseUrl: 'https://www.example.org/news/' });
    assert.equal(report.problems, []);
    const home = readFileSync(path.join(site.dir, 'index.html'), 'utf8');
    assert.match(home, '<link rel="stylesheet" href="/news/assets/site.css">');
    assert.match(home, '<link rel="canonical" href="https://www.example.org/news/">');
  } finally {
    site.remove();
  }
});

output.run();
