import * as assert from 'uvu/assert';
import { defaultStreams, resolveConfig } from '../lib/config.ts';
import { formatProblem } from '../lib/problems.ts';
import { checkStreamSlugs, reservedSegments } from '../site/outputs.ts';
import { buildSite, configProblems } from './helpers/site.ts';
import { suite } from './helpers/suite.ts';

const stream = (slug: string) => ({ slug, title: slug, description: `The ${slug} stream.` });
const site = { origin: 'https://news.example.org' };

const folders = suite('streams named like a folder of the content folder');

folders('the partner store and the static files\' folder, as configured, are refused by the library', () => {
  assert.equal(configProblems({ site, streams: [stream('partners'), stream('files')] }), [
    'news.config.ts: streams.0.slug: "partners" is a folder of the content folder that holds no news, so the stream\'s items would be mixed with it (choose another slug; these are taken: files, partners)',
    'news.config.ts: streams.1.slug: "files" is a folder of the content folder that holds no news, so the stream\'s items would be mixed with it (choose another slug; these are taken: files, partners)',
  ]);
  assert.equal(resolveConfig({ site, files: { urlPath: '/static/', dir: 'uploads' }, streams: [stream('files')] }).streams.map((s) => s.slug), ['files']);
});

folders.run();

const reserved = suite('streams named like one of the site\'s own paths');

reserved('the site refuses them, naming the option and every path it reserves, all read from the outputs table', () => {
  const config = resolveConfig({ site, streams: [...defaultStreams, stream('tags'), stream('feed'), stream('pagefind')] });
  const list = 'about, admin, archive, assets, embed, feed, feeds, files, page, pagefind, search, sources, tags';
  assert.equal(checkStreamSlugs(config).map(formatProblem), ['tags', 'feed', 'pagefind'].map((slug, index) =>
    `news.config.ts: streams.${index + 4}.slug: "${slug}" is a path the site uses for itself, so the stream's pages would collide with the site's /${slug}/ (choose another slug; these are the site's: ${list})`));
});

reserved('the static files\' URL path is reserved as configured', () => {
  const config = resolveConfig({ site, files: { urlPath: '/static/', dir: 'uploads' }, streams: [stream('static'), stream('files')] });
  assert.equal(checkStreamSlugs(config).map((p) => p.field), ['streams.0.slug']);
});

reserved('every top-level folder the site writes, other than the streams\', is reserved', async () => {
  const built = await buildSite({ contentDir: 'test/fixtures/valid/content' });
  try {
    const { readdirSync } = await import('node:fs');
    const streams = defaultStreams.map((s) => s.slug);
    const written = readdirSync(built.dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !streams.includes(e.name)).map((e) => e.name).sort();
    assert.equal(written, ['about', 'admin', 'archive', 'assets', 'embed', 'feed', 'feeds', 'files', 'search', 'sources', 'tags']);
    const config = resolveConfig({ site });
    assert.equal(written.filter((name) => !reservedSegments(config).includes(name)), []);
  } finally {
    built.remove();
  }
});

reserved.run();
