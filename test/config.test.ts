import Eleventy from '@11ty/eleventy';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { defaultStreams, formatProblem, NewsConfigError, reservedStreamSlugs, resolveConfig, type NewsConfigInput } from '../lib/index.ts';

/** The problems `resolveConfig` throws for `input`, as report lines. */
function configProblems(input: NewsConfigInput): string[] {
  try {
    resolveConfig(input);
  } catch (error) {
    assert.instance(error, NewsConfigError);
    return (error as NewsConfigError).problems.map(formatProblem);
  }
  assert.unreachable('resolveConfig should have thrown');
  return [];
}

const stream = (slug: string) => ({ slug, title: slug, description: `The ${slug} stream.` });
const site = { origin: 'https://news.example.org' };

const reserved = suite('reserved stream slugs');

reserved('a stream named like one of the site\'s own paths is rejected, naming the option and every reserved path', () => {
  const list = 'about, archive, assets, embed, feed, feeds, files, page, pagefind, partners, search, sources, tags';
  assert.equal(configProblems({ site, streams: [...defaultStreams, stream('tags'), stream('files'), stream('feed')] }), [
    `news.config.ts: streams.4.slug: "tags" is a path the site uses for itself, so the stream's pages or its content folder would collide with it (choose another slug; these are reserved: ${list})`,
    `news.config.ts: streams.5.slug: "files" is a path the site uses for itself, so the stream's pages or its content folder would collide with it (choose another slug; these are reserved: ${list})`,
    `news.config.ts: streams.6.slug: "feed" is a path the site uses for itself, so the stream's pages or its content folder would collide with it (choose another slug; these are reserved: ${list})`,
  ]);
});

reserved('the static files\' URL path and folder are reserved as configured', () => {
  const files = { urlPath: '/static/', dir: 'uploads' };
  assert.equal(configProblems({ site, files, streams: [stream('static'), stream('uploads')] }).map((line) => line.split(' is a path')[0]), [
    'news.config.ts: streams.0.slug: "static"',
    'news.config.ts: streams.1.slug: "uploads"',
  ]);
  assert.equal(resolveConfig({ site, files, streams: [stream('files')] }).streams.map((s) => s.slug), ['files']);
});

reserved('every top-level path the site writes, other than the streams\', is reserved', async () => {
  process.env.NEWS_CONTENT_DIR = 'test/fixtures/valid/content';
  try {
    const pages = await new Eleventy('src', '_site', { configPath: 'eleventy.config.ts', quietMode: true }).toJSON();
    const streams = defaultStreams.map((s) => s.slug);
    const folders = new Set(pages.map((page) => String(page.url).split('/')[1] ?? '').filter((name) => /^[a-z0-9-]+$/.test(name) && !streams.includes(name)));
    assert.equal([...folders].sort(), ['about', 'archive', 'embed', 'feed', 'feeds', 'search', 'sources', 'tags']);
    assert.equal([...folders].filter((name) => !reservedStreamSlugs.includes(name)), []);
  } finally {
    delete process.env.NEWS_CONTENT_DIR;
  }
});

reserved.run();
