/** The site build's reading threads (pipeline/parallel.ts): started before the build asks, joined by it, the same results. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as assert from 'uvu/assert';
import { generateCorpus } from '../bench/corpus.ts';
import { resolveConfig } from '../lib/config.ts';
import { listMarkdownFiles } from '../lib/content/listing.ts';
import { createLocalReader } from '../lib/content/local.ts';
import { BuildPool, startBuildPool } from '../pipeline/parallel.ts';
import { settingsFromEnvironment } from '../pipeline/settings.ts';
import { bodyDigest } from '../site/fingerprint.ts';
import { testConfigInput, testNow } from './helpers/content.ts';
import { suite } from './helpers/suite.ts';

const pool = suite('the build\'s reading threads');

function project(items: number) {
  const rootDir = mkdtempSync(path.join(tmpdir(), '3ml-news-pool-'));
  generateCorpus({ dir: path.join(rootDir, 'content'), items });
  writeFileSync(path.join(rootDir, 'content', 'industry', 'broken.md'), '---\ntitle: Broken\ndate: 2013-13-01\n---\nBody.\n');
  const options = { config: resolveConfig(testConfigInput), rootDir, contentDir: 'content', now: testNow };
  return { options, files: listMarkdownFiles(options).files, remove: () => rmSync(rootDir, { recursive: true, force: true }) };
}

pool('started on the files before the build asks, it reads them with the build\'s thread, as one thread would, with the digests of the bodies its workers read', async () => {
  const { options, files, remove } = project(600);
  try {
    const alone = files.map(createLocalReader(options));
    const started = new BuildPool(options, files, 1);
    const shared = await started.readMany(files);
    assert.equal(shared, alone);
    const bodies = alone.flatMap((result) => (result.item ? [[result.item.id, bodyDigest(result.item.contentHtml)] as const] : []));
    // The items a worker read come with their bodies' digests (the build's thread has its own items' bodies); how
    // many a worker reads depends on how soon it is up: every one of them, when the build asks late.
    for (const [id, digest] of started.digests) assert.is(digest, new Map(bodies).get(id), id);
    await started.close();
  } finally {
    remove();
  }
});

pool('asked for other files than it started on, it reads those; asked for a few, it reads them on the build\'s thread alone', async () => {
  const { options, files, remove } = project(500);
  try {
    const read = createLocalReader(options);
    const started = new BuildPool(options, files, 1);
    const some = files.slice(0, 450);
    assert.equal(await started.readMany(some), some.map(read));
    const few = files.slice(0, 3);
    assert.equal(await started.readMany(few), few.map(read));
    await started.close();
  } finally {
    remove();
  }
});

pool('starts no thread on one CPU (NEWS_THREADS=1), and starts reading at once only where there is no cache', async () => {
  const { options, remove } = project(1);
  try {
    const settings = settingsFromEnvironment({ rootDir: options.rootDir, contentDir: 'content', cacheDir: 'cache' });
    assert.is(startBuildPool(settings, testNow, 1), undefined);
    const cold = startBuildPool(settings, testNow, 2);
    assert.ok(cold instanceof BuildPool);
    await cold?.close();
  } finally {
    remove();
  }
});

pool.run();
