/** The build's reading threads when the build asks late: a test that waits for them (the fast tier's is test/build-pool.test.ts). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as assert from 'uvu/assert';
import { generateCorpus } from '../../bench/corpus.ts';
import { resolveConfig } from '../../lib/config.ts';
import { listMarkdownFiles } from '../../lib/content/listing.ts';
import { createLocalReader } from '../../lib/content/local.ts';
import { BuildPool } from '../../pipeline/parallel.ts';
import { testConfigInput, testNow } from '../helpers/content.ts';
import { suite } from '../helpers/suite.ts';

const pool = suite('the build\'s reading threads, asked late');

function project(items: number) {
  const rootDir = mkdtempSync(path.join(tmpdir(), '3ml-news-pool-'));
  generateCorpus({ dir: path.join(rootDir, 'content'), items });
  const options = { config: resolveConfig(testConfigInput), rootDir, contentDir: 'content', now: testNow };
  return { options, files: listMarkdownFiles(options).files, remove: () => rmSync(rootDir, { recursive: true, force: true }) };
}

pool('a build that asks late finds every file read by the workers, each with its body\'s digest', async () => {
  const { options, files, remove } = project(450);
  try {
    const started = new BuildPool(options, files, 1);
    // Long enough for a worker to load and read them all, under tsx.
    await new Promise((resolve) => setTimeout(resolve, 6000));
    const results = await started.readMany(files);
    assert.equal(results, files.map(createLocalReader(options)));
    assert.is(started.digests.size, 450);
    await started.close();
  } finally {
    remove();
  }
});

pool.run();
